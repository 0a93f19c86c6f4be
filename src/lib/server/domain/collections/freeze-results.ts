import * as m from '../../../paraglide/messages.js';
import { resultsChartSvg } from '../../charts/results';
import type { DB } from '../../db/types';
import type { CollectionLanguage, ResultsModel } from '../../export/collection/model';
import { decimalsOf } from '../approbations/indicators';
import { materialResults } from '../approbations/material-results';
import type { IndicatorResults, MarkIndicator } from '../approbations/results-model';

// A material's approbation results as an edition prints them: every text in the collection's
// language, numbers as that language writes them, each chart as the SVG the pages draw.

const indicatorNames: Record<
	MarkIndicator,
	(p: object, o: { locale: CollectionLanguage }) => string
> = {
	average_mark: m.approbation_ind_average_mark,
	knowledge_quality: m.approbation_ind_knowledge_quality,
	progress_rate: m.approbation_ind_progress_rate,
	sou: m.approbation_ind_sou
};

function indicatorTitle(indicator: IndicatorResults, locale: CollectionLanguage): string {
	const name =
		indicator.key === 'custom' ? indicator.name : indicatorNames[indicator.key]({}, { locale });
	return indicator.unit ? `${name}, ${indicator.unit}` : name;
}

/** The size an SVG says it has, in CSS pixels. */
function svgSize(svg: string): { width: number; height: number } {
	const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1] ?? 640);
	const height = Number(/<svg[^>]*\sheight="([\d.]+)"/.exec(svg)?.[1] ?? 360);
	return { width, height };
}

/** The results of the material's approbations, or undefined when it has none to print. */
export async function freezeResults(
	db: DB,
	materialId: string,
	locale: CollectionLanguage
): Promise<ResultsModel | undefined> {
	const results = await materialResults(db, materialId);
	const indicators = results.indicators.filter((i) => i.points.length > 0);
	if (indicators.length === 0) return undefined;
	const o = { locale };
	const number = (value: number, decimals: number) =>
		new Intl.NumberFormat(locale, { maximumFractionDigits: decimals }).format(value);
	const signed = (value: number, decimals: number) =>
		new Intl.NumberFormat(locale, {
			maximumFractionDigits: decimals,
			signDisplay: 'exceptZero'
		}).format(value);
	const confirmed = m.approbation_confirmed({}, o);
	const selfReported = m.approbation_self_reported({}, o);
	return {
		summary: m.collection_doc_results_count(
			{ count: results.approbations, confirmed: results.confirmedApprobations },
			o
		),
		indicators: indicators.map((indicator) => {
			const title = indicatorTitle(indicator, locale);
			const description = m.results_chart_desc({}, o);
			const decimals = decimalsOf(indicator.key);
			const svg = resultsChartSvg(
				indicator,
				{
					title,
					description,
					before: m.approbation_before({}, o),
					after: m.approbation_after({}, o),
					confirmed,
					selfReported,
					unit: indicator.unit
				},
				locale
			);
			return {
				title,
				description,
				svg,
				...svgSize(svg),
				headers: [
					m.collection_doc_class({}, o),
					m.collection_doc_pupils({}, o),
					m.approbation_before({}, o),
					m.approbation_after({}, o),
					m.collection_doc_change({}, o),
					m.collection_doc_status({}, o)
				],
				rows: indicator.points.map((p) => [
					p.classLabel,
					String(p.pupils),
					number(p.before, decimals),
					number(p.after, decimals),
					signed(p.after - p.before, decimals),
					p.confirmed ? confirmed : selfReported
				])
			};
		})
	};
}

import { formatDateTime, formatNumber } from '../../i18n/format';
import type { Locale } from '../../i18n/locale';
import * as m from '../../paraglide/messages.js';
import { distributionSvg } from '../charts/distribution';
import type { FormPurpose } from '../db/types';
import type { AnswerValue } from '../domain/forms/answers';
import type { ExportData } from '../domain/forms/export-responses';
import type { FieldType, FormField } from '../domain/forms/fields';
import { summarize, type QuestionSummary } from '../domain/forms/summary';
import type { Cell, ResponsesTable, SummaryTable } from '../export/responses/table';
import { formatDay } from './days';
import { translate } from './i18n';

// What the forms pages and exports show: names of purposes and field types, answers as
// text, the summary per question with its chart, and the tables of the exports.

export function purposeName(purpose: FormPurpose, locale?: Locale): string {
	return translate(`forms_purpose_${purpose}`, undefined, locale);
}

export function fieldTypeName(type: FieldType): string {
	return translate(`forms_type_${type}`);
}

/** Mean and median with at most two decimals, the locale's way ("4,25"). */
export function formatStat(value: number | null, locale: Locale): string {
	return value === null ? '—' : formatNumber(Math.round(value * 100) / 100, locale);
}

/** An answer as one cell's text (a table, a CSV): choices joined, days and numbers in the locale. */
export function answerText(
	field: FormField,
	value: AnswerValue | undefined,
	locale: Locale,
	fileNames: Map<string, string> = new Map()
): string {
	if (value === null || value === undefined) return '';
	if (field.type === 'file' && Array.isArray(value))
		return value.map((id) => fileNames.get(id) ?? id).join('; ');
	if (Array.isArray(value)) return value.join('; ');
	if (typeof value === 'number') return formatNumber(value, locale);
	if (field.type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value, locale);
	return value;
}

/** An answer as a spreadsheet cell: numbers stay numbers so the leader can compute. */
function answerCell(field: FormField, value: AnswerValue | undefined): Cell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number') return value;
	if (Array.isArray(value)) return value.join('; ');
	return value;
}

export interface SummaryView extends QuestionSummary {
	meanText: string;
	medianText: string;
	/** The chart (SVG markup) when the question has a distribution. */
	svg: string | null;
	caption: string;
}

/** The summary per question with its chart, for the page (numbers the locale's way). */
export function summaryViews(summaries: QuestionSummary[], locale: Locale): SummaryView[] {
	const number = (n: number) => formatNumber(n, locale);
	return summaries.map((s) => {
		const bars = s.bars.map((b) =>
			b.low === undefined || b.high === undefined
				? b
				: { ...b, label: b.low === b.high ? number(b.low) : `${number(b.low)} – ${number(b.high)}` }
		);
		return {
			...s,
			bars,
			meanText: formatStat(s.mean, locale),
			medianText: formatStat(s.median, locale),
			caption: s.label,
			svg:
				bars.length > 0
					? distributionSvg(
							bars,
							{ title: s.label, description: m.forms_q_chart_desc({}, { locale }) },
							locale
						)
					: null
		};
	});
}

/** The responses sheet: the member, when sent, then one column per question. */
export function responsesTable(data: ExportData, locale: Locale, timeZone: string): ResponsesTable {
	return {
		title: data.questionnaire.title,
		header: [
			m.forms_q_respondent({}, { locale }),
			m.forms_q_submitted_col({}, { locale }),
			...data.fields.map((f) => f.label)
		],
		rows: data.responses.map((r) => [
			r.fullName,
			r.submittedAt ? formatDateTime(r.submittedAt, locale, timeZone) : null,
			...data.fields.map((f) => answerCell(f, r.answers[f.key]))
		])
	};
}

/** The summary sheet: a row per question (answered, mean, median), then one per value. */
export function summaryTable(data: ExportData, locale: Locale): SummaryTable {
	const summaries = summarize(
		data.fields,
		data.responses.map((r) => r.answers)
	);
	const rows: Cell[][] = [];
	for (const s of summaries) {
		rows.push([s.label, null, null, s.answered, round(s.mean), round(s.median)]);
		for (const bar of s.bars) rows.push([null, bar.label, bar.count, null, null, null]);
	}
	return {
		header: [
			m.forms_q_question({}, { locale }),
			m.forms_q_value({}, { locale }),
			m.forms_q_count({}, { locale }),
			m.forms_q_answered_col({}, { locale }),
			m.forms_q_mean_col({}, { locale }),
			m.forms_q_median_col({}, { locale })
		],
		rows
	};
}

const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

/** A file name for an export: the questionnaire's title, made safe for every system. */
export function exportFileName(title: string, extension: 'csv' | 'xlsx'): string {
	const base =
		title
			.replace(/[\\/:*?"<>|]/g, ' ')
			.replace(/\s+/g, ' ')
			.split('')
			.filter((c) => c.charCodeAt(0) >= 32)
			.join('')
			.replace(/\s+/g, ' ')
			.trim()
			.slice(0, 80) || 'responses';
	return `${base}.${extension}`;
}

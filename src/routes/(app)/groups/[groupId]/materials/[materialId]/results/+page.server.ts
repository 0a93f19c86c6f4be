import { getMaterialResults } from '$lib/server/domain/approbations/get-material-results';
import { asId, type GroupId, type MaterialId } from '$lib/server/domain/ids';
import {
	confirmationName,
	indicatorChart,
	indicatorDefinitions,
	periodOf
} from '$lib/server/web/approbation-views';
import { actorCtx } from '$lib/server/web/context';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const page = await orHttpError(
		getMaterialResults(actorCtx(locals), {
			groupId: asId<GroupId>(params.groupId),
			materialId: asId<MaterialId>(params.materialId)
		})
	);
	const locale = locals.locale;
	const titles = new Map(page.approbations.map((a) => [a.id, a.title]));
	return {
		material: page.material,
		counts: translate('results_counts', {
			count: page.results.approbations,
			confirmed: page.results.confirmedApprobations
		}),
		approbations: page.approbations.map((a) => ({
			id: a.id,
			title: a.title,
			authorName: a.authorName,
			period: periodOf(a.startsOn, a.endsOn, locale),
			version:
				a.versionNumber === null
					? null
					: translate('approbation_version', { number: a.versionNumber }),
			confirmed: a.confirmed,
			status: confirmationName(a.confirmed),
			observations: translate('approbation_observations_of', {
				count: a.observations,
				required: page.required
			})
		})),
		charts: page.results.indicators.map((i) => indicatorChart(i, titles, locale)),
		definitions: indicatorDefinitions()
	};
};

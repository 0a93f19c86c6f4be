import { getGroupResults } from '$lib/server/domain/approbations/group-results';
import { markIndicators } from '$lib/server/domain/approbations/results-model';
import { asId, type GroupId } from '$lib/server/domain/ids';
import { changeText, indicatorDefinitions, indicatorName } from '$lib/server/web/approbation-views';
import { actorCtx } from '$lib/server/web/context';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const page = await orHttpError(
		getGroupResults(actorCtx(locals), { groupId: asId<GroupId>(params.groupId) })
	);
	const locale = locals.locale;
	return {
		totals: translate('results_group_totals', {
			total: page.total,
			confirmed: page.confirmed,
			proposals: page.ofProposals
		}),
		hasProposals: page.ofProposals > 0,
		indicators: markIndicators.map((key) => ({ key, name: indicatorName(key) })),
		materials: page.materials.map((l) => ({
			id: l.materialId,
			title: l.title,
			approbations: l.approbations,
			confirmed: l.confirmed,
			classes: l.classes,
			changes: markIndicators.map((key) => {
				const value = l.changes[key];
				return value === null
					? '—'
					: changeText(key, value, key === 'average_mark' ? '' : '%', locale);
			})
		})),
		definitions: indicatorDefinitions()
	};
};

import { asId, type GroupId } from '$lib/server/domain/ids';
import { listApprobations } from '$lib/server/domain/approbations/list-approbations';
import { confirmationName, periodOf } from '$lib/server/web/approbation-views';
import { actorCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import { translate } from '$lib/server/web/i18n';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const list = await orHttpError(
		listApprobations(actorCtx(locals), { groupId: asId<GroupId>(params.groupId) })
	);
	const locale = locals.locale;
	return {
		canRecord: list.canRecord,
		askedCount: list.askedCount,
		items: list.items.map((a) => ({
			id: a.id,
			title: a.title,
			authorName: a.authorName,
			period: periodOf(a.startsOn, a.endsOn, locale),
			classes: a.classes,
			confirmed: a.confirmed,
			status: confirmationName(a.confirmed),
			observations: translate('approbation_observations_of', {
				count: a.observations,
				required: list.required
			}),
			askedToObserve: a.askedToObserve,
			tried:
				a.tried.kind === 'material'
					? {
							text: translate('approbation_tried_material', { title: a.tried.title }),
							href: `/groups/${params.groupId}/materials/${a.tried.id}`
						}
					: {
							text: translate('approbation_tried_proposal', {
								number: a.tried.number,
								title: a.tried.title
							}),
							href: `/groups/${params.groupId}/proposals/${a.tried.id}`
						}
		}))
	};
};

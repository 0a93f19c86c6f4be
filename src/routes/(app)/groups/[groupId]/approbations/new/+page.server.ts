import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { getNewApprobation } from '$lib/server/domain/approbations/get-new-approbation';
import { MAX_CLASSES, MAX_INDICATORS, MAX_PUPILS } from '$lib/server/domain/approbations/input';
import { recordApprobation } from '$lib/server/domain/approbations/record-approbation';
import { answersFromForm } from '$lib/server/domain/forms/answers';
import { asId, type GroupId, type MaterialId, type ProposalId } from '$lib/server/domain/ids';
import { classBlocks, decodeApprobation, onBlocks } from '$lib/server/web/approbation-views';
import { actorCtx } from '$lib/server/web/context';
import { today } from '$lib/server/web/days';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

/** What was tried, from the page's address: `?material=…`, `?proposal=…` or the chooser's `?tried=m:…`. */
function choiceOf(url: URL): { materialId?: MaterialId; proposalId?: ProposalId } {
	const tried = url.searchParams.get('tried') ?? '';
	const material =
		url.searchParams.get('material') ?? (tried.startsWith('m:') ? tried.slice(2) : '');
	const proposal =
		url.searchParams.get('proposal') ?? (tried.startsWith('p:') ? tried.slice(2) : '');
	if (material) return { materialId: asId<MaterialId>(material) };
	if (proposal) return { proposalId: asId<ProposalId>(proposal) };
	return {};
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const choice = choiceOf(url);
	const page = await orHttpError(
		getNewApprobation(actorCtx(locals), { groupId: asId<GroupId>(params.groupId), ...choice })
	);
	const day = today(config().timeZone);
	return {
		materials: page.materials,
		proposals: page.proposals,
		chosen: page.chosen && { ...page.chosen, ...choice },
		reportForm: page.reportForm,
		defaults: { title: page.chosen?.title ?? '', startsOn: day, endsOn: day },
		blocks: classBlocks({}, 2),
		limits: { classes: MAX_CLASSES, pupils: MAX_PUPILS, indicators: MAX_INDICATORS }
	};
};

export const actions: Actions = {
	default: async (event) => {
		const ctx = actorCtx(event.locals);
		const groupId = asId<GroupId>(event.params.groupId);
		const created = await runForm(event, async (values) => {
			const one = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
			const choice = {
				...(one('materialId') ? { materialId: asId<MaterialId>(one('materialId')) } : {}),
				...(one('proposalId') ? { proposalId: asId<ProposalId>(one('proposalId')) } : {})
			};
			const page = await getNewApprobation(ctx, { groupId });
			const decoded = decodeApprobation(values);
			return onBlocks(decoded, () =>
				recordApprobation(ctx, {
					groupId,
					...choice,
					...decoded.fields,
					...(page.reportForm ? { report: answersFromForm(page.reportForm.fields, values) } : {})
				})
			);
		});
		if ('approbationId' in created)
			redirect(303, `/groups/${groupId}/approbations/${created.approbationId}?created=1`);
		return created;
	}
};

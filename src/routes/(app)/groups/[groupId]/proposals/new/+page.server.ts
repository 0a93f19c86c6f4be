import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { asId, type GroupId } from '$lib/server/domain/ids';
import { assertCanPropose, createProposal } from '$lib/server/domain/proposals/create-proposal';
import { createProposalInput, MAX_PROPOSAL_FILES } from '$lib/server/domain/proposals/input';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { orHttpError } from '$lib/server/web/load';
import { proposalKindOptions } from '$lib/server/web/proposal-views';
import { runUpload } from '$lib/server/web/uploads';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	await orHttpError(assertCanPropose(actorCtx(locals), { groupId: asId<GroupId>(params.groupId) }));
	return {
		kinds: proposalKindOptions(),
		maxFiles: MAX_PROPOSAL_FILES,
		maxFileMb: Math.round(config().maxFileBytes / 1024 / 1024)
	};
};

export const actions: Actions = {
	default: async (event) => {
		const ctx = actorCtx(event.locals);
		const groupId = asId<GroupId>(event.params.groupId);
		const created = await runUpload(
			event,
			() => assertCanPropose(ctx, { groupId }),
			(values, files) =>
				createProposal(ctx, {
					...formInput(createProposalInput, values, { groupId }),
					files,
					maxGroupBytes: config().maxGroupFilesBytes
				}),
			{ maxFiles: MAX_PROPOSAL_FILES }
		);
		if ('proposalId' in created)
			redirect(303, `/groups/${groupId}/proposals/${created.proposalId}?created=1`);
		return created;
	}
};

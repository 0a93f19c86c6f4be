import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { assertCanPropose, createProposal } from '$lib/server/domain/proposals/create-proposal';
import { MAX_PROPOSAL_FILES } from '$lib/server/domain/proposals/input';
import { fileStore } from '$lib/server/storage';
import { requireActor } from '$lib/server/web/denied';
import { orHttpError } from '$lib/server/web/load';
import { proposalKindOptions } from '$lib/server/web/proposal-views';
import { runUpload } from '$lib/server/web/uploads';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	await orHttpError(assertCanPropose(database(), actor, params.groupId));
	return {
		kinds: proposalKindOptions(),
		maxFiles: MAX_PROPOSAL_FILES,
		maxFileMb: Math.round(config().maxFileBytes / 1024 / 1024)
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		const db = database();
		const created = await runUpload(
			request,
			() => assertCanPropose(db, actor, params.groupId),
			(values, files) =>
				createProposal(db, fileStore(), actor, params.groupId, values, files, {
					maxGroupBytes: config().maxGroupFilesBytes
				}),
			{ maxFiles: MAX_PROPOSAL_FILES }
		);
		if ('proposalId' in created)
			redirect(303, `/groups/${params.groupId}/proposals/${created.proposalId}?created=1`);
		return created;
	}
};

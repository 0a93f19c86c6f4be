import { database } from '$lib/server/db';
import { isViewable } from '$lib/server/domain/materials/get-attachment';
import { getProposalAttachment } from '$lib/server/domain/proposals/get-proposal-attachment';
import { fileResponse } from '$lib/server/files/download';
import { fileStore } from '$lib/server/storage';
import { requireActor } from '$lib/server/web/denied';
import { orHttpError } from '$lib/server/web/load';
import type { RequestHandler } from './$types';

/** Downloads a proposal's file; `?view=inline` opens a PDF, picture or recording in the browser. */
export const GET: RequestHandler = async ({ locals, params, url, request }) => {
	const actor = requireActor(locals);
	const file = await orHttpError(
		getProposalAttachment(database(), actor, params.groupId, params.proposalId, params.attachmentId)
	);
	return fileResponse(fileStore(), file.blobKey, {
		name: file.name,
		mime: file.mime,
		size: Number(file.size),
		inline: url.searchParams.get('view') === 'inline' && isViewable(file.kind),
		rangeHeader: request.headers.get('range')
	});
};

import { isViewable } from '$lib/server/domain/materials/get-attachment';
import { getProposalAttachment } from '$lib/server/domain/proposals/get-proposal-attachment';
import { asId, type AttachmentId, type GroupId, type ProposalId } from '$lib/server/domain/ids';
import { fileResponse } from '$lib/server/files/download';
import { actorCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import type { RequestHandler } from './$types';

/** Downloads a proposal's file; `?view=inline` opens a PDF, picture or recording in the browser. */
export const GET: RequestHandler = async ({ locals, params, url, request }) => {
	const ctx = actorCtx(locals);
	const file = await orHttpError(
		getProposalAttachment(ctx, {
			groupId: asId<GroupId>(params.groupId),
			proposalId: asId<ProposalId>(params.proposalId),
			attachmentId: asId<AttachmentId>(params.attachmentId)
		})
	);
	return fileResponse(ctx.store, file.blobKey, {
		name: file.name,
		mime: file.mime,
		size: Number(file.size),
		inline: url.searchParams.get('view') === 'inline' && isViewable(file.kind),
		rangeHeader: request.headers.get('range')
	});
};

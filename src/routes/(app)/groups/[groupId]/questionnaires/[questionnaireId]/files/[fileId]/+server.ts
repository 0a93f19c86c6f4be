import { getResponseFile } from '$lib/server/domain/forms/get-response-file';
import {
	asId,
	type GroupId,
	type QuestionnaireId,
	type ResponseFileId
} from '$lib/server/domain/ids';
import { fileResponse } from '$lib/server/files/download';
import { actorCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import type { RequestHandler } from './$types';

/** A file given as an answer: to its respondent, the leader and the administration. */
export const GET: RequestHandler = async ({ locals, params, request }) => {
	const ctx = actorCtx(locals);
	const file = await orHttpError(
		getResponseFile(ctx, {
			groupId: asId<GroupId>(params.groupId),
			questionnaireId: asId<QuestionnaireId>(params.questionnaireId),
			fileId: asId<ResponseFileId>(params.fileId)
		})
	);
	return fileResponse(ctx.store, file.key, {
		name: file.name,
		mime: file.mime,
		size: file.size,
		inline: false,
		rangeHeader: request.headers.get('range')
	});
};

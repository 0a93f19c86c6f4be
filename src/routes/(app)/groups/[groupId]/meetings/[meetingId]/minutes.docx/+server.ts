import { asId, type GroupId, type MeetingId } from '$lib/server/domain/ids';
import { actorCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import { minutesDocument } from '$lib/server/web/minutes-document';
import type { RequestHandler } from './$types';

/** The official minutes ("протокол") as a Word document, in the user's language. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const { docx, filename, asciiName } = await orHttpError(
		minutesDocument(
			actorCtx(locals),
			{ groupId: asId<GroupId>(params.groupId), meetingId: asId<MeetingId>(params.meetingId) },
			locals.locale
		)
	);
	return new Response(new Uint8Array(docx), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};

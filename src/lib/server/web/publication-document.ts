import type { RequestEvent } from '@sveltejs/kit';
import { publicationEditionFile } from '../domain/publications/edition-of-publication';
import { fileResponse } from '../files/download';
import { editionFileName } from './collection-views';
import { viewerCtx } from './context';
import { orHttpError, signInFirst } from './load';

const MIME = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
};

/** A publication's document as a download: an edition's, as it was compiled. */
export async function publicationDocument(
	event: Pick<RequestEvent, 'locals' | 'params' | 'request' | 'url'>,
	format: 'pdf' | 'docx'
): Promise<Response> {
	const ctx = viewerCtx(event.locals);
	const code = event.params.code ?? '';
	const file = await orHttpError(
		publicationEditionFile(ctx, { code, format }).catch(signInFirst(event.url))
	);
	return fileResponse(ctx.store, file.key, {
		name: editionFileName(file.title, file.number, format),
		mime: MIME[format],
		size: file.size,
		inline: false,
		rangeHeader: event.request.headers.get('range')
	});
}

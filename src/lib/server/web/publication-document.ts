import type { RequestEvent } from '@sveltejs/kit';
import { publicationEditionFile } from '../domain/publications/edition-of-publication';
import { publicationMaterialFile } from '../domain/publications/material-of-publication';
import { publicationKind } from '../domain/publications/queries';
import { fileResponse } from '../files/download';
import { editionFileName } from './collection-views';
import { viewerCtx } from './context';
import { orHttpError, signInFirst } from './load';

const MIME = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
};

/** A publication's document as a download: an edition's as compiled, a material version's own. */
export async function publicationDocument(
	event: Pick<RequestEvent, 'locals' | 'params' | 'request' | 'url'>,
	format: 'pdf' | 'docx'
): Promise<Response> {
	const ctx = viewerCtx(event.locals);
	const code = event.params.code ?? '';
	const kind = await orHttpError(publicationKind(ctx, code));
	const file = await orHttpError(
		(kind === 'edition'
			? publicationEditionFile(ctx, { code, format }).then((f) => ({
					key: f.key,
					size: f.size,
					name: editionFileName(f.title, f.number, format),
					mime: MIME[format]
				}))
			: publicationMaterialFile(ctx, { code, format })
		).catch(signInFirst(event.url))
	);
	return fileResponse(ctx.store, file.key, {
		name: file.name,
		mime: file.mime,
		size: file.size,
		inline: false,
		rangeHeader: event.request.headers.get('range')
	});
}

import { materialPrintView } from '$lib/server/domain/material-documents/print-view';
import { publicationMaterial } from '$lib/server/domain/publications/material-of-publication';
import { viewerCtx } from '$lib/server/web/context';
import { orHttpError, signInFirst } from '$lib/server/web/load';
import type { PageServerLoad } from './$types';

// The published version as a document to read and print: no app chrome (`bare`), no script.
export const csr = false;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const model = await orHttpError(
		publicationMaterial(viewerCtx(locals), { code: params.code, locale: locals.locale }).catch(
			signInFirst(url)
		)
	);
	const base = `/p/${params.code}`;
	return {
		bare: true as const,
		base,
		view: materialPrintView(model, (key) => `${base}/images/${key}`)
	};
};

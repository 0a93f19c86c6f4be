import { publicationEdition } from '$lib/server/domain/publications/edition-of-publication';
import { editionBodyHtml } from '$lib/server/export/collection/web';
import { viewerCtx } from '$lib/server/web/context';
import { orHttpError, signInFirst } from '$lib/server/web/load';
import * as m from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

/** A published edition read on the web, as the group reads its web edition. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const model = await orHttpError(
		publicationEdition(viewerCtx(locals), { code: params.code }).catch(signInFirst(url))
	);
	const base = `/p/${params.code}`;
	const imageUrl = (key: string) => `${base}/images/${key}`;
	return {
		base,
		topLabel: m.collection_web_top({}, { locale: model.language }),
		model: {
			...model,
			sections: model.sections.map((s) => ({
				...s,
				items: s.items.map((i) => ({
					...i,
					bodyHtml: editionBodyHtml(i.bodyHtml, imageUrl, `m${i.number}`)
				}))
			}))
		}
	};
};

import { webEdition } from '$lib/server/domain/collections/web-edition';
import { asId, type CollectionId, type GroupId } from '$lib/server/domain/ids';
import { editionBodyHtml } from '$lib/server/export/collection/web';
import { actorCtx } from '$lib/server/web/context';
import { editionNumber } from '$lib/server/web/edition-number';
import { orHttpError } from '$lib/server/web/load';
import * as m from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

// The web edition reads as a document: no JavaScript at all.
export const csr = false;

export const load: PageServerLoad = async ({ locals, params }) => {
	const number = editionNumber(params.number);
	const { model } = await orHttpError(
		webEdition(actorCtx(locals), {
			groupId: asId<GroupId>(params.groupId),
			collectionId: asId<CollectionId>(params.collectionId),
			number
		})
	);
	const base = `/groups/${params.groupId}/collections/${params.collectionId}/editions/${number}`;
	const imageUrl = (key: string) => `${base}/images/${key}`;
	return {
		base,
		/** The "back to top" links are part of the document: in its language, not the reader's. */
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

import { config } from '$lib/server/config.js';
import { approveEdition } from '$lib/server/domain/collections/approve-edition';
import { getEdition } from '$lib/server/domain/collections/get-edition';
import { retryEdition } from '$lib/server/domain/collections/retry-edition';
import { asId, type CollectionId, type GroupId } from '$lib/server/domain/ids';
import { formatDateTime } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { runForm } from '$lib/server/web/forms';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import { fileSize } from '$lib/server/web/material-views';
import { editionNumber } from '$lib/server/web/edition-number';
import type { Actions, PageServerLoad } from './$types';

/** The edition the URL names. */
const editionOf = (params: { groupId: string; collectionId: string; number: string }) => ({
	groupId: asId<GroupId>(params.groupId),
	collectionId: asId<CollectionId>(params.collectionId),
	number: editionNumber(params.number)
});

export const load: PageServerLoad = async ({ locals, params }) => {
	const edition = editionOf(params);
	const { number } = edition;
	const view = await orHttpError(getEdition(actorCtx(locals), edition));
	const { timeZone } = config();
	const at = (d: Date | null) => (d ? formatDateTime(d, locals.locale, timeZone) : null);
	const e = view.edition;
	const base = `/groups/${params.groupId}/collections/${params.collectionId}/editions/${number}`;
	return {
		collection: view.collection,
		edition: {
			...e,
			requestedAt: at(e.requestedAt),
			finishedAt: at(e.finishedAt),
			approvedAt: at(e.approvedAt),
			docxSize: e.docxSize === null ? null : fileSize(e.docxSize, locals.locale),
			pdfSize: e.pdfSize === null ? null : fileSize(e.pdfSize, locals.locale),
			error: e.errorCode ? translate(`collection_edition_error_${e.errorCode}` as never) : null
		},
		links: {
			docx: `${base}/collection.docx`,
			pdf: `${base}/collection.pdf`,
			web: `${base}/web`,
			vote: `/groups/${params.groupId}/votes/new?edition=${e.editionId}`,
			publish: `/groups/${params.groupId}/publications?target=edition:${e.editionId}`
		},
		votes: view.votes,
		canRead: view.canRead,
		canRetry: view.canRetry,
		canPutToVote: view.canPutToVote,
		canApprove: view.canApprove
	};
};

export const actions: Actions = {
	retry: async (event) => {
		const ctx = actorCtx(event.locals);
		return runForm(event, async () => {
			await retryEdition(ctx, editionOf(event.params));
			return { retried: true as const };
		});
	},
	approve: async (event) => {
		const ctx = actorCtx(event.locals);
		return runForm(event, async () => {
			await approveEdition(ctx, editionOf(event.params));
			return { approved: true as const };
		});
	}
};

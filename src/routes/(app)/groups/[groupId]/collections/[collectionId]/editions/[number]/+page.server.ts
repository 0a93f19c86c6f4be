import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { approveEdition } from '$lib/server/domain/collections/approve-edition';
import { getEdition } from '$lib/server/domain/collections/get-edition';
import { retryEdition } from '$lib/server/domain/collections/retry-edition';
import { formatDateTime } from '$lib/i18n/format';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import { fileSize } from '$lib/server/web/material-views';
import { editionNumber } from '$lib/server/web/edition-number';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const number = editionNumber(params.number);
	const view = await orHttpError(
		getEdition(database(), actor, params.groupId, params.collectionId, number)
	);
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
			vote: `/groups/${params.groupId}/votes/new?edition=${e.editionId}`
		},
		votes: view.votes,
		canRead: view.canRead,
		canRetry: view.canRetry,
		canPutToVote: view.canPutToVote,
		canApprove: view.canApprove
	};
};

export const actions: Actions = {
	retry: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async () => {
			await retryEdition(
				database(),
				actor,
				params.groupId,
				params.collectionId,
				editionNumber(params.number)
			);
			return { retried: true as const };
		});
	},
	approve: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async () => {
			await approveEdition(
				database(),
				actor,
				params.groupId,
				params.collectionId,
				editionNumber(params.number)
			);
			return { approved: true as const };
		});
	}
};

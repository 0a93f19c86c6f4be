import { config } from '$lib/server/config.js';
import { materialResultsLink } from '$lib/server/domain/approbations/results-link';
import { asId, type GroupId, type MaterialId } from '$lib/server/domain/ids';
import { addComment } from '$lib/server/domain/materials/add-comment';
import { assertCanEdit } from '$lib/server/domain/materials/assert-can-edit';
import { attachFiles } from '$lib/server/domain/materials/attach-files';
import { decideMaterial } from '$lib/server/domain/materials/decide-material';
import { isViewable } from '$lib/server/domain/materials/get-attachment';
import { getMaterial } from '$lib/server/domain/materials/get-material';
import { hasDocuments } from '$lib/server/domain/material-documents/policy';
import {
	addCommentInput,
	decideMaterialInput,
	removeAttachmentInput
} from '$lib/server/domain/materials/input';
import { offerMaterial } from '$lib/server/domain/materials/offer-material';
import { removeAttachment } from '$lib/server/domain/materials/remove-attachment';
import { listSubjects } from '$lib/server/domain/subjects/list-subjects';
import { formatDateTime } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { faceOf } from '$lib/server/web/faces';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import {
	criterionLabel,
	fileSize,
	materialEventLine,
	materialStatusName,
	materialTypeName,
	recommendationName,
	reviewAverageRows,
	statusTone
} from '$lib/server/web/material-views';
import { runUpload } from '$lib/server/web/uploads';
import type { Actions, PageServerLoad } from './$types';

const idsOf = (params: { groupId: string; materialId: string }) => ({
	groupId: asId<GroupId>(params.groupId),
	materialId: asId<MaterialId>(params.materialId)
});

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const ctx = actorCtx(locals);
	const { timeZone } = config();
	const locale = locals.locale;
	const view = await orHttpError(getMaterial(ctx, idsOf(params)));
	const subjectNames = new Map((await listSubjects(ctx, { locale })).map((s) => [s.id, s.name]));
	const results = await materialResultsLink(ctx, idsOf(params));
	const { material } = view;
	const base = `/groups/${params.groupId}/materials/${params.materialId}`;
	return {
		created: url.searchParams.has('created'),
		saved: url.searchParams.has('saved'),
		replyTo: url.searchParams.get('reply'),
		material: {
			id: material.id,
			title: material.title,
			type: materialTypeName(material.type),
			status: material.status,
			statusName: materialStatusName(material.status),
			statusTone: statusTone(material.status),
			language: material.language,
			abstract: material.abstract,
			bodyHtml: material.bodyHtml,
			tags: material.tags,
			versionNumber: material.versionNumber,
			updatedAt: formatDateTime(material.updatedAt, locale, timeZone)
		},
		authors: view.authors,
		subjects: view.subjects.map((id) => subjectNames.get(id) ?? id),
		grades: view.grades,
		attachments: view.attachments.map((a) => ({
			id: a.id,
			name: a.name,
			kind: a.kind,
			size: fileSize(a.size, locale),
			href: `${base}/files/${a.id}`,
			thumbnail: a.hasThumbnail ? `${base}/files/${a.id}?view=thumb` : null,
			inline: isViewable(a.kind),
			preview: a.kind === 'docx' ? `${base}/files/${a.id}/preview` : null
		})),
		events: view.events.map((e) => materialEventLine(e, locale, timeZone)),
		averages: reviewAverageRows(view.reviews.averages, locale),
		recommendations: view.reviews.recommendations,
		reviews: view.reviews.reviews.map((r) => ({
			id: r.id,
			reviewerName: r.reviewerName,
			reviewer: faceOf({
				id: r.reviewerId,
				fullName: r.reviewerName,
				photoKey: r.reviewerPhotoKey,
				photoUpdatedAt: r.reviewerPhotoUpdatedAt
			}),
			versionNumber: r.versionNumber,
			isCurrent: r.versionNumber === material.versionNumber,
			recommendation: recommendationName(r.recommendation),
			comment: r.comment,
			at: formatDateTime(r.updatedAt, locale, timeZone),
			scores: r.scores.map((s) => ({
				label: criterionLabel(
					view.reviews.criteria.find((c) => c.id === s.criterionId) ?? { builtin: null, name: null }
				),
				score: s.score,
				comment: s.comment
			}))
		})),
		comments: view.comments,
		hasMyReview: view.myReview !== undefined,
		can: view.can,
		decisions: view.can.decisions.map((value) => ({ value, label: materialStatusName(value) })),
		maxFileMb: Math.round(config().maxFileBytes / 1024 / 1024),
		// C7: an accepted material is also a document of its own (DOCX, PDF, print view).
		documents: hasDocuments(material.status)
			? {
					docx: `${base}/material.docx`,
					pdf: `${base}/material.pdf`,
					print: `${base}/print`,
					version: material.versionNumber
				}
			: null,
		// §4.1: members and the administration see how it did in class.
		results: results && {
			count: results.approbations,
			href: `${base}/results`
		}
	};
};

export const actions: Actions = {
	offer: async (event) => {
		const ctx = actorCtx(event.locals);
		const ids = idsOf(event.params);
		return runForm(event, async () => {
			await offerMaterial(ctx, ids);
			return { offered: true as const };
		});
	},
	decide: async (event) => {
		const ctx = actorCtx(event.locals);
		const ids = idsOf(event.params);
		return runForm(event, async (values) => {
			await decideMaterial(ctx, formInput(decideMaterialInput, values, ids));
			return { decided: true as const };
		});
	},
	comment: async (event) => {
		const ctx = actorCtx(event.locals);
		const ids = idsOf(event.params);
		return runForm(event, async (values) => {
			await addComment(ctx, formInput(addCommentInput, values, ids));
			return { commented: true as const };
		});
	},
	upload: async (event) => {
		const ctx = actorCtx(event.locals);
		const ids = idsOf(event.params);
		return runUpload(
			event,
			() => assertCanEdit(ctx, ids),
			async (_values, files) => {
				const maxGroupBytes = config().maxGroupFilesBytes;
				const result = await attachFiles(ctx, { ...ids, files, maxGroupBytes });
				return { uploaded: result.count };
			}
		);
	},
	remove: async (event) => {
		const ctx = actorCtx(event.locals);
		const ids = idsOf(event.params);
		return runForm(
			event,
			async (values) => {
				await removeAttachment(ctx, formInput(removeAttachmentInput, values, ids));
				return { removed: true as const };
			},
			{ id: 'attachmentId' }
		);
	}
};

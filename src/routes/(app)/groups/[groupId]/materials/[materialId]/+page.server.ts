import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { addComment } from '$lib/server/domain/materials/add-comment';
import { attachFiles } from '$lib/server/domain/materials/attach-files';
import { assertCanEdit } from '$lib/server/domain/materials/get-material-form';
import { decideMaterial } from '$lib/server/domain/materials/decide-material';
import { isViewable } from '$lib/server/domain/materials/get-attachment';
import { getMaterial } from '$lib/server/domain/materials/get-material';
import { offerMaterial } from '$lib/server/domain/materials/offer-material';
import { removeAttachment } from '$lib/server/domain/materials/remove-attachment';
import { listSubjects } from '$lib/server/domain/subjects/list-subjects';
import { fileStore } from '$lib/server/storage';
import { formatDateTime } from '$lib/i18n/format';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import {
	criterionLabel,
	fileSize,
	materialEventLine,
	materialStatusName,
	materialTypeName,
	recommendationName,
	statusTone
} from '$lib/server/web/material-views';
import { runUpload } from '$lib/server/web/uploads';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor(locals);
	const db = database();
	const { timeZone } = config();
	const locale = locals.locale;
	const view = await orHttpError(getMaterial(db, actor, params.groupId, params.materialId));
	const subjectNames = new Map((await listSubjects(db, locale)).map((s) => [s.id, s.name]));
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
		averages: view.reviews.averages.map((a) => ({
			label: criterionLabel(a.criterion),
			average: a.average === null ? null : a.average.toFixed(1),
			count: a.count
		})),
		recommendations: view.reviews.recommendations,
		reviews: view.reviews.reviews.map((r) => ({
			id: r.id,
			reviewerName: r.reviewerName,
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
		maxFileMb: Math.round(config().maxFileBytes / 1024 / 1024)
	};
};

export const actions: Actions = {
	offer: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async () => {
			await offerMaterial(database(), actor, params.groupId, params.materialId);
			return { offered: true as const };
		});
	},
	decide: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await decideMaterial(database(), actor, params.groupId, params.materialId, values);
			return { decided: true as const };
		});
	},
	comment: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await addComment(database(), actor, params.groupId, params.materialId, values);
			return { commented: true as const };
		});
	},
	upload: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		const db = database();
		const check = () => assertCanEdit(db, actor, params.groupId, params.materialId);
		return runUpload(request, check, async (_values, files) => {
			const result = await attachFiles(
				db,
				fileStore(),
				actor,
				params.groupId,
				params.materialId,
				files,
				{ maxGroupBytes: config().maxGroupFilesBytes }
			);
			return { uploaded: result.count };
		});
	},
	remove: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await removeAttachment(
				database(),
				actor,
				params.groupId,
				params.materialId,
				String(values.attachmentId ?? '')
			);
			return { removed: true as const };
		});
	}
};

import { sanitizeBody } from '../../richtext/sanitize';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { getMaterialInput, type GetMaterialInput } from './input';
import { reviewSummary } from './review-summary';
import { commentThread } from './comments';
import { transitions } from './decide-material';
import {
	canCommentMaterial,
	canDecideMaterial,
	canEditMaterial,
	canOfferMaterial,
	canReviewMaterial
} from './policy';
import { authorsOf, currentAttachments, gradesOf, materialAccess, subjectsOf } from './queries';

/** Everything the material page shows, and what the actor may do there. */
export async function getMaterial({ db, actor }: Ctx, input: GetMaterialInput) {
	const access = await materialAccess(db, actor, input.groupId, input.materialId);
	const { groupId, materialId } = validate(getMaterialInput, input);
	const { material } = access;
	const [authors, subjects, grades, attachments, events, summary, comments] = await Promise.all([
		authorsOf(db, materialId),
		subjectsOf(db, materialId),
		gradesOf(db, materialId),
		currentAttachments(db, materialId),
		db
			.selectFrom('materialEvents as e')
			.leftJoin('users as u', 'u.id', 'e.actorId')
			.select([
				'e.id',
				'e.kind',
				'e.fromStatus',
				'e.toStatus',
				'e.versionNumber',
				'e.reason',
				'e.createdAt',
				'u.fullName as actorName'
			])
			.where('e.materialId', '=', materialId)
			.orderBy('e.createdAt', 'desc')
			.orderBy('e.id', 'desc')
			.execute(),
		reviewSummary(db, groupId, materialId),
		commentThread(db, materialId)
	]);
	const status = material.status;
	const open = !access.isClosed;
	const canDecide = open && canDecideMaterial(actor, access, status);
	return {
		group: { id: access.group.id, name: access.group.name },
		material: {
			...material,
			// Sanitized once more on the way out: a rule added later protects old rows too.
			bodyHtml: sanitizeBody(material.bodyHtml),
			tags: JSON.parse(material.tags) as string[],
			versionNumber: Number(material.versionNumber)
		},
		authors,
		subjects,
		grades,
		attachments: attachments.map((a) => ({ ...a, size: Number(a.size) })),
		events: events.map((e) => ({ ...e, versionNumber: Number(e.versionNumber) })),
		reviews: summary,
		comments,
		myReview: summary.reviews.find(
			(r) => r.reviewerId === actor.id && r.versionNumber === material.versionNumber
		),
		can: {
			edit: open && canEditMaterial(actor, access, status),
			offer: open && canOfferMaterial(actor, access, status),
			decide: canDecide,
			decisions: canDecide ? transitions[status] : [],
			comment: open && canCommentMaterial(actor, access, status),
			review: open && canReviewMaterial(actor, access, status)
		}
	};
}

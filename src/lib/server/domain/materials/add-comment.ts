import { newId } from '../../db/ids';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen } from '../group-access/access';
import { asId, type CommentId } from '../ids';
import { addCommentInput, type AddCommentInput } from './input';
import { canCommentMaterial } from './policy';
import { materialAccess } from './queries';

/** §3.3: any member's opinion on a material, or a reply in its thread. */
export async function addComment(
	{ db, actor, now }: Ctx,
	input: AddCommentInput
): Promise<{ commentId: CommentId }> {
	const access = await materialAccess(db, actor, input.groupId, input.materialId);
	assertAllowed(canCommentMaterial(actor, access, access.material.status));
	assertOpen(access);
	const comment = validate(addCommentInput, input);
	const { materialId } = comment;
	if (comment.parentId) {
		const parent = await db
			.selectFrom('materialComments')
			.select('id')
			.where('id', '=', comment.parentId)
			.where('materialId', '=', materialId)
			.executeTakeFirst();
		if (!parent) throw new AppError('invalid', 'error_choice', { field: 'body' });
	}
	const commentId = asId<CommentId>(newId());
	await db
		.insertInto('materialComments')
		.values({
			id: commentId,
			materialId,
			parentId: comment.parentId ?? null,
			authorId: actor.id,
			versionNumber: access.material.versionNumber,
			body: comment.body,
			createdAt: now
		})
		.execute();
	return { commentId };
}

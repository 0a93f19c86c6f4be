import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { assertAllowed, assertOpen } from '../group-access/access';
import { commentInput } from './input';
import { canCommentMaterial } from './policy';
import { materialAccess } from './queries';

/** §3.3: any member's opinion on a material, or a reply in its thread. */
export async function addComment(
	db: DB,
	actor: Actor,
	groupId: string,
	materialId: string,
	rawInput: unknown,
	now = new Date()
): Promise<{ commentId: string }> {
	const access = await materialAccess(db, actor, groupId, materialId);
	assertAllowed(canCommentMaterial(actor, access, access.material.status));
	assertOpen(access);
	const input = validate(commentInput, rawInput);
	if (input.parentId) {
		const parent = await db
			.selectFrom('materialComments')
			.select('id')
			.where('id', '=', input.parentId)
			.where('materialId', '=', materialId)
			.executeTakeFirst();
		if (!parent) throw new AppError('invalid', 'error_choice', { field: 'body' });
	}
	const commentId = newId();
	await db
		.insertInto('materialComments')
		.values({
			id: commentId,
			materialId,
			parentId: input.parentId ?? null,
			authorId: actor.id,
			versionNumber: access.material.versionNumber,
			body: input.body,
			createdAt: now
		})
		.execute();
	return { commentId };
}

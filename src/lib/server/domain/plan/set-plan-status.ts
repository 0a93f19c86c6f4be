import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { validate } from '../../validation';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { planStatusInput } from './input';
import { canSetPlanStatus } from './policy';
import { findPlanItem } from './queries';

/** The responsible member (or the leader) marks an item done or cancelled, or planned again. */
export async function setPlanStatus(
	db: DB,
	actor: Actor,
	groupId: string,
	itemId: string,
	rawInput: unknown,
	now = new Date()
): Promise<void> {
	const access = await groupAccess(db, actor, groupId);
	const item = await findPlanItem(db, groupId, itemId);
	assertAllowed(canSetPlanStatus(actor, access, item));
	assertOpen(access);
	const { status } = validate(planStatusInput, rawInput);
	await db
		.updateTable('planItems')
		.set({ status, updatedAt: now })
		.where('id', '=', itemId)
		.execute();
}

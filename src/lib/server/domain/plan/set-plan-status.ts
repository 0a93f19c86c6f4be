import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { setPlanStatusInput, type SetPlanStatusInput } from './input';
import { canSetPlanStatus } from './policy';
import { findPlanItem } from './queries';

/** The responsible member (or the leader) marks an item done or cancelled, or planned again. */
export async function setPlanStatus(
	{ db, actor, now }: Ctx,
	input: SetPlanStatusInput
): Promise<void> {
	const access = await groupAccess(db, actor, input.groupId);
	const item = await findPlanItem(db, input.groupId, input.itemId);
	assertAllowed(canSetPlanStatus(actor, access, item));
	assertOpen(access);
	const { itemId, status } = validate(setPlanStatusInput, input);
	await db
		.updateTable('planItems')
		.set({ status, updatedAt: now })
		.where('id', '=', itemId)
		.execute();
}

import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { validate } from '../../validation';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { planItemInput } from './input';
import { canManagePlan } from './policy';
import { assertResponsible, findPlanItem } from './queries';

/** The leader edits a plan item: date, responsible member, status, notes. */
export async function updatePlanItem(
	db: DB,
	actor: Actor,
	groupId: string,
	itemId: string,
	rawInput: unknown,
	now = new Date()
): Promise<void> {
	const access = await groupAccess(db, actor, groupId);
	const item = await findPlanItem(db, groupId, itemId);
	assertAllowed(canManagePlan(actor, access));
	assertOpen(access);
	const input = validate(planItemInput, rawInput);
	const responsibleId = await assertResponsible(
		db,
		groupId,
		input.responsibleId,
		item.responsibleId
	);
	await db
		.updateTable('planItems')
		.set({
			kind: input.kind,
			title: input.title,
			dueOn: input.dueOn,
			responsibleId,
			status: input.status,
			notes: input.notes,
			updatedAt: now
		})
		.where('id', '=', itemId)
		.execute();
}

import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import type { DB } from '../../db/types';
import { validate } from '../../validation';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { planItemInput } from './input';
import { canManagePlan } from './policy';
import { assertResponsible } from './queries';

/** The leader adds a dated item to the group's work plan. */
export async function addPlanItem(
	db: DB,
	actor: Actor,
	groupId: string,
	rawInput: unknown,
	now = new Date()
): Promise<{ itemId: string }> {
	const access = await groupAccess(db, actor, groupId);
	assertAllowed(canManagePlan(actor, access));
	assertOpen(access);
	const input = validate(planItemInput, rawInput);
	const responsibleId = await assertResponsible(db, groupId, input.responsibleId);
	const itemId = newId();
	await db
		.insertInto('planItems')
		.values({
			id: itemId,
			groupId,
			kind: input.kind,
			title: input.title,
			dueOn: input.dueOn,
			responsibleId,
			status: input.status,
			notes: input.notes,
			createdBy: actor.id,
			createdAt: now,
			updatedAt: now
		})
		.execute();
	return { itemId };
}

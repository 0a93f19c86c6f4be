import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { updatePlanItemInput, type UpdatePlanItemInput } from './input';
import { canManagePlan } from './policy';
import { assertApprobation, assertResponsible, findPlanItem } from './queries';

/** The leader edits a plan item: date, responsible member, status, notes. */
export async function updatePlanItem(
	{ db, actor, now }: Ctx,
	input: UpdatePlanItemInput
): Promise<void> {
	const access = await groupAccess(db, actor, input.groupId);
	const found = await findPlanItem(db, input.groupId, input.itemId);
	assertAllowed(canManagePlan(actor, access));
	assertOpen(access);
	const item = validate(updatePlanItemInput, input);
	const responsibleId = await assertResponsible(
		db,
		item.groupId,
		item.responsibleId,
		found.responsibleId
	);
	const approbationId = await assertApprobation(db, item.groupId, item.kind, item.approbationId);
	await db
		.updateTable('planItems')
		.set({
			kind: item.kind,
			title: item.title,
			dueOn: item.dueOn,
			responsibleId,
			status: item.status,
			notes: item.notes,
			approbationId,
			updatedAt: now
		})
		.where('id', '=', item.itemId)
		.execute();
}

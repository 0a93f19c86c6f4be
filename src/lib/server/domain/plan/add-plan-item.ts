import { newId } from '../../db/ids';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { asId, type PlanItemId } from '../ids';
import { addPlanItemInput, type AddPlanItemInput } from './input';
import { canManagePlan } from './policy';
import { assertApprobation, assertResponsible } from './queries';

/** The leader adds a dated item to the group's work plan. */
export async function addPlanItem(
	{ db, actor, now }: Ctx,
	input: AddPlanItemInput
): Promise<{ itemId: PlanItemId }> {
	const access = await groupAccess(db, actor, input.groupId);
	assertAllowed(canManagePlan(actor, access));
	assertOpen(access);
	const item = validate(addPlanItemInput, input);
	const responsibleId = await assertResponsible(db, item.groupId, item.responsibleId);
	const approbationId = await assertApprobation(db, item.groupId, item.kind, item.approbationId);
	const itemId = asId<PlanItemId>(newId());
	await db
		.insertInto('planItems')
		.values({
			id: itemId,
			groupId: item.groupId,
			kind: item.kind,
			title: item.title,
			dueOn: item.dueOn,
			responsibleId,
			status: item.status,
			notes: item.notes,
			approbationId,
			createdBy: actor.id,
			createdAt: now,
			updatedAt: now
		})
		.execute();
	return { itemId };
}

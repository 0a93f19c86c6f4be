import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { validate, ValidationError } from '../../validation';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { canSetCriteria } from '../materials/policy';
import { listCriteria, MAX_CRITERIA } from '../materials/criteria';
import { criteriaInput } from './input';

/**
 * §5.4: the leader decides what reviews judge: renames criteria, turns them off and on,
 * adds the group's own. Nothing is deleted: past reviews keep their scores.
 */
export async function setCriteria(
	db: DB,
	actor: Actor,
	groupId: string,
	rawInput: unknown,
	now = new Date()
): Promise<void> {
	const access = await groupAccess(db, actor, groupId);
	assertAllowed(canSetCriteria(actor, access));
	assertOpen(access);
	const criteria = await listCriteria(db, groupId, { activeOnly: false });
	const input = validate(criteriaInput(criteria.map((c) => c.id)), rawInput) as Record<
		string,
		string | boolean | undefined
	>;
	const newName = input.newName as string | undefined;
	if (newName !== undefined && newName.length < 3)
		throw new ValidationError([{ field: 'newName', key: 'error_too_short', params: { min: 3 } }]);
	if (newName && criteria.length >= MAX_CRITERIA)
		throw new ValidationError([
			{ field: 'newName', key: 'error_too_many', params: { max: MAX_CRITERIA } }
		]);
	const stillActive = criteria.filter((c) => input[`active_${c.id}`] === true).length;
	if (stillActive === 0 && !newName) throw new AppError('invalid', 'error_criteria_none_active');
	await inTransaction(db, async (trx) => {
		for (const c of criteria) {
			const name = (input[`name_${c.id}`] as string | undefined) ?? null;
			// A built-in criterion left blank keeps its translated name; the group's own need one.
			await trx
				.updateTable('reviewCriteria')
				.set({
					name: c.builtin ? name : (name ?? c.name),
					isActive: input[`active_${c.id}`] === true
				})
				.where('id', '=', c.id)
				.execute();
		}
		if (newName)
			await trx
				.insertInto('reviewCriteria')
				.values({
					id: newId(),
					groupId,
					position: Math.max(0, ...criteria.map((c) => c.position)) + 1,
					builtin: null,
					name: newName,
					isActive: true,
					createdAt: now
				})
				.execute();
	});
}

import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { validate, ValidationError } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { asId, type CriterionId } from '../ids';
import { listCriteria, MAX_CRITERIA } from '../materials/criteria';
import { canSetCriteria } from '../materials/policy';
import { setCriteriaInput, type SetCriteriaInput } from './input';

/**
 * §5.4: the leader decides what reviews judge: renames criteria, turns them off and on,
 * adds the group's own. Nothing is deleted: past reviews keep their scores.
 */
export async function setCriteria({ db, actor, now }: Ctx, input: SetCriteriaInput): Promise<void> {
	const access = await groupAccess(db, actor, input.groupId);
	assertAllowed(canSetCriteria(actor, access));
	assertOpen(access);
	const { groupId, criteria: rows, newName } = validate(setCriteriaInput, input);
	const criteria = await listCriteria(db, groupId, { activeOnly: false });
	if (newName !== undefined && newName.length < 3)
		throw new ValidationError([{ field: 'newName', key: 'error_too_short', params: { min: 3 } }]);
	if (newName && criteria.length >= MAX_CRITERIA)
		throw new ValidationError([
			{ field: 'newName', key: 'error_too_many', params: { max: MAX_CRITERIA } }
		]);
	// A criterion the input leaves out is turned off, as an unticked box is.
	const rowOf = (id: string) => rows[asId<CriterionId>(id)] ?? { name: undefined, isActive: false };
	const stillActive = criteria.filter((c) => rowOf(c.id).isActive).length;
	if (stillActive === 0 && !newName) throw new AppError('invalid', 'error_criteria_none_active');
	await inTransaction(db, async (trx) => {
		for (const c of criteria) {
			const row = rowOf(c.id);
			const name = row.name ?? null;
			// A built-in criterion left blank keeps its translated name; the group's own need one.
			await trx
				.updateTable('reviewCriteria')
				.set({ name: c.builtin ? name : (name ?? c.name), isActive: row.isActive })
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

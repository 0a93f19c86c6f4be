import type { Actor } from '../../access/actor';
import { inTransaction, retryOnConflict } from '../../db/transaction';
import type { DB } from '../../db/types';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { editCharterInput, type Charter, type EditCharterInput } from './input';
import { canManageGroup } from '../group-access/policy';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { recordEvent } from '../group-access/members';
import { addRevision, changedFields, charterOf } from './revisions';

/** §3.5: the leader edits the theme, problem, goals, strategy and forms of work; each edit is a revision. */
export async function editCharter(
	{ db, actor, now }: Ctx,
	input: EditCharterInput
): Promise<{ revision: number | null }> {
	const access = await groupAccess(db, actor, input.groupId);
	assertOpen(access);
	assertAllowed(canManageGroup(actor, access));
	const edited = validate(editCharterInput, input);
	const charter = charterOf(edited);
	return retryOnConflict(() => save(db, actor, edited.groupId, charter, now));
}

function save(db: DB, actor: Actor, groupId: string, charter: Charter, now: Date) {
	return inTransaction(db, async (trx) => {
		// Compared with the row as it is now, inside the transaction, not as the form saw it.
		const current = await trx
			.selectFrom('groups')
			.selectAll()
			.where('id', '=', groupId)
			.executeTakeFirstOrThrow();
		const changed = changedFields(charterOf(current), charter);
		if (changed.length === 0) return { revision: null };
		await trx
			.updateTable('groups')
			.set({ ...charter, updatedAt: now })
			.where('id', '=', groupId)
			.execute();
		const revision = await addRevision(trx, { groupId, authorId: actor.id, charter, changed }, now);
		await recordEvent(trx, { groupId, kind: 'charter_edited', actorId: actor.id }, now);
		return { revision };
	});
}

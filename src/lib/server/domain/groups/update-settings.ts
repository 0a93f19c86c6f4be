import type { Actor } from '../../access/actor';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { validate } from '../../validation';
import { settingsInput } from './input';
import { canManageGroup } from '../group-access/policy';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { recordEvent } from '../group-access/members';

/** §5.1: the group decides whether its scientists and consultants vote. */
export async function updateSettings(
	db: DB,
	actor: Actor,
	groupId: string,
	rawInput: unknown,
	now = new Date()
): Promise<void> {
	const access = await groupAccess(db, actor, groupId);
	assertAllowed(canManageGroup(actor, access));
	assertOpen(access);
	const input = validate(settingsInput, rawInput);
	if (input.isExternalVoteAllowed === access.group.isExternalVoteAllowed) return;
	await inTransaction(db, async (trx) => {
		await trx
			.updateTable('groups')
			.set({ isExternalVoteAllowed: input.isExternalVoteAllowed, updatedAt: now })
			.where('id', '=', groupId)
			.execute();
		await recordEvent(trx, { groupId, kind: 'settings_changed', actorId: actor.id }, now);
	});
}

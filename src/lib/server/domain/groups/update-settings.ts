import { inTransaction } from '../../db/transaction';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { updateSettingsInput, type UpdateSettingsInput } from './input';
import { canManageGroup } from '../group-access/policy';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { recordEvent } from '../group-access/members';

/**
 * §5.1: the group decides whether its scientists and consultants vote; §5.4: how many
 * observations confirm an approbation's results.
 */
export async function updateSettings(
	{ db, actor, now }: Ctx,
	input: UpdateSettingsInput
): Promise<void> {
	const access = await groupAccess(db, actor, input.groupId);
	assertAllowed(canManageGroup(actor, access));
	assertOpen(access);
	const { groupId, isExternalVoteAllowed, ...rest } = validate(updateSettingsInput, input);
	const current = Number(access.group.requiredObservations);
	const requiredObservations = rest.requiredObservations ?? current;
	if (
		isExternalVoteAllowed === access.group.isExternalVoteAllowed &&
		requiredObservations === current
	)
		return;
	await inTransaction(db, async (trx) => {
		await trx
			.updateTable('groups')
			.set({ isExternalVoteAllowed, requiredObservations, updatedAt: now })
			.where('id', '=', groupId)
			.execute();
		await recordEvent(trx, { groupId, kind: 'settings_changed', actorId: actor.id }, now);
	});
}

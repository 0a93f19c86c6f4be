import { AppError } from '../../errors';
import { recordSecurityEvent } from '../../security/events';
import { validate } from '../../validation';
import { confirmPassword } from '../accounts/confirm-password';
import type { Ctx } from '../context';
import { updateSecuritySettingsInput, type UpdateSecuritySettingsInput } from './input-security';
import { canManageSchools } from './policy';
import { getSecuritySettings } from './security-settings';

/**
 * An operator sets the deployment's security settings, confirmed by their own password:
 * the fewest ballots before a secret vote's tally shows, and whether admins and operators
 * must sign in with a second factor.
 */
export async function updateSecuritySettings(
	ctx: Ctx,
	input: UpdateSecuritySettingsInput & { ip?: string }
): Promise<void> {
	const { db, actor, now } = ctx;
	if (!canManageSchools(actor)) throw new AppError('forbidden', 'error_forbidden');
	const { secretVoteMinBallots, isTwoFactorRequired, password } = validate(
		updateSecuritySettingsInput,
		input
	);
	await confirmPassword(db, actor, password, now);
	await db.transaction().execute(async (trx) => {
		const before = await getSecuritySettings(trx);
		if (
			before.secretVoteMinBallots === secretVoteMinBallots &&
			before.isTwoFactorRequired === isTwoFactorRequired
		)
			return;
		const updated = await trx
			.updateTable('deployment')
			.set({ secretVoteMinBallots, isTwoFactorRequired })
			.where('id', '=', 1)
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) === 0) throw new AppError('conflict', 'error_not_found');
		await recordSecurityEvent(
			trx,
			{
				kind: 'settings_changed',
				actorId: actor.id,
				ip: input.ip,
				detail: {
					secretVoteMinBallotsBefore: before.secretVoteMinBallots,
					secretVoteMinBallots,
					isTwoFactorRequiredBefore: before.isTwoFactorRequired,
					isTwoFactorRequired
				}
			},
			now
		);
	});
}

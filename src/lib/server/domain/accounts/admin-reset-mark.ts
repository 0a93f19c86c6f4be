import type { DB } from '../../db/types';

/**
 * Whether the person's password was last set through a reset link an admin issued (issue 16,
 * finding 3). Whoever issued the link could have used it, so every session signed in since
 * may be the admin's: it is not shown a secret vote's choice, nor may it change one. A reset
 * sessions all end (reset-password.ts), so this holds for every session there is, and
 * answers for the person rather than for one session.
 *
 * Only a reset link the person asked for themselves ("Forgot your password?", sent to their
 * own address) clears it. Changing the password on the profile page does not: it needs only
 * the current password, which whoever used the admin's link knows as well.
 */
export async function isPasswordFromAdminReset(db: DB, userId: string): Promise<boolean> {
	const last = await db
		.selectFrom('passwordResets')
		.select('issuedBy')
		.where('userId', '=', userId)
		.where('usedAt', 'is not', null)
		.orderBy('usedAt', 'desc')
		.limit(1)
		.executeTakeFirst();
	return last !== undefined && last.issuedBy !== null;
}

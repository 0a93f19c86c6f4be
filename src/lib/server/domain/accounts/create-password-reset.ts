import { hashToken, newId, newToken } from '../../db/ids';
import type { DB } from '../../db/types';
import { resetUrl } from './emails';

/** How long a password-reset link works. */
export const resetHours = 24;

/** A one-time reset link for a user; any earlier unused link of theirs stops working. */
export async function createPasswordReset(
	db: DB,
	userId: string,
	issuedBy: string | null,
	now = new Date()
): Promise<{ url: string; expiresAt: Date }> {
	await db
		.updateTable('passwordResets')
		.set({ usedAt: now })
		.where('userId', '=', userId)
		.where('usedAt', 'is', null)
		.execute();
	const token = newToken();
	const expiresAt = new Date(now.getTime() + resetHours * 60 * 60 * 1000);
	await db
		.insertInto('passwordResets')
		.values({
			id: newId(),
			tokenHash: hashToken(token),
			userId,
			issuedBy,
			createdAt: now,
			expiresAt,
			usedAt: null
		})
		.execute();
	return { url: resetUrl(token), expiresAt };
}

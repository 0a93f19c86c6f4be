import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { createPasswordReset } from './create-password-reset';
import { canIssuePasswordReset } from './policy';
import { findUserById } from './queries';

/** Without email, the admin hands a one-time reset link to the teacher who forgot. */
export async function issuePasswordReset(
	db: DB,
	actor: Actor,
	userId: string,
	now = new Date()
): Promise<{ url: string; expiresAt: Date }> {
	const user = await findUserById(db, userId);
	if (!user || !canIssuePasswordReset(actor, user))
		throw new AppError('not_found', 'error_not_found');
	if (!user.isActive) throw new AppError('conflict', 'error_account_deactivated');
	return createPasswordReset(db, userId, actor.id, now);
}

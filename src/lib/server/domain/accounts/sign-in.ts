import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { signInInput } from './input';
import { verifyAgainstDummy, verifyPassword } from './password';
import { findUserByEmail } from './queries';
import { createSession, type NewSession } from './sessions';
import { assertNotThrottled, clearAccountFailures, recordFailure } from './throttle';

/**
 * Email + password → a new session. Unknown email and wrong password give the same answer
 * in the same time; failures count towards the per-account and per-address limits.
 */
export async function signIn(
	db: DB,
	rawInput: unknown,
	meta: { ip: string; userAgent?: string | null },
	now = new Date()
): Promise<{ userId: string; locale: string; session: NewSession }> {
	const input = validate(signInInput, rawInput);
	await assertNotThrottled(db, input.email, meta.ip, now);

	const user = await findUserByEmail(db, input.email);
	const valid = user
		? await verifyPassword(user.passwordHash, input.password)
		: (await verifyAgainstDummy(input.password), false);
	if (!user || !valid) {
		await recordFailure(db, input.email, meta.ip, now);
		throw new AppError('invalid', 'error_wrong_credentials', { field: 'password' });
	}
	if (!user.isActive)
		throw new AppError('forbidden', 'error_account_deactivated', { field: 'email' });

	await clearAccountFailures(db, input.email);
	const session = await createSession(db, user.id, meta, now);
	return { userId: user.id, locale: user.locale, session };
}

import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { AnonymousCtx } from '../context';
import { asId, type UserId } from '../ids';
import { signInInput, type SignInInput } from './input';
import { verifyAgainstDummy, verifyPassword } from './password';
import { findUserByEmail } from './queries';
import { createSession, type NewSession } from './sessions';
import { assertNotThrottled, clearAccountFailures, recordFailure } from './throttle';

/**
 * Email + password → a new session. Unknown email and wrong password give the same answer
 * in the same time; failures count towards the per-account and per-address limits.
 */
export async function signIn(
	{ db, now }: AnonymousCtx,
	input: SignInInput
): Promise<{ userId: UserId; locale: string; session: NewSession }> {
	const { email, password } = validate(signInInput, input);
	const meta = { ip: input.ip, userAgent: input.userAgent };
	await assertNotThrottled(db, email, meta.ip, now);

	const user = await findUserByEmail(db, email);
	const valid = user
		? await verifyPassword(user.passwordHash, password)
		: (await verifyAgainstDummy(password), false);
	if (!user || !valid) {
		await recordFailure(db, email, meta.ip, now);
		throw new AppError('invalid', 'error_wrong_credentials', { field: 'password' });
	}
	if (!user.isActive)
		throw new AppError('forbidden', 'error_account_deactivated', { field: 'email' });

	await clearAccountFailures(db, email);
	const session = await createSession(db, user.id, meta, now);
	return { userId: asId<UserId>(user.id), locale: user.locale, session };
}

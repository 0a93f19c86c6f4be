import { AppError } from '../../errors';
import { recordSecurityEvent } from '../../security/events';
import { validate } from '../../validation';
import type { AnonymousCtx } from '../context';
import { asId, type UserId } from '../ids';
import { createChallenge, type NewChallenge } from './challenge';
import { signInFormInput, type SignInFormInput } from './input-signin';
import { verifyAgainstDummy, verifyPassword } from './password';
import { findUserByEmail } from './queries';
import { createSession, type NewSession } from './sessions';
import { attemptPassed, attemptSucceeded, beginAttempt } from './throttle';
import { hasTwoFactor } from './two-factor';

export type SignInResult =
	| { userId: UserId; locale: string; session: NewSession }
	/** The password was right; the second factor is asked on /signin/code. */
	| { userId: UserId; locale: string; challenge: NewChallenge };

/**
 * Email + password → a new session, or a challenge for the second factor. An unknown
 * email, a wrong password and a deactivated account give the same answer in the same time,
 * and each counts as a failure. The attempt is recorded before the password is checked,
 * so parallel guesses cannot pass the limit (throttle.ts).
 */
export async function signIn(
	{ db, now }: AnonymousCtx,
	input: SignInFormInput
): Promise<SignInResult> {
	const { email, password, isSharedComputer } = validate(signInFormInput, input);
	const meta = { ip: input.ip, userAgent: input.userAgent, isSharedComputer };
	const attempt = await beginAttempt(db, email, meta.ip, now);

	const user = await findUserByEmail(db, email);
	const valid = user
		? await verifyPassword(user.passwordHash, password)
		: (await verifyAgainstDummy(password), false);
	if (!user || !valid || !user.isActive) {
		const who = { userId: user?.id ?? null, schoolId: user?.schoolId ?? null, ip: meta.ip };
		const detail: Record<string, boolean> | undefined = !user
			? { unknownEmail: true }
			: valid
				? { deactivated: true }
				: undefined;
		await recordSecurityEvent(db, { kind: 'sign_in_failed', ...who, detail }, now);
		if (attempt.isLastForAccount && user)
			await recordSecurityEvent(db, { kind: 'locked_out', ...who }, now);
		throw new AppError('invalid', 'error_wrong_credentials', { field: 'password' });
	}

	const userId = asId<UserId>(user.id);
	if (await hasTwoFactor(db, user.id)) {
		await attemptPassed(db, attempt);
		const challenge = await createChallenge(db, user.id, meta, now);
		return { userId, locale: user.locale, challenge };
	}
	await attemptSucceeded(db, attempt);
	const session = await createSession(db, user.id, meta, now);
	await recordSecurityEvent(
		db,
		{ kind: 'sign_in', userId: user.id, schoolId: user.schoolId, ip: meta.ip },
		now
	);
	return { userId, locale: user.locale, session };
}

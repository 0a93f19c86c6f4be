import { AppError } from '../../errors';
import { recordSecurityEvent } from '../../security/events';
import { validate } from '../../validation';
import type { AnonymousCtx } from '../context';
import { asId, type UserId } from '../ids';
import { endChallenge, findChallenge, takeChallengeAttempt } from './challenge';
import { secondFactorInput, type SecondFactorInput } from './input-signin';
import { findUserById } from './queries';
import { createSession, type NewSession } from './sessions';
import { attemptSucceeded, beginAttempt } from './throttle';
import { checkSecondFactor } from './two-factor';

/** Thrown when the challenge is gone (expired, used up, unknown): sign in again. */
export const challengeGone = () => new AppError('not_found', 'signin_error_code_expired');

/**
 * The second step of a sign-in with two factors: a code from the app or a recovery code
 * → a session. Each code counts against the challenge's attempts and, like a password,
 * against the account's sign-in limit, so new challenges do not give new guesses.
 */
export async function completeSignIn(
	{ db, now }: AnonymousCtx,
	input: SecondFactorInput
): Promise<{ userId: UserId; locale: string; session: NewSession }> {
	const challenge = await findChallenge(db, input.token, now);
	if (!challenge) throw challengeGone();
	const { code } = validate(secondFactorInput, input);
	const user = await findUserById(db, challenge.userId);
	if (!user || !user.isActive) {
		await endChallenge(db, challenge.id);
		throw challengeGone();
	}
	if (!(await takeChallengeAttempt(db, challenge.id))) throw challengeGone();
	const attempt = await beginAttempt(db, user.email, input.ip, now);
	const who = { userId: user.id, schoolId: user.schoolId, ip: input.ip };

	const method = await checkSecondFactor(db, input.seal, user.id, code, now);
	if (!method) {
		await recordSecurityEvent(db, { kind: 'two_factor_failed', ...who }, now);
		if (attempt.isLastForAccount)
			await recordSecurityEvent(db, { kind: 'locked_out', ...who }, now);
		throw new AppError('invalid', 'signin_error_wrong_code', { field: 'code' });
	}
	await attemptSucceeded(db, attempt);
	await endChallenge(db, challenge.id);
	const session = await createSession(
		db,
		user.id,
		{ ip: input.ip, userAgent: input.userAgent, isSharedComputer: challenge.isSharedComputer },
		now
	);
	if (method === 'recovery')
		await recordSecurityEvent(db, { kind: 'recovery_code_used', ...who }, now);
	await recordSecurityEvent(db, { kind: 'sign_in', ...who, detail: { secondFactor: method } }, now);
	return { userId: asId<UserId>(user.id), locale: user.locale, session };
}

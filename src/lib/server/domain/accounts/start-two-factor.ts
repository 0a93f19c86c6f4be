import { AppError } from '../../errors';
import type { Ctx } from '../context';
import { hasTwoFactor, newTotpSecret } from './two-factor';
import type { TwoFactorSeal } from './two-factor-seal';

/** Begins setting up two-factor sign-in: a new secret, unconfirmed until a code proves it. */
export async function startTwoFactor(
	{ db, actor, now }: Ctx,
	input: { seal: TwoFactorSeal }
): Promise<void> {
	if (await hasTwoFactor(db, actor.id))
		throw new AppError('conflict', 'signin_error_2fa_already_on');
	const sealed = input.seal.seal(actor.id, newTotpSecret());
	await db.deleteFrom('twoFactorSecrets').where('userId', '=', actor.id).execute();
	await db
		.insertInto('twoFactorSecrets')
		.values({
			userId: actor.id,
			secretKeyMaterial: sealed,
			confirmedAt: null,
			lastUsedStep: null,
			createdAt: now
		})
		.execute();
}

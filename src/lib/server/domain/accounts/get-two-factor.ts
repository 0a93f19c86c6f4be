import type { Ctx } from '../context';
import { countRecoveryCodesLeft, findTwoFactor, totpOf } from './two-factor';
import type { TwoFactorSeal } from './two-factor-seal';

export interface TwoFactorStatus {
	isEnabled: boolean;
	/** Started and not yet confirmed: what the app must be given. */
	pending: { secret: string; uri: string } | null;
	recoveryCodesLeft: number;
	/** The deployment requires a second factor of this person (an admin or the operator). */
	isRequired: boolean;
}

/** One's own two-factor sign-in, for /profile/security. */
export async function getTwoFactor(
	{ db, actor }: Ctx,
	input: { seal: TwoFactorSeal }
): Promise<TwoFactorStatus> {
	const found = await findTwoFactor(db, input.seal, actor.id);
	// Read here, not through schools/security-settings.ts: schools already depends on accounts.
	const deployment = await db
		.selectFrom('deployment')
		.select('isTwoFactorRequired')
		.executeTakeFirst();
	const isEnabled = found?.confirmedAt != null;
	const pending =
		found && !isEnabled && found.secret
			? { secret: found.secret, uri: totpOf(found.secret, actor.email).toString() }
			: null;
	return {
		isEnabled,
		pending,
		recoveryCodesLeft: isEnabled ? await countRecoveryCodesLeft(db, actor.id) : 0,
		isRequired:
			deployment?.isTwoFactorRequired === true && (actor.role === 'admin' || actor.isOperator)
	};
}

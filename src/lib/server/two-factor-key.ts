import { ballotKey } from './secrets';
import { twoFactorSeal, type TwoFactorSeal } from './domain/accounts/two-factor-seal';

let seal: TwoFactorSeal | undefined;

/**
 * The process's seal for two-factor secrets, derived from the ballot key (secrets.ts: one
 * key outside the database and outside DATA_DIR, to keep and back up apart).
 */
export function twoFactorSeals(): TwoFactorSeal {
	seal ??= twoFactorSeal(ballotKey());
	return seal;
}

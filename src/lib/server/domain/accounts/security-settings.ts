import type { DB } from '../../db/types';

/**
 * Deployment-wide security settings an operator sets on /operator/security. Kept in the
 * accounts module (sign-in reads them; schools already depends on accounts), and re-exported
 * by domain/schools/security-settings.ts.
 */
export interface SecuritySettings {
	/** A secret vote's tally stays hidden (and an early close is refused) below this many ballots. */
	secretVoteMinBallots: number;
	/** Admins and operators must sign in with a second factor. */
	isTwoFactorRequired: boolean;
}

/** The defaults of migration 0012, used before setup (no deployment row yet). */
export const defaultSecuritySettings: SecuritySettings = {
	secretVoteMinBallots: 3,
	isTwoFactorRequired: false
};

/** Bounds of `secretVoteMinBallots` the settings form accepts. */
export const secretVoteMinBallotsRange = { min: 1, max: 20 } as const;

/** Reads the settings; no access check: any use case may need them (they are not secret). */
export async function getSecuritySettings(db: DB): Promise<SecuritySettings> {
	const row = await db
		.selectFrom('deployment')
		.select(['secretVoteMinBallots', 'isTwoFactorRequired'])
		.where('id', '=', 1)
		.executeTakeFirst();
	if (!row) return { ...defaultSecuritySettings };
	return {
		secretVoteMinBallots: Number(row.secretVoteMinBallots),
		isTwoFactorRequired: row.isTwoFactorRequired === true
	};
}

import { hashToken, newToken } from '../../db/ids';
import type { DB } from '../../db/types';

// A password was right and a second factor is due: the browser holds the challenge's token
// (a cookie), the table its hash. It lasts minutes and allows a few codes.

export const challengeLimits = { minutes: 10, attempts: 5 } as const;

export interface NewChallenge {
	token: string;
	expiresAt: Date;
}

export async function createChallenge(
	db: DB,
	userId: string,
	meta: { ip?: string | null; userAgent?: string | null; isSharedComputer: boolean },
	now: Date
): Promise<NewChallenge> {
	const token = newToken();
	const expiresAt = new Date(now.getTime() + challengeLimits.minutes * 60_000);
	// One challenge open per person: an older one (another tab) ends.
	await db.deleteFrom('signInChallenges').where('userId', '=', userId).execute();
	await db
		.insertInto('signInChallenges')
		.values({
			id: hashToken(token),
			userId,
			isSharedComputer: meta.isSharedComputer,
			ip: meta.ip ?? null,
			userAgent: meta.userAgent?.slice(0, 300) ?? null,
			attempts: 0,
			createdAt: now,
			expiresAt
		})
		.execute();
	return { token, expiresAt };
}

export interface OpenChallenge {
	id: string;
	userId: string;
	isSharedComputer: boolean;
	attempts: number;
}

/** The challenge of a token if it is still open (not expired, attempts left). */
export async function findChallenge(
	db: DB,
	token: string,
	now: Date
): Promise<OpenChallenge | null> {
	if (token.length < 20 || token.length > 100) return null;
	const row = await db
		.selectFrom('signInChallenges')
		.select(['id', 'userId', 'isSharedComputer', 'attempts', 'expiresAt'])
		.where('id', '=', hashToken(token))
		.executeTakeFirst();
	if (!row || row.expiresAt <= now || row.attempts >= challengeLimits.attempts) return null;
	return {
		id: row.id,
		userId: row.userId,
		isSharedComputer: row.isSharedComputer === true,
		attempts: row.attempts
	};
}

/**
 * Counts an attempt before the code is checked: one conditional update, so parallel codes
 * cannot exceed the limit. False when no attempt is left.
 */
export async function takeChallengeAttempt(db: DB, id: string): Promise<boolean> {
	const result = await db
		.updateTable('signInChallenges')
		.set((eb) => ({ attempts: eb('attempts', '+', 1) }))
		.where('id', '=', id)
		.where('attempts', '<', challengeLimits.attempts)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function endChallenge(db: DB, id: string): Promise<void> {
	await db.deleteFrom('signInChallenges').where('id', '=', id).execute();
}

import { asId, type SchoolId, type UserId } from '../ids';
import type { Actor } from '../../access/actor';
import { hashToken, newToken } from '../../db/ids';
import { prepared } from '../../db/prepared';
import type { DB } from '../../db/types';
import { isLocale } from '../../../i18n/locale';

/** Sessions live server-side; the cookie holds a random token, the table its hash. */
export const sessionCookie = 'ustat_session';
const idleDays = 14;
const absoluteDays = 60;
/** lastSeenAt is written at most this often, so reading a page does not write. */
const touchEveryMs = 60 * 60 * 1000;
const day = 24 * 60 * 60 * 1000;

export interface NewSession {
	token: string;
	id: string;
	expiresAt: Date;
}

/** Always a new id: a session fixed before sign-in is never reused after it. */
export async function createSession(
	db: DB,
	userId: string,
	meta: { ip?: string | null; userAgent?: string | null } = {},
	now = new Date()
): Promise<NewSession> {
	const token = newToken();
	const id = hashToken(token);
	const expiresAt = new Date(now.getTime() + idleDays * day);
	await db
		.insertInto('sessions')
		.values({
			id,
			userId,
			createdAt: now,
			expiresAt,
			lastSeenAt: now,
			ip: meta.ip ?? null,
			userAgent: meta.userAgent?.slice(0, 300) ?? null
		})
		.execute();
	return { token, id, expiresAt };
}

/** Runs on every request: compiled once (see db/prepared.ts). */
const sessionWithUser = prepared((db: DB, id: string) =>
	db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.userId')
		.select([
			'sessions.id as sessionId',
			'sessions.createdAt',
			'sessions.expiresAt',
			'sessions.lastSeenAt',
			'users.id as userId',
			'users.email',
			'users.fullName',
			'users.schoolId',
			'users.role',
			'users.isOperator',
			'users.isActive',
			'users.locale'
		])
		.where('sessions.id', '=', id)
);

export interface ResolvedSession {
	sessionId: string;
	actor: Actor;
	/** Set when the expiry moved and the cookie should be sent again. */
	renewedUntil?: Date;
}

/** The session and its user for a cookie token, or null if unknown, expired or inactive. */
export async function resolveSession(
	db: DB,
	token: string,
	now = new Date()
): Promise<ResolvedSession | null> {
	if (token.length < 20 || token.length > 100) return null;
	const id = hashToken(token);
	const [row] = await sessionWithUser(db, id);
	if (!row || !row.isActive || row.expiresAt <= now) return null;
	if (now.getTime() - row.createdAt.getTime() > absoluteDays * day) return null;

	let renewedUntil: Date | undefined;
	if (now.getTime() - row.lastSeenAt.getTime() > touchEveryMs) {
		renewedUntil = new Date(now.getTime() + idleDays * day);
		await db
			.updateTable('sessions')
			.set({ lastSeenAt: now, expiresAt: renewedUntil })
			.where('id', '=', id)
			.execute();
	}
	return {
		sessionId: row.sessionId,
		renewedUntil,
		actor: {
			id: asId<UserId>(row.userId),
			email: row.email,
			fullName: row.fullName,
			schoolId: row.schoolId === null ? null : asId<SchoolId>(row.schoolId),
			role: row.role,
			isOperator: row.isOperator,
			locale: isLocale(row.locale) ? row.locale : 'ky'
		}
	};
}

export async function endSession(db: DB, token: string): Promise<void> {
	await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

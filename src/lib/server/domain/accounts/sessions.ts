import { asId, type SchoolId, type UserId } from '../ids';
import type { Actor } from '../../access/actor';
import { hashToken, newToken } from '../../db/ids';
import { prepared } from '../../db/prepared';
import type { DB } from '../../db/types';
import { isLocale } from '../../../i18n/locale';

/**
 * Sessions live server-side; the cookie holds a random token, the table its hash. This is
 * the cookie's name over http; under https it is `__Host-ustat_session` (web/session-cookie.ts).
 */
export const sessionCookie = 'ustat_session';
const day = 24 * 60 * 60 * 1000;
const hour = 60 * 60 * 1000;
/**
 * How long a session lasts unused, and at most. A shared computer's (a school's computer
 * room) ends after 2 hours unused, and its cookie when the browser closes. lastSeenAt is
 * written at most every `touchEveryMs`, so reading a page does not write.
 */
export const sessionLimits = {
	normal: { idleMs: 14 * day, touchEveryMs: hour },
	shared: { idleMs: 2 * hour, touchEveryMs: 5 * 60 * 1000 },
	absoluteMs: 60 * day
} as const;

export interface NewSession {
	token: string;
	id: string;
	expiresAt: Date;
	/** The cookie ends with the browser. */
	isSharedComputer: boolean;
}

export interface SessionMeta {
	ip?: string | null;
	userAgent?: string | null;
	/** "This is a shared computer" was ticked at sign-in. */
	isSharedComputer?: boolean;
}

/** Always a new id: a session fixed before sign-in is never reused after it. */
export async function createSession(
	db: DB,
	userId: string,
	meta: SessionMeta = {},
	now = new Date()
): Promise<NewSession> {
	const token = newToken();
	const id = hashToken(token);
	const isSharedComputer = meta.isSharedComputer === true;
	const limits = isSharedComputer ? sessionLimits.shared : sessionLimits.normal;
	const expiresAt = new Date(now.getTime() + limits.idleMs);
	await db
		.insertInto('sessions')
		.values({
			id,
			userId,
			createdAt: now,
			expiresAt,
			lastSeenAt: now,
			ip: meta.ip ?? null,
			userAgent: meta.userAgent?.slice(0, 300) ?? null,
			isSharedComputer
		})
		.execute();
	return { token, id, expiresAt, isSharedComputer };
}

/** Runs on every request: compiled once (see db/prepared.ts). */
const sessionWithUser = prepared((db: DB, id: string) =>
	db
		.selectFrom('sessions')
		.innerJoin('users', 'users.id', 'sessions.userId')
		.leftJoin('twoFactorSecrets', 'twoFactorSecrets.userId', 'sessions.userId')
		// One row at most (id 1); none before setup.
		.leftJoin('deployment', (join) => join.onTrue())
		.select([
			'sessions.id as sessionId',
			'sessions.createdAt',
			'sessions.expiresAt',
			'sessions.lastSeenAt',
			'sessions.isSharedComputer',
			'users.id as userId',
			'users.email',
			'users.fullName',
			'users.schoolId',
			'users.role',
			'users.isOperator',
			'users.isActive',
			'users.locale',
			'twoFactorSecrets.confirmedAt as twoFactorConfirmedAt',
			'deployment.isTwoFactorRequired'
		])
		.where('sessions.id', '=', id)
);

export interface ResolvedSession {
	sessionId: string;
	actor: Actor;
	isSharedComputer: boolean;
	/**
	 * The deployment requires a second factor of admins and operators, and this one has none
	 * yet: they set it up before anything else.
	 */
	needsTwoFactorSetup: boolean;
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
	if (now.getTime() - row.createdAt.getTime() > sessionLimits.absoluteMs) return null;
	const isSharedComputer = row.isSharedComputer === true;
	const limits = isSharedComputer ? sessionLimits.shared : sessionLimits.normal;

	let renewedUntil: Date | undefined;
	if (now.getTime() - row.lastSeenAt.getTime() > limits.touchEveryMs) {
		const expiresAt = new Date(now.getTime() + limits.idleMs);
		await db
			.updateTable('sessions')
			.set({ lastSeenAt: now, expiresAt })
			.where('id', '=', id)
			.execute();
		// A shared computer's cookie has no expiry to move.
		if (!isSharedComputer) renewedUntil = expiresAt;
	}
	const isAdmin = row.role === 'admin' || row.isOperator;
	return {
		sessionId: row.sessionId,
		renewedUntil,
		isSharedComputer,
		needsTwoFactorSetup:
			isAdmin && row.isTwoFactorRequired === true && row.twoFactorConfirmedAt === null,
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

import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { config } from '../../config.js';
import { keyFile } from '../../key-file';
import { isNotificationKind, type NotificationKind } from '../kinds';

// The token in an unsubscribe link: who and which kind (or all), signed with a key derived
// from the app's secret (BALLOT_KEY, which several instances share; else DATA_DIR/links.key),
// so a link works without signing in and nobody can make one for someone else.

export type UnsubscribeScope = NotificationKind | 'all';

let key: Buffer | undefined;
function signingKey(): Buffer {
	key ??= deriveUnsubscribeKey(
		config().ballotKey ?? keyFile(path.join(config().dataDir, 'links.key'))
	);
	return key;
}

/** A key of its own, derived: a signature never reveals anything of the ballot seal's key. */
export const deriveUnsubscribeKey = (secret: Buffer) =>
	Buffer.from(hkdfSync('sha256', secret, 'ustat', 'unsubscribe-links', 32));

const signature = (payload: string, with_ = signingKey()) =>
	createHmac('sha256', with_).update(payload).digest('base64url').slice(0, 32);

/** `withKey`: another process's key (tests that sign for a server they started). */
export function unsubscribeToken(
	userId: string,
	scope: UnsubscribeScope,
	withKey?: Buffer
): string {
	const payload = Buffer.from(`${userId}|${scope}`).toString('base64url');
	return `${payload}.${signature(payload, withKey)}`;
}

/** The person and scope of a token, or null when it is malformed or its signature is wrong. */
export function readUnsubscribeToken(
	token: string
): { userId: string; scope: UnsubscribeScope } | null {
	if (token.length > 300) return null;
	const [payload, sig, ...rest] = token.split('.');
	if (!payload || !sig || rest.length > 0) return null;
	const expected = Buffer.from(signature(payload));
	const given = Buffer.from(sig);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	const [userId, scope, ...more] = Buffer.from(payload, 'base64url').toString('utf8').split('|');
	if (!userId || !scope || more.length > 0) return null;
	if (scope !== 'all' && !isNotificationKind(scope)) return null;
	return { userId, scope };
}

/** Tests that change DATA_DIR or BALLOT_KEY forget the derived key. */
export function forgetUnsubscribeKey(): void {
	key = undefined;
}

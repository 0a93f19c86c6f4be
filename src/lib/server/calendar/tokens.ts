import { createHash, randomBytes } from 'node:crypto';

// The feed's address carries a secret: 32 random bytes, base64url (43 characters). Only its
// SHA-256 is stored, so a database dump or export never holds a working address.

const wellFormed = /^[A-Za-z0-9_-]{43}$/;

export function newFeedToken(): string {
	return randomBytes(32).toString('base64url');
}

export function hashFeedToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/**
 * The token of a feed file name ('<token>.ics'), or null. A malformed name still gets a hash
 * (of nothing that can exist) so that every unknown address costs the same lookup.
 */
export function tokenOfFile(file: string): string | null {
	const token = file.endsWith('.ics') ? file.slice(0, -4) : file;
	return wellFormed.test(token) ? token : null;
}

export const feedPath = (token: string) => `/calendar/${token}.ics`;

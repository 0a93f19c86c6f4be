import { createHash, randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/**
 * UUIDv7: time-ordered (good index locality on both databases), made in the app. Within one
 * millisecond the 12 bits after the version count up (RFC 9562, method 1), so ids made one
 * after another by this process sort in the order they were made: history rows written in
 * one transaction keep their order.
 */
export function newId(): string {
	const bytes = randomBytes(16);
	let now = Date.now();
	if (now <= lastMs) {
		sequence++;
		// 4096 ids in one millisecond: borrow the next millisecond rather than wrap.
		if (sequence > 0xfff) {
			lastMs++;
			sequence = 0;
		}
		now = lastMs;
	} else {
		lastMs = now;
		sequence = 0;
	}
	const ms = BigInt(now);
	for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
	bytes[6] = 0x70 | (sequence >> 8);
	bytes[7] = sequence & 0xff;
	bytes[8] = (bytes[8]! & 0x3f) | 0x80;
	const hex = bytes.toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A secret for a link or cookie (256 bits, URL-safe). */
export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

/** What the database keeps of a token: its SHA-256, so a leaked table grants nothing. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

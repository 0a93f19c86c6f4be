import { createHash, randomInt } from 'node:crypto';

// The one-time code a person sends to the bot to link their chat: short enough to type,
// without letters that look alike (0/O, 1/I/L), and kept only as its SHA-256.

const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 8;
/** How long a code can be used. */
export const CODE_TTL_MS = 10 * 60 * 1000;

export function newLinkCode(): string {
	let code = '';
	for (let i = 0; i < CODE_LENGTH; i++) code += alphabet[randomInt(alphabet.length)];
	return code;
}

/** Typed by hand it may come in lower case or with spaces: the same code. */
export const normalizeCode = (text: string): string => text.replace(/[\s-]/g, '').toUpperCase();

export const looksLikeCode = (text: string): boolean =>
	new RegExp(`^[${alphabet}]{${CODE_LENGTH}}$`).test(normalizeCode(text));

export const hashCode = (code: string): string =>
	createHash('sha256').update(normalizeCode(code)).digest('hex');

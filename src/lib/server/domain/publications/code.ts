import { randomInt } from 'node:crypto';

// A publication's permanent address /p/<code>: short enough to read aloud or print in a
// citation, with no letters easily mistaken for others (no 0/o, 1/l/i).
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const CODE_LENGTH = 7;

export function newPublicationCode(): string {
	let code = '';
	for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
	return code;
}

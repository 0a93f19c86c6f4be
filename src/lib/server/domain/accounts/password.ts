import { hash, verify, type Options } from '@node-rs/argon2';
import { readFileSync } from 'node:fs';
import { ValidationError } from '../../validation';

/** Password length limits (ASVS L2: at least 12; an upper bound keeps hashing cheap). */
export const passwordLimits = { min: 12, max: 128 } as const;

// argon2id with OWASP's recommended cost (19 MiB, 2 passes). `algorithm: 2` is Argon2id
// (the package exports a const enum that isolated modules cannot import).
const options: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

let dummyHash: Promise<string> | undefined;

/** Spends the same time as a real check, so an unknown email is not revealed by timing. */
export async function verifyAgainstDummy(password: string): Promise<void> {
	dummyHash ??= hashPassword('not-a-real-password-ustat');
	await verifyPassword(await dummyHash, password);
}

// New passwords (ASVS 6.2.4, 6.2.11–12): not a common password, not the person's email, not
// one character repeated nor a run along the alphabet or the keyboard. Old passwords are not
// checked at sign-in: the rules apply when a password is chosen.

/** Why a new password is refused: the message key shown on the password field. */
export type PasswordProblem =
	'web_password_common' | 'web_password_personal' | 'web_password_pattern';

let common: Set<string> | undefined;

/** The shipped list (scripts/common-passwords.js), read on the first check. */
function commonPasswords(): Set<string> {
	if (common) return common;
	let text: string | undefined;
	try {
		// Under Vite (the app, Vitest) the list is bundled, so the built app needs no file.
		const files = import.meta.glob<string>('./common-passwords.txt', {
			query: '?raw',
			import: 'default',
			eager: true
		});
		text = Object.values(files)[0];
	} catch {
		// Outside Vite (tsx scripts such as the demo seed) there is no import.meta.glob.
	}
	text ??= readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8');
	common = new Set(text.split('\n').filter(Boolean));
	return common;
}

/** Runs a keyboard or an alphabet gives when keys are pressed in order (either way). */
const runs = [
	'01234567890123456789',
	'abcdefghijklmnopqrstuvwxyz',
	'qwertyuiopasdfghjklzxcvbnm',
	'1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p',
	'абвгдеёжзийклмнңоөпрстуүфхцчшщъыьэюя',
	'йцукенгшщзхъфывапролджэячсмитьбю'
];

function isTrivial(lower: string): boolean {
	// One character or a short group repeated: "aaaaaaaaaaaa", "abcabcabcabc".
	if (/^(.{1,4})\1+$/u.test(lower)) return true;
	const reversed = [...lower].reverse().join('');
	return runs.some((run) => {
		const twice = run + run;
		return twice.includes(lower) || twice.includes(reversed);
	});
}

/**
 * Null when `password` may be chosen; else the reason. `email` is the person's address when
 * known (the password must not be it, nor contain its part before the @).
 */
export function passwordProblem(password: string, email?: string | null): PasswordProblem | null {
	const lower = password.normalize('NFKC').toLowerCase();
	if (isTrivial(lower.replace(/\s+/gu, ''))) return 'web_password_pattern';
	const list = commonPasswords();
	// The common password inside decoration: "Password2026!", "  qwertyuiop12".
	const core = lower.replace(/^[\d\s\p{P}\p{S}]+|[\d\s\p{P}\p{S}]+$/gu, '');
	// A short core is a random password's letter or two, not a pattern.
	if (list.has(lower) || list.has(core) || (core.length >= 4 && isTrivial(core)))
		return 'web_password_common';
	if (email) {
		const address = email.trim().toLowerCase();
		const local = address.split('@')[0] ?? '';
		const localCore = local.replace(/[.\-_+]+/gu, '');
		const compact = lower.replace(/[\s.\-_+]+/gu, '');
		if (
			lower.includes(address) ||
			(local.length >= 3 && lower.includes(local)) ||
			(localCore.length >= 4 && compact.includes(localCore))
		)
			return 'web_password_personal';
	}
	return null;
}

/** Throws the field's error when the new password may not be chosen (see passwordProblem). */
export function assertNewPassword(password: string, email: string | null, field = 'password') {
	const problem = passwordProblem(password, email);
	if (problem) throw new ValidationError([{ field, key: problem }]);
}

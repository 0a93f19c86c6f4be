import { hash, verify, type Options } from '@node-rs/argon2';

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

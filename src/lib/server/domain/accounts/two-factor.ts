import { Secret, TOTP } from 'otpauth';
import { hashToken, newId } from '../../db/ids';
import type { DB } from '../../db/types';
import type { TwoFactorSeal } from './two-factor-seal';

// Two-factor sign-in: a TOTP secret per person (RFC 6238: 6 digits, 30 s, SHA-1, as every
// authenticator app reads it) and ten recovery codes, each used once.

export const totpParams = { digits: 6, period: 30, algorithm: 'SHA1', window: 1 } as const;
export const recoveryCodeCount = 10;
const issuer = 'Ustat';

export function newTotpSecret(): string {
	return new Secret({ size: 20 }).base32;
}

export function totpOf(secret: string, label: string): TOTP {
	return new TOTP({
		issuer,
		label,
		algorithm: totpParams.algorithm,
		digits: totpParams.digits,
		period: totpParams.period,
		secret: Secret.fromBase32(secret)
	});
}

/** The time step of a moment: a code is accepted once per step. */
const stepOf = (now: Date) => Math.floor(now.getTime() / 1000 / totpParams.period);

/** Only digits, spaces allowed between them (apps show "123 456"). */
export const looksLikeTotp = (code: string) => /^\d{6}$/.test(code.replace(/\s+/g, ''));

/**
 * The time step a code belongs to (±1 step for a clock that drifts), or null. Does not
 * record its use: see useTotpStep.
 */
export function totpStep(secret: string, code: string, now: Date): number | null {
	const token = code.replace(/\s+/g, '');
	if (!/^\d{6}$/.test(token)) return null;
	const delta = totpOf(secret, 'x').validate({
		token,
		timestamp: now.getTime(),
		window: totpParams.window
	});
	return delta === null ? null : stepOf(now) + delta;
}

/**
 * Records that a step's code was used; false when that step (or a later one) was already
 * used, so a code seen over a shoulder cannot be replayed. One conditional update: of two
 * parallel uses of one code, only one changes the row.
 */
export async function useTotpStep(db: DB, userId: string, step: number): Promise<boolean> {
	const result = await db
		.updateTable('twoFactorSecrets')
		.set({ lastUsedStep: step })
		.where('userId', '=', userId)
		.where((eb) => eb.or([eb('lastUsedStep', 'is', null), eb('lastUsedStep', '<', step)]))
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export interface TwoFactorRow {
	secret: string | null;
	confirmedAt: Date | null;
}

/** A person's two-factor secret (opened), confirmed or not; null when they have none. */
export async function findTwoFactor(
	db: DB,
	seal: TwoFactorSeal,
	userId: string
): Promise<TwoFactorRow | null> {
	const row = await db
		.selectFrom('twoFactorSecrets')
		.select(['secretKeyMaterial', 'confirmedAt'])
		.where('userId', '=', userId)
		.executeTakeFirst();
	if (!row) return null;
	return { secret: seal.open(userId, row.secretKeyMaterial), confirmedAt: row.confirmedAt };
}

/** Whether the person signs in with a second factor (a confirmed secret). */
export async function hasTwoFactor(db: DB, userId: string): Promise<boolean> {
	const row = await db
		.selectFrom('twoFactorSecrets')
		.select('userId')
		.where('userId', '=', userId)
		.where('confirmedAt', 'is not', null)
		.executeTakeFirst();
	return row !== undefined;
}

/** A code's accepted answer: a TOTP code (once per step) or an unused recovery code. */
export async function checkSecondFactor(
	db: DB,
	seal: TwoFactorSeal,
	userId: string,
	code: string,
	now: Date
): Promise<'totp' | 'recovery' | null> {
	if (looksLikeTotp(code)) {
		const found = await findTwoFactor(db, seal, userId);
		if (!found?.secret || !found.confirmedAt) return null;
		const step = totpStep(found.secret, code, now);
		return step !== null && (await useTotpStep(db, userId, step)) ? 'totp' : null;
	}
	return (await useRecoveryCode(db, userId, code, now)) ? 'recovery' : null;
}

// Recovery codes: 16 letters and digits without look-alikes (80 bits), shown in groups of 4.
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newRecoveryCode(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(16));
	const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
	return chars.match(/.{4}/g)!.join('-');
}

/** Case, spaces and dashes do not matter when typing a code back. */
const normalizeRecovery = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
const recoveryHash = (code: string) => hashToken(`recovery:${normalizeRecovery(code)}`);

/** Replaces every recovery code of a person by ten new ones, returned once in the clear. */
export async function replaceRecoveryCodes(db: DB, userId: string, now: Date): Promise<string[]> {
	const codes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
	await db.deleteFrom('recoveryCodes').where('userId', '=', userId).execute();
	await db
		.insertInto('recoveryCodes')
		.values(
			codes.map((code) => ({
				id: newId(),
				userId,
				codeHash: recoveryHash(code),
				createdAt: now,
				usedAt: null
			}))
		)
		.execute();
	return codes;
}

/** Uses a recovery code: true once for each code (a conditional update, safe in parallel). */
export async function useRecoveryCode(
	db: DB,
	userId: string,
	code: string,
	now: Date
): Promise<boolean> {
	const normalized = normalizeRecovery(code);
	if (normalized.length !== 16) return false;
	const result = await db
		.updateTable('recoveryCodes')
		.set({ usedAt: now })
		.where('userId', '=', userId)
		.where('codeHash', '=', recoveryHash(normalized))
		.where('usedAt', 'is', null)
		.executeTakeFirst();
	return Number(result.numUpdatedRows) === 1;
}

export async function countRecoveryCodesLeft(db: DB, userId: string): Promise<number> {
	const row = await db
		.selectFrom('recoveryCodes')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('userId', '=', userId)
		.where('usedAt', 'is', null)
		.executeTakeFirstOrThrow();
	return Number(row.count);
}

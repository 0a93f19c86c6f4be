import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// A person's TOTP secret is kept sealed (AES-256-GCM) under a key derived (HKDF) from a key
// kept outside the database, the ballot key: a database dump or backup alone cannot make
// anyone's codes. The owner's id is bound in, so a sealed secret cannot be moved to another
// account.

export interface TwoFactorSeal {
	seal(userId: string, secret: string): string;
	/** The secret, or null when it cannot be read (another key, a changed row). */
	open(userId: string, sealed: string): string | null;
}

export function twoFactorSeal(masterKey: Buffer): TwoFactorSeal {
	if (masterKey.length < 32) throw new Error('The key must have at least 32 bytes');
	const key = Buffer.from(
		hkdfSync('sha256', masterKey, Buffer.alloc(0), 'ustat two-factor secret v1', 32)
	);
	return {
		seal(userId, secret) {
			const iv = randomBytes(12);
			const cipher = createCipheriv('aes-256-gcm', key, iv);
			cipher.setAAD(Buffer.from(userId));
			const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
			return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
		},
		open(userId, sealed) {
			if (!sealed.startsWith('v1:')) return null;
			try {
				const bytes = Buffer.from(sealed.slice(3), 'base64');
				const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
				decipher.setAAD(Buffer.from(userId));
				decipher.setAuthTag(bytes.subarray(12, 28));
				return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString(
					'utf8'
				);
			} catch {
				return null;
			}
		}
	};
}

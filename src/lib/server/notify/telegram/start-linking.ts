import { AppError } from '../../errors';
import type { Ctx } from '../../domain/context';
import { validate } from '../../validation';
import { CODE_TTL_MS, hashCode, newLinkCode } from './code';
import { startLinkingInput, type StartLinkingInput } from './input';
import { telegramConfigured } from './settings';

/**
 * A new one-time code for the signed-in person to send to the bot. A linked chat stays
 * linked until the code is used (then the new chat replaces it); an older code is replaced.
 * Returns the code itself: only its hash is kept.
 */
export async function startLinking(
	{ db, actor, now }: Ctx,
	input: StartLinkingInput
): Promise<{ code: string; expiresAt: Date }> {
	validate(startLinkingInput, input);
	if (!telegramConfigured()) throw new AppError('conflict', 'telegram_error_not_configured');
	const code = newLinkCode();
	const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
	const codeHash = hashCode(code);
	await db
		.insertInto('telegramLinks')
		.values({
			userId: actor.id,
			chatId: null,
			codeHash,
			codeExpiresAt: expiresAt,
			linkedAt: null,
			createdAt: now
		})
		.onConflict((oc) => oc.column('userId').doUpdateSet({ codeHash, codeExpiresAt: expiresAt }))
		.execute();
	return { code, expiresAt };
}

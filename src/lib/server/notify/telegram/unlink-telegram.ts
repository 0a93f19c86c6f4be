import type { Ctx } from '../../domain/context';
import { validate } from '../../validation';
import { unlinkTelegramInput, type UnlinkTelegramInput } from './input';

/**
 * The signed-in person unlinks their chat (and forgets a pending code). Notifications not yet
 * delivered there stay in the inbox; the delivery job finds no chat and records that.
 * Unlinking what is not linked does nothing.
 */
export async function unlinkTelegram(
	{ db, actor }: Ctx,
	input: UnlinkTelegramInput
): Promise<void> {
	validate(unlinkTelegramInput, input);
	await db.deleteFrom('telegramLinks').where('userId', '=', actor.id).execute();
}

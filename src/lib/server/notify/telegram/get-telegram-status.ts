import type { Ctx } from '../../domain/context';
import { log } from '../../log';
import { validate } from '../../validation';
import { botUsername } from './client';
import { hashCode, looksLikeCode } from './code';
import { telegramStatusInput, type TelegramStatusInput } from './input';
import { telegramSettings } from './settings';

export interface TelegramStatus {
	/** Whether the deployment has a bot (TELEGRAM_BOT_TOKEN). */
	configured: boolean;
	/** The bot's @username (without @); null when the Bot API could not be asked. */
	botUsername: string | null;
	/** When the person's chat was linked; null when it is not. */
	linkedAt: Date | null;
	/** The code this browser was shown, while it can still be used. */
	pending: { code: string; expiresAt: Date; deepLink: string | null } | null;
}

/** The signed-in person's Telegram link, for their settings page. */
export async function getTelegramStatus(
	{ db, actor, now }: Ctx,
	input: TelegramStatusInput
): Promise<TelegramStatus> {
	const { code } = validate(telegramStatusInput, input);
	const settings = telegramSettings();
	const link = await db
		.selectFrom('telegramLinks')
		.select(['chatId', 'linkedAt', 'codeHash', 'codeExpiresAt'])
		.where('userId', '=', actor.id)
		.executeTakeFirst();
	if (!settings.token)
		return { configured: false, botUsername: null, linkedAt: null, pending: null };

	let username: string | null = null;
	try {
		username = await botUsername(settings);
	} catch (err) {
		// The page still works without it: the code can be sent by hand once the bot is found.
		log.warn({ err }, 'telegram getMe failed');
	}
	const pending =
		code &&
		looksLikeCode(code) &&
		link?.codeHash === hashCode(code) &&
		link.codeExpiresAt &&
		link.codeExpiresAt > now
			? {
					code,
					expiresAt: link.codeExpiresAt,
					deepLink: username ? `https://t.me/${username}?start=${code}` : null
				}
			: null;
	return {
		configured: true,
		botUsername: username,
		linkedAt: link?.chatId ? link.linkedAt : null,
		pending
	};
}

import type { DB } from '../../db/types';
import { isLocale, type Locale } from '../../../i18n/locale';
import * as m from '../../../paraglide/messages.js';
import { log } from '../../log';
import { escapeHtml, getUpdates, sendMessage, TelegramError, type TelegramUpdate } from './client';
import { hashCode, looksLikeCode, normalizeCode } from './code';
import { botIdOf, telegramSettings } from './settings';

// The bot's inbox, read by a sweep every 20 s (jobs.ts): `/start <code>` (what the deep link
// sends) or the bare code links the chat to the person who asked for that code. Each sweep
// takes what is there (short polling) from where the last one stopped, writes the links and
// the new offset, then answers.

interface Reply {
	chatId: string;
	text: string;
}

/** Reads and handles the bot's new messages; returns how many updates were read. */
export async function readBotUpdates(db: DB, now: Date): Promise<number> {
	const settings = telegramSettings();
	if (!settings.token) return 0;
	const bot = botIdOf(settings.token);
	const cursor = await db
		.selectFrom('telegramCursor')
		.select('nextUpdateId')
		.where('bot', '=', bot)
		.executeTakeFirst();
	const offset = cursor?.nextUpdateId ?? 0;

	let updates: TelegramUpdate[];
	try {
		updates = await getUpdates(offset, settings);
	} catch (err) {
		// The next sweep asks again from the same offset: nothing is lost.
		if (err instanceof TelegramError) {
			log.warn({ failure: err.failure, message: err.message }, 'telegram getUpdates failed');
			return 0;
		}
		throw err;
	}
	if (updates.length === 0) return 0;

	const replies: Reply[] = [];
	let next = offset;
	for (const update of updates) {
		next = Math.max(next, update.update_id + 1);
		const reply = await handleUpdate(db, update, now);
		if (reply) replies.push(reply);
	}
	// One small write for the whole batch; only ever forward (another instance may be ahead).
	if (cursor)
		await db
			.updateTable('telegramCursor')
			.set({ nextUpdateId: next })
			.where('bot', '=', bot)
			.where('nextUpdateId', '<', next)
			.execute();
	else
		await db
			.insertInto('telegramCursor')
			.values({ bot, nextUpdateId: next })
			.onConflict((oc) =>
				oc
					.column('bot')
					.doUpdateSet({ nextUpdateId: next })
					.where('telegramCursor.nextUpdateId', '<', next)
			)
			.execute();

	// Answers go last: a failed answer never undoes a link or re-reads an update.
	for (const reply of replies) {
		try {
			await sendMessage(reply.chatId, escapeHtml(reply.text), settings);
		} catch (err) {
			log.warn(
				{ failure: err instanceof TelegramError ? err.failure : 'unknown', message: String(err) },
				'telegram reply failed'
			);
		}
	}
	return updates.length;
}

/** The code in a message: `/start CODE`, `/start@bot CODE`, or the code alone. */
function codeOf(text: string): string | null | undefined {
	const start = /^\/start(?:@\w+)?(?:\s+(.*))?$/s.exec(text.trim());
	if (start) return start[1]?.trim() || null;
	return looksLikeCode(text) ? text : undefined;
}

async function handleUpdate(db: DB, update: TelegramUpdate, now: Date): Promise<Reply | null> {
	const message = update.message;
	// Only one's own chat with the bot links: never a group the bot was added to.
	if (!message?.text || message.chat.type !== 'private') return null;
	const chatId = String(message.chat.id);
	const senderLocale: Locale =
		message.from?.language_code && isLocale(message.from.language_code.slice(0, 2))
			? (message.from.language_code.slice(0, 2) as Locale)
			: 'ky';
	const code = codeOf(message.text);
	if (code === undefined) return null; // a message the bot has nothing to say to
	if (code === null) return { chatId, text: m.telegram_bot_help({}, { locale: senderLocale }) };

	const link = looksLikeCode(code)
		? await db
				.selectFrom('telegramLinks as t')
				.innerJoin('users as u', 'u.id', 't.userId')
				.select(['t.userId', 't.codeExpiresAt', 'u.locale', 'u.isActive'])
				.where('t.codeHash', '=', hashCode(normalizeCode(code)))
				.executeTakeFirst()
		: undefined;
	if (!link || !link.isActive)
		return { chatId, text: m.telegram_bot_code_unknown({}, { locale: senderLocale }) };
	const locale: Locale = isLocale(link.locale) ? link.locale : 'ky';
	if (!link.codeExpiresAt || link.codeExpiresAt <= now) {
		await db
			.updateTable('telegramLinks')
			.set({ codeHash: null, codeExpiresAt: null })
			.where('userId', '=', link.userId)
			.execute();
		return { chatId, text: m.telegram_bot_code_expired({}, { locale }) };
	}
	// The code is used once: the guard on its hash makes a second reader of the same update
	// (another instance) change nothing.
	const done = await db
		.updateTable('telegramLinks')
		.set({ chatId, linkedAt: now, codeHash: null, codeExpiresAt: null })
		.where('userId', '=', link.userId)
		.where('codeHash', '=', hashCode(normalizeCode(code)))
		.executeTakeFirst();
	if (Number(done.numUpdatedRows) === 0) return null;
	log.info({ userId: link.userId }, 'telegram chat linked');
	return { chatId, text: m.telegram_bot_linked({}, { locale }) };
}

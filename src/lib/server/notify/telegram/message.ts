import type { Locale } from '../../../i18n/locale';
import * as m from '../../../paraglide/messages.js';
import { isNotificationKind, kindMessageKey } from '../kinds';
import { escapeHtml } from './client';

// A notification as a Telegram message: short, in the recipient's language. The kind's label
// is a sentence without names (the Kyrgyz rules), the thing's name and the group's come on
// their own lines, as labels, and the link opens the thing in the app.

type MessageFunction = (params?: Record<string, unknown>, options?: { locale?: Locale }) => string;
const messages = m as unknown as Record<string, MessageFunction>;

/** Telegram takes 4,096 characters: a very long subject (a vote's question) is cut. */
const shorten = (text: string, max: number) =>
	text.length > max ? `${text.slice(0, max - 1)}…` : text;

export interface TelegramNotification {
	kind: string;
	subject: string;
	groupName: string | null;
	/** The app path (links.ts). */
	link: string;
}

/** The message's text for parse_mode HTML (every value escaped). */
export function telegramText(n: TelegramNotification, locale: Locale, baseUrl: string): string {
	const label = isNotificationKind(n.kind)
		? (messages[kindMessageKey(n.kind)]?.({}, { locale }) ?? n.kind)
		: n.kind;
	const url = new URL(n.link, `${baseUrl}/`).href;
	const lines = [`<b>${escapeHtml(label)}</b>`, escapeHtml(shorten(n.subject, 500))];
	if (n.groupName) lines.push(escapeHtml(m.telegram_msg_group({ name: n.groupName }, { locale })));
	lines.push(
		`<a href="${escapeHtml(url).replace(/"/g, '&quot;')}">${escapeHtml(m.telegram_msg_open({}, { locale }))}</a>`
	);
	return lines.join('\n');
}

import { config } from '../../config.js';
import { formatDate } from '../../../i18n/format';
import { isLocale, type Locale } from '../../../i18n/locale';
import * as m from '../../../paraglide/messages.js';
import type { OutgoingMail } from '../../mail';
import { quotedSubject } from '../../mail-subject';
import { kindMessageKey, type NotificationKind } from '../kinds';
import { meetingInvite, isMeetingKind } from './ics';
import { unsubscribeToken, type UnsubscribeScope } from './tokens';

// A notification as a mail, in the recipient's language. Kyrgyz rules (reviews/
// kyrgyz-language.md): the kind's label is a sentence without names; the thing's name, the
// group and the date follow as labels («Топ: …», «Күнү: …»), never inside a sentence.

export interface MailNotification {
	id: string;
	kind: NotificationKind;
	subject: string;
	link: string;
	params: Record<string, string>;
	createdAt: Date;
	groupId: string | null;
	groupName: string | null;
}

export interface MailRecipient {
	id: string;
	email: string;
	locale: string;
}

type MessageFunction = (params?: Record<string, unknown>, options?: { locale?: Locale }) => string;
const messages = m as unknown as Record<string, MessageFunction>;

export const recipientLocale = (r: { locale: string }): Locale =>
	isLocale(r.locale) ? r.locale : 'ky';

export function kindLabel(kind: NotificationKind, locale: Locale): string {
	return messages[kindMessageKey(kind)]?.({}, { locale }) ?? kind;
}

const absolute = (path: string) => `${config().baseUrl}${path}`;
export const settingsUrl = () => absolute('/profile/notifications');
export const unsubscribeUrl = (userId: string, scope: UnsubscribeScope) =>
	absolute(`/unsubscribe/${unsubscribeToken(userId, scope)}`);

export function escapeHtml(value: string): string {
	return value
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&#39;');
}

/** A calendar day (YYYY-MM-DD) in the locale's words, without shifting it by a time zone. */
function formatDay(day: string, locale: Locale): string {
	return /^\d{4}-\d{2}-\d{2}$/.test(day)
		? formatDate(new Date(`${day}T12:00:00Z`), locale, 'UTC')
		: day;
}

/** The labelled lines that describe one notification. */
function details(
	n: MailNotification,
	locale: Locale,
	{ withGroup }: { withGroup: boolean }
): [string, string][] {
	const o = { locale };
	const lines: [string, string][] = [[m.email_label_subject({}, o), n.subject]];
	if (withGroup && n.groupName) lines.push([m.email_label_group({}, o), n.groupName]);
	if (n.params.date) lines.push([m.email_label_date({}, o), formatDay(n.params.date, locale)]);
	else lines.push([m.email_label_when({}, o), formatDate(n.createdAt, locale, config().timeZone)]);
	if (n.params.time) lines.push([m.email_label_time({}, o), n.params.time]);
	if (n.params.place) lines.push([m.email_label_place({}, o), n.params.place]);
	return lines;
}

interface Footer {
	text: string;
	html: string;
	headers: Record<string, string>;
}

function footer(recipient: MailRecipient, scope: UnsubscribeScope, locale: Locale): Footer {
	const o = { locale };
	const unsubscribe = unsubscribeUrl(recipient.id, scope);
	const settings = settingsUrl();
	const unsubscribeLabel =
		scope === 'all'
			? m.email_footer_unsubscribe_all({}, o)
			: m.email_footer_unsubscribe_kind({}, o);
	return {
		text: [
			'—',
			m.email_footer_reason({}, o),
			`${m.email_footer_settings({}, o)}: ${settings}`,
			`${unsubscribeLabel}: ${unsubscribe}`
		].join('\n'),
		html:
			`<hr><p style="color:#555;font-size:13px">${escapeHtml(m.email_footer_reason({}, o))}<br>` +
			`<a href="${escapeHtml(settings)}">${escapeHtml(m.email_footer_settings({}, o))}</a> · ` +
			`<a href="${escapeHtml(unsubscribe)}">${escapeHtml(unsubscribeLabel)}</a></p>`,
		// RFC 8058: a mail client may offer "unsubscribe" and POST `List-Unsubscribe=One-Click`
		// to this address itself; the page behind it never changes anything on a GET.
		headers: {
			'List-Unsubscribe': `<${unsubscribe}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		}
	};
}

const page = (locale: Locale, body: string) =>
	`<!doctype html><html lang="${locale}"><head><meta charset="utf-8">` +
	`<meta name="viewport" content="width=device-width"></head>` +
	`<body style="font-family:sans-serif;line-height:1.5;max-width:40em">${body}</body></html>`;

const htmlDetails = (lines: [string, string][]) =>
	`<dl>${lines.map(([k, v]) => `<dt style="font-weight:bold">${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`;

/** One notification, sent at once; meeting kinds carry an invitation for the calendar. */
export function instantMail(n: MailNotification, recipient: MailRecipient): OutgoingMail {
	const locale = recipientLocale(recipient);
	const o = { locale };
	const label = kindLabel(n.kind, locale);
	const lines = details(n, locale, { withGroup: true });
	const url = absolute(n.link);
	const foot = footer(recipient, n.kind, locale);
	const invite = isMeetingKind(n.kind) ? meetingInvite(n, recipient, locale) : null;
	const text = [
		label,
		'',
		...lines.map(([k, v]) => `${k}: ${v}`),
		'',
		`${m.email_open({}, o)}: ${url}`,
		...(invite ? ['', m.email_meeting_attachment({}, o)] : []),
		'',
		foot.text
	].join('\n');
	const html = page(
		locale,
		`<p><strong>${escapeHtml(label)}</strong></p>${htmlDetails(lines)}` +
			`<p><a href="${escapeHtml(url)}">${escapeHtml(m.email_open({}, o))}</a></p>` +
			(invite ? `<p>${escapeHtml(m.email_meeting_attachment({}, o))}</p>` : '') +
			foot.html
	);
	return {
		to: recipient.email,
		// The subject part is often typed by people (a group's name, a title): quoted, bounded.
		subject: `${label}: ${quotedSubject(n.subject)}`,
		text,
		html,
		headers: foot.headers,
		...(invite ? { attachments: [invite] } : {})
	};
}

export type DigestPeriod = 'daily' | 'weekly';

/** One mail listing all of a person's waiting notifications, grouped by group. */
export function digestMail(
	recipient: MailRecipient,
	period: DigestPeriod,
	items: readonly MailNotification[]
): OutgoingMail {
	const locale = recipientLocale(recipient);
	const o = { locale };
	const count = items.length;
	const subject =
		period === 'daily'
			? m.email_digest_daily_subject({ count }, o)
			: m.email_digest_weekly_subject({ count }, o);
	// Groups in the order their first item came; notifications without a group at the end.
	const sections = new Map<string, { name: string; items: MailNotification[] }>();
	for (const n of items) {
		const key = n.groupId ?? '';
		const section = sections.get(key) ?? {
			name: n.groupName ?? m.email_digest_no_group({}, o),
			items: []
		};
		section.items.push(n);
		sections.set(key, section);
	}
	const ordered = [...sections.entries()]
		.sort(([a], [b]) => Number(a === '') - Number(b === ''))
		.map(([, s]) => s);
	const foot = footer(recipient, 'all', locale);
	const text: string[] = [m.email_digest_intro({}, o), ''];
	let html = `<p>${escapeHtml(m.email_digest_intro({}, o))}</p>`;
	for (const section of ordered) {
		text.push(`${m.email_label_group({}, o)}: ${section.name}`, '');
		html += `<h2 style="font-size:1.1em">${escapeHtml(m.email_label_group({}, o))}: ${escapeHtml(section.name)}</h2><ul>`;
		for (const n of section.items) {
			const label = kindLabel(n.kind, locale);
			const lines = details(n, locale, { withGroup: false });
			const url = absolute(n.link);
			text.push(`* ${label}`, ...lines.map(([k, v]) => `  ${k}: ${v}`), `  ${url}`, '');
			html +=
				`<li><p><a href="${escapeHtml(url)}">${escapeHtml(label)}</a></p>` +
				`${htmlDetails(lines)}</li>`;
		}
		html += '</ul>';
	}
	text.push(m.email_digest_count({ count }, o), '', foot.text);
	html += `<p>${escapeHtml(m.email_digest_count({ count }, o))}</p>${foot.html}`;
	return {
		to: recipient.email,
		subject,
		text: text.join('\n'),
		html: page(locale, html),
		headers: foot.headers
	};
}

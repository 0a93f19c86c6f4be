import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { config } from '../../config.js';
import type { Locale } from '../../../i18n/locale';
import type { MailAttachment } from '../../mail';
import type { NotificationKind } from '../kinds';
import type { MailNotification, MailRecipient } from './compose';

// The invitation a meeting mail carries (iTIP, RFC 5546): METHOD:REQUEST when a meeting is
// scheduled or changed, CANCEL when it is called off. The UID is the meeting's, so a calendar
// updates the one event it already holds; SEQUENCE grows with each notice (seconds since
// 1970 of the notice), so a later change always wins over an earlier one.

const meetingKinds = new Set<NotificationKind>([
	'meeting.scheduled',
	'meeting.changed',
	'meeting.cancelled'
]);
export const isMeetingKind = (kind: NotificationKind) => meetingKinds.has(kind);

/** A meeting without an end time in the app: taken to last this long. */
const MEETING_MINUTES = 90;

/** The zone's UTC offset at that moment, as "+0600". */
function utcOffset(timeZone: string, at: Date): string {
	const name =
		new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
			.formatToParts(at)
			.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
	const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
	return match ? `${match[1]}${match[2]}${match[3]}` : '+0000';
}

/**
 * A minimal VTIMEZONE: one offset. Right for Asia/Bishkek (no summer time since 2005); a
 * zone with summer time would need its rules, which no meeting of this app needs yet.
 */
const vtimezone = (at: Date) => (tz: string) => {
	const offset = utcOffset(tz, at);
	return [
		'BEGIN:VTIMEZONE',
		`TZID:${tz}`,
		'BEGIN:STANDARD',
		'DTSTART:19700101T000000',
		`TZOFFSETFROM:${offset}`,
		`TZOFFSETTO:${offset}`,
		'END:STANDARD',
		'END:VTIMEZONE'
	].join('\r\n');
};

const fromAddress = () => /<([^>]+)>/.exec(config().mailFrom)?.[1] ?? config().mailFrom;

export function meetingInvite(
	n: MailNotification,
	recipient: MailRecipient,
	locale: Locale
): MailAttachment | null {
	const { meetingId, date, time, place } = n.params;
	if (!meetingId || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
	const cancel = n.kind === 'meeting.cancelled';
	const method = cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST;
	const timeZone = config().timeZone;
	const timed = time && /^\d{2}:\d{2}$/.test(time);
	// ical-generator writes a Date's UTC fields as the wall time of the event's TZID.
	const start = new Date(`${date}T${timed ? time : '00:00'}:00Z`);
	const calendar = ical({
		prodId: { company: 'Ustat', product: 'notifications', language: locale.toUpperCase() },
		method,
		timezone: { name: timeZone, generator: vtimezone(start) }
	});
	calendar.createEvent({
		id: `meeting-${meetingId}@${new URL(config().baseUrl).hostname}`,
		sequence: Math.floor(n.createdAt.getTime() / 1000),
		stamp: n.createdAt,
		start,
		...(timed
			? { end: new Date(start.getTime() + MEETING_MINUTES * 60_000), timezone: timeZone }
			: { allDay: true }),
		summary: n.groupName ? `${n.subject} · ${n.groupName}` : n.subject,
		location: place || null,
		url: `${config().baseUrl}${n.link}`,
		status: cancel ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
		organizer: { name: 'Ustat', email: fromAddress() },
		attendees: [{ email: recipient.email }]
	});
	return {
		filename: cancel ? 'cancel.ics' : 'invite.ics',
		content: calendar.toString(),
		contentType: `text/calendar; charset=utf-8; method=${cancel ? 'CANCEL' : 'REQUEST'}`
	};
}

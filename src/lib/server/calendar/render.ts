import ical, { ICalEventStatus } from 'ical-generator';
import type { Locale } from '../../i18n/locale';
import * as m from '../../paraglide/messages.js';
import { links } from '../notify/links';
import type { FeedEntry } from './entries';

// The feed as iCalendar text (RFC 5545). Times are wall-clock times of the school's zone
// with its TZID; stamps are UTC. Each event keeps one UID for its whole life and tells
// calendar apps it changed through LAST-MODIFIED and SEQUENCE (from updated_at).

/** A meeting with a start time and no end: its length in the feed. */
export const meetingMinutes = 90;
/** A vote's deadline: a short event ending at the moment the vote closes. */
export const deadlineMinutes = 15;

// SEQUENCE is a 32-bit integer: seconds since 2024 fit for decades and grow with each edit.
const sequenceEpoch = Date.UTC(2024, 0, 1);
const sequenceOf = (updatedAt: Date) =>
	Math.max(0, Math.floor((updatedAt.getTime() - sequenceEpoch) / 1000));

/**
 * 'YYYY-MM-DDTHH:MM:SS' with no zone. ical-generator prints an event's times with the
 * process's local clock once the event has a TZID; a string without an offset is read in
 * that same local clock, so the wall-clock time comes out unchanged on any server (save an
 * hour skipped by the server's own daylight saving; servers here run in UTC or +06).
 */
function wallClockPlus(day: string, time: string, minutes: number): string {
	const [h, min] = time.split(':').map(Number) as [number, number];
	const [y, mo, d] = day.split('-').map(Number) as [number, number, number];
	const t = new Date(Date.UTC(y, mo - 1, d, h, min + minutes));
	return t.toISOString().slice(0, 19);
}

/**
 * A VTIMEZONE for a zone without daylight saving (Asia/Bishkek: +06 all year), from Intl.
 * A zone whose offset changes within the year gets none: calendar apps know IANA names, and
 * a wrong VTIMEZONE would be worse than none.
 */
export function fixedZone(timeZone: string, now = new Date()): string | null {
	const offset = (month: number) => {
		const at = new Date(Date.UTC(now.getUTCFullYear(), month, 1));
		const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
			.formatToParts(at)
			.find((p) => p.type === 'timeZoneName')?.value;
		const found = /GMT([+-])(\d{2}):(\d{2})/.exec(part ?? '');
		return found ? `${found[1]}${found[2]}${found[3]}` : part === 'GMT' ? '+0000' : null;
	};
	const winter = offset(0);
	if (!winter || winter !== offset(6)) return null;
	return [
		'BEGIN:VTIMEZONE',
		`TZID:${timeZone}`,
		'BEGIN:STANDARD',
		'DTSTART:19700101T000000',
		`TZOFFSETFROM:${winter}`,
		`TZOFFSETTO:${winter}`,
		'END:STANDARD',
		'END:VTIMEZONE'
	].join('\r\n');
}

type Message = (params: Record<string, unknown>, options: { locale: Locale }) => string;
const message = (key: string) => (m as unknown as Record<string, Message>)[key]!;

export interface FeedOptions {
	locale: Locale;
	baseUrl: string;
	timeZone: string;
	/** The moment of the request: DTSTAMP of every event. */
	now: Date;
}

export function renderFeed(entries: FeedEntry[], options: FeedOptions): string {
	const { locale, baseUrl, timeZone, now } = options;
	const o = { locale };
	const host = new URL(baseUrl).host;
	const calendar = ical({
		name: m.calendar_feed_name({}, o),
		prodId: { company: 'Ustat', product: 'calendar', language: locale.toUpperCase() },
		timezone: { name: null, generator: (zone) => fixedZone(zone, now) },
		// A hint for apps that poll: the route's own cache lasts five minutes too.
		ttl: 60 * 60
	});
	calendar.x('X-WR-TIMEZONE', timeZone);
	for (const e of entries) {
		const groupLine = m.calendar_group_label({ name: e.groupName }, o);
		const common = {
			id: `${e.kind}-${e.id}@${host}`,
			stamp: now,
			lastModified: e.updatedAt,
			sequence: sequenceOf(e.updatedAt),
			timezone: timeZone
		};
		if (e.kind === 'meeting') {
			const url = baseUrl + links.meeting(e.groupId, e.id);
			const description = [
				groupLine,
				e.place && m.calendar_place_label({ place: e.place }, o),
				e.onlineLink && m.calendar_online_label({ link: e.onlineLink }, o),
				url
			];
			calendar.createEvent({
				...common,
				summary: `${m.calendar_meeting_title({ number: e.number }, o)} · ${e.groupName}`,
				...(e.startTime
					? {
							start: wallClockPlus(e.day, e.startTime, 0),
							end: wallClockPlus(e.day, e.startTime, meetingMinutes)
						}
					: { start: `${e.day}T00:00:00`, allDay: true }),
				location: e.place || e.onlineLink || null,
				description: description.filter(Boolean).join('\n'),
				url
			});
		} else if (e.kind === 'plan') {
			const url = baseUrl + links.planItem(e.groupId, e.id);
			const status = message(`plan_status_${e.status}`)({}, o);
			calendar.createEvent({
				...common,
				summary: `${e.status === 'done' ? '✓ ' : ''}${m.calendar_plan_title({ title: e.title }, o)}`,
				start: `${e.day}T00:00:00`,
				allDay: true,
				description: [
					groupLine,
					m.calendar_status_label({ status }, o),
					e.responsibleName && m.calendar_responsible_label({ name: e.responsibleName }, o),
					url
				]
					.filter(Boolean)
					.join('\n'),
				status: ICalEventStatus.CONFIRMED,
				url
			});
		} else {
			const url = baseUrl + links.vote(e.groupId, e.id);
			const [day, time] = e.wallClock.split('T') as [string, string];
			calendar.createEvent({
				...common,
				summary: m.calendar_vote_title({ question: e.question }, o),
				start: wallClockPlus(day, time, -deadlineMinutes),
				end: wallClockPlus(day, time, 0),
				description: [groupLine, url].join('\n'),
				url
			});
		}
	}
	return calendar.toString();
}

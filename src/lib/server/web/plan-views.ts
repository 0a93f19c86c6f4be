import type { PlanItemView } from '../domain/plan/list-plan';
import type { Locale } from '../../i18n/locale';
import { formatDay } from './days';
import { translate } from './i18n';
import * as m from '../../paraglide/messages.js';
import { links } from '../notify/links';
import { toWallClock } from '../zoned';

export function planKindName(kind: string): string {
	return translate(`plan_kind_${kind}` as never);
}

export function planStatusName(status: string): string {
	return translate(`plan_status_${status}` as never);
}

export function planLine(item: PlanItemView, locale: Locale) {
	return {
		id: item.id,
		kind: planKindName(item.kind),
		title: item.title,
		day: item.dueOn,
		dueOn: formatDay(item.dueOn, locale),
		status: item.status,
		statusName: planStatusName(item.status),
		notes: item.notes,
		responsibleName: item.responsibleName,
		isOverdue: item.isOverdue,
		canSetStatus: item.canSetStatus
	};
}

/** The weeks of a month (Monday first) as calendar days, null outside the month. */
export function monthGrid(month: string): (string | null)[][] {
	const [year, mon] = month.split('-').map(Number) as [number, number];
	const days = new Date(Date.UTC(year, mon, 0)).getUTCDate();
	const offset = (new Date(Date.UTC(year, mon - 1, 1)).getUTCDay() + 6) % 7;
	const cells: (string | null)[] = Array.from({ length: offset }, () => null);
	for (let d = 1; d <= days; d++) cells.push(`${month}-${String(d).padStart(2, '0')}`);
	while (cells.length % 7) cells.push(null);
	const weeks: (string | null)[][] = [];
	for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
	return weeks;
}

export function shiftMonth(month: string, by: number): string {
	const [year, mon] = month.split('-').map(Number) as [number, number];
	const date = new Date(Date.UTC(year, mon - 1 + by, 1));
	return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** "ноябрь 2026" in the request's language. */
export function monthName(month: string, locale: Locale): string {
	return new Intl.DateTimeFormat(locale, {
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${month}-01T00:00:00Z`));
}

/** Short weekday names, Monday first. */
export function weekdayNames(locale: Locale): string[] {
	const format = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
	// 2024-01-01 was a Monday.
	return Array.from({ length: 7 }, (_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** A meeting on the month view: its day, start time and link. */
export function monthMeeting(
	groupId: string,
	meeting: { id: string; number: number; heldOn: string; startTime: string | null }
) {
	return {
		id: meeting.id,
		day: meeting.heldOn,
		time: meeting.startTime,
		title: m.calendar_meeting_title({ number: meeting.number }),
		href: links.meeting(groupId, meeting.id)
	};
}

/** A vote's deadline on the month view, on its day in the school's time zone. */
export function monthDeadline(
	groupId: string,
	vote: { id: string; question: string; closesAt: Date; isOpen: boolean },
	timeZone: string
) {
	const wallClock = toWallClock(vote.closesAt, timeZone);
	return {
		id: vote.id,
		day: wallClock.slice(0, 10),
		time: wallClock.slice(11, 16),
		title: m.calendar_vote_title({ question: vote.question }),
		isOpen: vote.isOpen,
		href: links.vote(groupId, vote.id)
	};
}

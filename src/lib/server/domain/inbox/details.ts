import { formatDate, formatDateTime } from '../../../i18n/format';
import type { Locale } from '../../../i18n/locale';
import * as m from '../../../paraglide/messages.js';
import type { NotificationKind } from '../../notify/kinds';

// A notification's own values (the meeting's day and place, the vote's deadline, the
// decision's outcome…) as labelled lines under its sentence. Kyrgyz rules (reviews/
// kyrgyz-language.md): never a date or a name inside the sentence, always «Label: value».

const outcomes = {
	accepted: m.decision_outcome_accepted,
	rejected: m.decision_outcome_rejected,
	no_quorum: m.decision_outcome_no_quorum,
	chosen: m.decision_outcome_chosen
} as const;

const isDay = (v: string | undefined): v is string =>
	v !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
const isTime = (v: string | undefined): v is string =>
	v !== undefined && /^([01]\d|2[0-3]):[0-5]\d$/.test(v);

/** A school day ('YYYY-MM-DD'), not an instant: formatted as UTC so no zone shifts it. */
const day = (v: string, locale: Locale) => formatDate(new Date(`${v}T00:00:00Z`), locale, 'UTC');

/**
 * The labelled lines for a notification, in `locale`; instants in `timeZone` (the
 * school's). A value missing or malformed (an old row, a broken one) is left out.
 */
export function notificationDetails(
	kind: NotificationKind,
	params: Record<string, string>,
	locale: Locale,
	timeZone: string
): string[] {
	const o = { locale };
	const lines: string[] = [];
	const area = kind.slice(0, kind.indexOf('.'));
	if (area === 'meeting') {
		if (isDay(params.date)) lines.push(m.inbox_detail_date({ date: day(params.date, locale) }, o));
		if (isTime(params.time)) lines.push(m.inbox_detail_time({ time: params.time }, o));
		if (params.place) lines.push(m.inbox_detail_place({ place: params.place }, o));
	} else if (kind === 'vote.opened' || kind === 'vote.closing') {
		const closesAt = params.closesAt ? new Date(params.closesAt) : null;
		if (closesAt && !Number.isNaN(closesAt.getTime()))
			lines.push(m.inbox_detail_closes({ date: formatDateTime(closesAt, locale, timeZone) }, o));
	} else if (kind === 'vote.closed') {
		const outcome = params.outcome;
		if (outcome && Object.hasOwn(outcomes, outcome))
			lines.push(
				m.inbox_detail_outcome({ outcome: outcomes[outcome as keyof typeof outcomes]({}, o) }, o)
			);
	} else if (kind === 'plan.due' || kind === 'plan.overdue') {
		if (isDay(params.date)) lines.push(m.inbox_detail_due({ date: day(params.date, locale) }, o));
	} else if (area === 'edition') {
		if (params.number && /^\d+$/.test(params.number))
			lines.push(m.inbox_detail_edition({ number: params.number }, o));
	} else if (
		kind === 'group.join_requested' ||
		kind === 'group.member_joined' ||
		kind === 'group.member_left'
	) {
		if (params.person) lines.push(m.inbox_detail_person({ name: params.person }, o));
	}
	return lines;
}

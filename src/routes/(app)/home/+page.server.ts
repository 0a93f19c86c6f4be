import { isSchoolAdmin } from '$lib/server/access/actor';
import { config } from '$lib/server/config.js';
import { formatDateTime } from '$lib/i18n/format';
import { notificationDetails } from '$lib/server/domain/inbox/details';
import { getOverview } from '$lib/server/domain/home/get-overview';
import { listSince } from '$lib/server/domain/home/list-since';
import { listWaiting } from '$lib/server/domain/home/list-waiting';
import { recordVisit } from '$lib/server/domain/home/record-visit';
import { schoolAtAGlance } from '$lib/server/domain/home/school-at-a-glance';
import { actorCtx } from '$lib/server/web/context';
import { formatDay, today } from '$lib/server/web/days';
import { faceOf } from '$lib/server/web/faces';
import { translate } from '$lib/server/web/i18n';
import type { PageServerLoad } from './$types';

/**
 * Home, a to-do list (issue 17): what waits for the person, named and dated; what happened
 * in their groups since the visit before; for the administration, the school's groups.
 * Queries: the visit (one read; a write at most every half hour), the head (one), what
 * waits (one per kind, eleven, each from the person's own rows on an index), the news (one)
 * and, for an admin, the groups at a glance (one). None runs per item.
 */
export const load: PageServerLoad = async ({ locals }) => {
	const ctx = actorCtx(locals);
	const { timeZone } = config();
	const locale = locals.locale;
	const day = { today: today(timeZone, ctx.now), timeZone };
	const visit = await recordVisit(ctx);
	const [overview, waiting, news, glance] = await Promise.all([
		getOverview(ctx),
		listWaiting(ctx, day),
		listSince(ctx, { since: visit.since }),
		isSchoolAdmin(ctx.actor) ? schoolAtAGlance(ctx, day) : Promise.resolve(null)
	]);
	const instant = (date: Date) => ({
		iso: date.toISOString(),
		text: formatDateTime(date, locale, timeZone)
	});
	return {
		overview,
		waiting: waiting.map((w) => ({
			kind: w.kind,
			subject: w.subject,
			number: w.number,
			href: w.href,
			groupName: w.groupName,
			person: w.person,
			// One deadline line, whatever the kind: a vote's moment, a plan's or a form's day.
			deadline: w.closesAt ? instant(w.closesAt).text : w.dueOn ? formatDay(w.dueOn, locale) : null,
			meeting: w.meetingOn
				? `${formatDay(w.meetingOn, locale)}${w.meetingTime ? `, ${w.meetingTime}` : ''}`
				: null,
			isOverdue: w.isOverdue,
			isForGroup: w.isForGroup
		})),
		since: { ...instant(visit.since), isFirst: visit.isFirst },
		news: news.map((n) => ({
			id: n.id,
			label: translate(n.labelKey),
			subject: n.subject,
			details: notificationDetails(n.kind, n.params, locale, timeZone),
			groupName: n.groupName,
			face: n.actor ? faceOf(n.actor) : null,
			at: instant(n.createdAt),
			isRead: n.isRead,
			href: n.href
		})),
		glance:
			glance?.map((g) => ({
				id: g.id,
				name: g.name,
				leader: g.leader ? faceOf(g.leader) : null,
				members: g.members,
				acceptedMaterials: g.acceptedMaterials,
				openVotes: g.openVotes,
				nextMeeting: g.nextMeetingOn ? formatDay(g.nextMeetingOn, locale) : null,
				lastActivity: g.lastActivityAt ? instant(g.lastActivityAt) : null
			})) ?? null
	};
};

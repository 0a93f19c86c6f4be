import { getHome } from '$lib/server/domain/accounts/get-home';
import { listMyGroups } from '$lib/server/domain/groups/list-my-groups';
import { config } from '$lib/server/config.js';
import { formatDateTime } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { formatDay, today } from '$lib/server/web/days';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const ctx = actorCtx(locals);
	const { timeZone } = config();
	// What needs the user now: each thing waiting for them, the groups they are in or invited to.
	const [home, groups] = await Promise.all([
		getHome(ctx, { today: today(timeZone, ctx.now) }),
		listMyGroups(ctx)
	]);
	const myGroups = groups.map(({ nextDeadline, ...group }) => ({
		...group,
		nextDeadline: nextDeadline ? formatDateTime(nextDeadline, locals.locale, timeZone) : null
	}));
	const waiting = home.waiting.map((w) => ({
		kind: w.kind,
		subject: w.subject,
		href: w.href,
		groupName: w.groupName,
		person: w.person,
		closesAt: w.closesAt ? formatDateTime(w.closesAt, locals.locale, timeZone) : null,
		dueOn: w.dueOn ? formatDay(w.dueOn, locals.locale) : null,
		isOverdue: w.isOverdue
	}));
	return { home: { ...home, waiting }, myGroups };
};

import { config } from '../config.js';
import { inTransaction } from '../db/transaction';
import type { DB } from '../db/types';
import { registerPeriodic } from '../jobs/runner';
import { toWallClock } from '../zoned';
import { links } from './links';
import { notify, type NotifyEvent } from './notify';

// Reminders nobody acts to cause: a vote about to close (to those on its roll who have not
// voted) and a plan item due soon or overdue (to the person responsible). A sweep every ten
// minutes; each reminder names its event, so a later sweep tells nobody twice.

export const REMINDERS_JOB = 'notify.reminders';
const HOUR = 3600_000;
/** "Closing soon": within this of its deadline. */
export const CLOSING_WITHIN_MS = 24 * HOUR;
/** "Due soon": due today or within this many days of the school's calendar. */
export const DUE_WITHIN_DAYS = 3;
/**
 * An item overdue for longer than this is not reminded of any more: the first sweep of a
 * new deployment must not bring up the whole forgotten past.
 */
export const OVERDUE_FOR_DAYS = 30;

/** 'YYYY-MM-DD' plus whole days. */
const addDays = (day: string, days: number): string =>
	new Date(Date.parse(`${day}T00:00:00Z`) + days * 24 * HOUR).toISOString().slice(0, 10);

/** Sends what is due at `now`; returns how many people were told for the first time. */
export async function sendReminders(db: DB, now: Date): Promise<number> {
	let told = 0;
	// Each reminder with its delivery jobs, or not at all.
	const tell = (event: NotifyEvent) =>
		inTransaction(db, (trx) => notify({ db: trx, now, actor: null }, event));

	const closing = await db
		.selectFrom('votes as v')
		.innerJoin('groups as g', 'g.id', 'v.groupId')
		.select(['v.id', 'v.groupId', 'v.question', 'v.closesAt'])
		.where('v.status', '=', 'open')
		.where('g.closedAt', 'is', null)
		.where('v.closesAt', '>', now)
		.where('v.closesAt', '<=', new Date(now.getTime() + CLOSING_WITHIN_MS))
		.execute();
	for (const vote of closing)
		told += await tell({
			kind: 'vote.closing',
			key: vote.id,
			groupId: vote.groupId,
			subject: vote.question,
			link: links.vote(vote.groupId, vote.id),
			params: { closesAt: vote.closesAt?.toISOString() ?? '' },
			voteId: vote.id
		});

	// Dates of the plan are days of the school's calendar, not of UTC.
	const today = toWallClock(now, config().timeZone).slice(0, 10);
	const items = await db
		.selectFrom('planItems as p')
		.innerJoin('groups as g', 'g.id', 'p.groupId')
		// The responsible person is told only while still in the group.
		.innerJoin('groupMembers as m', (j) =>
			j.onRef('m.groupId', '=', 'p.groupId').onRef('m.userId', '=', 'p.responsibleId')
		)
		.select(['p.id', 'p.groupId', 'p.title', 'p.dueOn', 'p.responsibleId'])
		.where('p.status', '=', 'planned')
		.where('g.closedAt', 'is', null)
		.where('m.leftAt', 'is', null)
		.where('p.dueOn', '>=', addDays(today, -OVERDUE_FOR_DAYS))
		.where('p.dueOn', '<=', addDays(today, DUE_WITHIN_DAYS))
		.execute();
	for (const item of items)
		told += await tell({
			kind: item.dueOn < today ? 'plan.overdue' : 'plan.due',
			key: `${item.id}:${item.dueOn}`,
			groupId: item.groupId,
			subject: item.title,
			link: links.planItem(item.groupId, item.id),
			params: { date: item.dueOn },
			userIds: item.responsibleId ? [item.responsibleId] : []
		});
	return told;
}

registerPeriodic(REMINDERS_JOB, 10 * 60_000, async (_job, { db }) => {
	await sendReminders(db, new Date());
});

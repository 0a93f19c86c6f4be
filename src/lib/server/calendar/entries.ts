import type { DB } from '../db/types';
import { toWallClock } from '../zoned';

// What a person's feed holds, read from the database: their current groups' meetings,
// work-plan items and open votes' deadlines, inside a window around today and under a cap.

/** Days back and ahead of today that the feed covers: recent history and the school year. */
export const feedWindow = { daysBack: 90, daysAhead: 400 } as const;
/** The most events one feed carries; the ones nearest to today are kept. */
export const maxFeedEvents = 1000;

interface Base {
	id: string;
	groupId: string;
	groupName: string;
	/** The school's calendar day it falls on: what the cap is measured from. */
	day: string;
	updatedAt: Date;
}

export type FeedEntry =
	| (Base & {
			kind: 'meeting';
			number: number;
			startTime: string | null;
			place: string;
			onlineLink: string;
	  })
	| (Base & {
			kind: 'plan';
			title: string;
			status: 'planned' | 'done';
			responsibleName: string | null;
	  })
	| (Base & { kind: 'vote'; question: string; closesAt: Date; wallClock: string });

export function shiftDay(day: string, by: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + by);
	return date.toISOString().slice(0, 10);
}

/** The person's current groups (left ones are not theirs any more). */
async function currentGroups(db: DB, userId: string) {
	return db
		.selectFrom('groupMembers as gm')
		.innerJoin('groups as g', 'g.id', 'gm.groupId')
		.select(['g.id', 'g.name'])
		.where('gm.userId', '=', userId)
		.where('gm.leftAt', 'is', null)
		.execute();
}

export async function feedEntries(
	db: DB,
	userId: string,
	today: string,
	timeZone: string
): Promise<FeedEntry[]> {
	const groups = await currentGroups(db, userId);
	if (groups.length === 0) return [];
	const names = new Map(groups.map((g) => [g.id, g.name]));
	const ids = groups.map((g) => g.id);
	const from = shiftDay(today, -feedWindow.daysBack);
	const to = shiftDay(today, feedWindow.daysAhead);
	// Instants for votes: a day either side is trimmed by the wall-clock day below.
	const fromInstant = new Date(`${shiftDay(from, -1)}T00:00:00Z`);
	const toInstant = new Date(`${shiftDay(to, 2)}T00:00:00Z`);
	const [meetings, items, votes] = await Promise.all([
		db
			.selectFrom('meetings')
			.select([
				'id',
				'groupId',
				'number',
				'heldOn',
				'startTime',
				'place',
				'onlineLink',
				'updatedAt'
			])
			.where('groupId', 'in', ids)
			// A cancelled meeting is left out, as a cancelled plan item is: every calendar drops
			// an event gone from a subscribed feed, while STATUS:CANCELLED is ignored by some
			// (Google shows it as on), so someone would keep the day free or come.
			.where('cancelledAt', 'is', null)
			.where('heldOn', '>=', from)
			.where('heldOn', '<=', to)
			.orderBy('heldOn')
			.limit(maxFeedEvents)
			.execute(),
		// Planned and done items: a done one stays where it happened (the record of the
		// year's work); a cancelled one is left out, so nobody keeps a day free for it.
		db
			.selectFrom('planItems as p')
			.leftJoin('users as u', 'u.id', 'p.responsibleId')
			.select([
				'p.id',
				'p.groupId',
				'p.title',
				'p.dueOn',
				'p.status',
				'p.updatedAt',
				'u.fullName as responsibleName'
			])
			.where('p.groupId', 'in', ids)
			.where('p.status', 'in', ['planned', 'done'])
			.where('p.dueOn', '>=', from)
			.where('p.dueOn', '<=', to)
			.orderBy('p.dueOn')
			.limit(maxFeedEvents)
			.execute(),
		db
			.selectFrom('votes')
			.select(['id', 'groupId', 'question', 'closesAt', 'updatedAt'])
			.where('groupId', 'in', ids)
			.where('status', '=', 'open')
			.where('closesAt', 'is not', null)
			.where('closesAt', '>=', fromInstant)
			.where('closesAt', '<=', toInstant)
			.orderBy('closesAt')
			.limit(maxFeedEvents)
			.execute()
	]);
	const group = (groupId: string) => ({ groupId, groupName: names.get(groupId) ?? '' });
	const entries: FeedEntry[] = [
		...meetings.map((r) => ({
			kind: 'meeting' as const,
			id: r.id,
			...group(r.groupId),
			day: r.heldOn,
			updatedAt: new Date(r.updatedAt),
			number: Number(r.number),
			startTime: r.startTime,
			place: r.place,
			onlineLink: r.onlineLink
		})),
		...items.map((r) => ({
			kind: 'plan' as const,
			id: r.id,
			...group(r.groupId),
			day: r.dueOn,
			updatedAt: new Date(r.updatedAt),
			title: r.title,
			status: r.status as 'planned' | 'done',
			responsibleName: r.responsibleName
		})),
		...votes.map((r) => {
			const closesAt = new Date(r.closesAt!);
			const wallClock = toWallClock(closesAt, timeZone);
			return {
				kind: 'vote' as const,
				id: r.id,
				...group(r.groupId),
				day: wallClock.slice(0, 10),
				updatedAt: new Date(r.updatedAt),
				question: r.question,
				closesAt,
				wallClock
			};
		})
	].filter((e) => e.day >= from && e.day <= to);
	// Over the cap: keep what is nearest to today (the coming weeks matter most).
	const distance = (day: string) => Math.abs(Date.parse(day) - Date.parse(today));
	return entries
		.sort((a, b) => distance(a.day) - distance(b.day))
		.slice(0, maxFeedEvents)
		.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

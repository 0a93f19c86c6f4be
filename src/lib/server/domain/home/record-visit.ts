import { prepared } from '../../db/prepared';
import type { DB } from '../../db/types';
import type { Ctx } from '../context';

// "New since your last visit" (issue 17): one row a person in home_visits. A visit moves the
// marks only when the last one is older than a while, so a reload (or a second tab, or a
// preload on hover) a moment later does not wipe what was just shown as new, and home writes
// at most once in that while, never on every request.

/** Visits closer together than this are one visit. */
export const VISIT_GAP_MS = 30 * 60 * 1000;
/** On a first visit, "new" reaches this far back. */
export const FIRST_VISIT_DAYS = 14;

export interface Visit {
	/** What is newer than this counts as new. */
	since: Date;
	/** No visit of home was recorded before this one. */
	isFirst: boolean;
}

const visitOf = prepared((db: DB, userId: string) =>
	db.selectFrom('homeVisits').select(['previousSeenAt', 'seenAt']).where('userId', '=', userId)
);

/** Records that the signed-in person opened home; tells from when things count as new. */
export async function recordVisit({ db, actor, now }: Ctx): Promise<Visit> {
	const backFrom = (moment: Date) =>
		new Date(moment.getTime() - FIRST_VISIT_DAYS * 24 * 3600 * 1000);
	const [row] = await visitOf(db, actor.id);
	if (!row) {
		await db
			.insertInto('homeVisits')
			.values({ userId: actor.id, previousSeenAt: null, seenAt: now })
			// Two first visits at once (two tabs): the first one's row stands.
			.onConflict((oc) => oc.column('userId').doNothing())
			.execute();
		return { since: backFrom(now), isFirst: true };
	}
	const seenAt = new Date(row.seenAt);
	const previous = row.previousSeenAt ? new Date(row.previousSeenAt) : null;
	if (now.getTime() - seenAt.getTime() < VISIT_GAP_MS)
		// Still the first visit: the same window as when it began.
		return { since: previous ?? backFrom(seenAt), isFirst: previous === null };
	await db
		.updateTable('homeVisits')
		.set({ previousSeenAt: seenAt, seenAt: now })
		.where('userId', '=', actor.id)
		// Only if no other request moved it meanwhile.
		.where('seenAt', '=', row.seenAt)
		.execute();
	return { since: seenAt, isFirst: false };
}

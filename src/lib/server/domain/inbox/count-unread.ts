import { prepared } from '../../db/prepared';
import type { DB } from '../../db/types';
import type { Ctx } from '../context';

/** The bell shows at most this many; more is "99+". Counting stops there. */
export const UNREAD_SHOWN = 99;

/**
 * Runs on every page of a signed-in person (the bell in the header): compiled once, and the
 * count reads at most UNREAD_SHOWN + 1 entries of the index (user_id, read_at, created_at),
 * however many notifications pile up.
 */
const unread = prepared((db: DB, userId: string, cap: number) =>
	db
		.selectFrom((eb) =>
			eb
				.selectFrom('notifications')
				// A column of the index: the count never reads the table's rows.
				.select('userId')
				.where('userId', '=', userId)
				.where('readAt', 'is', null)
				.limit(cap)
				.as('u')
		)
		.select((eb) => eb.fn.countAll<number | string>().as('n'))
);

/** How many of the actor's notifications are unread, up to UNREAD_SHOWN + 1. */
export async function countUnread({ db, actor }: Pick<Ctx, 'db' | 'actor'>): Promise<number> {
	const [row] = await unread(db, actor.id, UNREAD_SHOWN + 1);
	return Number(row?.n ?? 0);
}

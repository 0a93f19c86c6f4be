import { validate } from '../validation';
import type { Ctx } from '../domain/context';
import { feedOwnerInput, type FeedOwnerInput } from './input';

/** Whether the actor has a feed, and since when (its address itself is never kept). */
export async function getFeed(
	{ db, actor }: Ctx,
	input: FeedOwnerInput = {}
): Promise<{ createdAt: Date } | null> {
	validate(feedOwnerInput, input);
	const row = await db
		.selectFrom('calendarFeeds')
		.select('createdAt')
		.where('userId', '=', actor.id)
		.executeTakeFirst();
	return row ? { createdAt: new Date(row.createdAt) } : null;
}

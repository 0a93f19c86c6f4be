import { validate } from '../validation';
import type { Ctx } from '../domain/context';
import { feedOwnerInput, type FeedOwnerInput } from './input';

/** Turns the actor's feed off: its address answers 404 from now on. Idempotent. */
export async function revokeFeed({ db, actor }: Ctx, input: FeedOwnerInput = {}): Promise<void> {
	validate(feedOwnerInput, input);
	await db.deleteFrom('calendarFeeds').where('userId', '=', actor.id).execute();
}

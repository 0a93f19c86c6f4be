import { validate } from '../validation';
import type { Ctx } from '../domain/context';
import { feedOwnerInput, type FeedOwnerInput } from './input';
import { feedPath, hashFeedToken, newFeedToken } from './tokens';

/**
 * Makes the actor's private feed address, or a new one in place of the old: one row per
 * person, so the old address stops working the moment the new one exists. The token is
 * returned once, to be shown once; only its hash stays.
 */
export async function createFeed(
	{ db, actor, now }: Ctx,
	input: FeedOwnerInput = {}
): Promise<{ token: string; path: string }> {
	validate(feedOwnerInput, input);
	const token = newFeedToken();
	const tokenHash = hashFeedToken(token);
	await db
		.insertInto('calendarFeeds')
		.values({ userId: actor.id, tokenHash, createdAt: now })
		.onConflict((oc) => oc.column('userId').doUpdateSet({ tokenHash, createdAt: now }))
		.execute();
	return { token, path: feedPath(token) };
}

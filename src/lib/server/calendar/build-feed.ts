import { isLocale, baseLocale } from '../../i18n/locale';
import type { AnonymousCtx } from '../domain/context';
import { feedEntries } from './entries';
import { feedRequestInput, type FeedRequestInput } from './input';
import { renderFeed } from './render';
import { hashFeedToken, tokenOfFile } from './tokens';

/** The school's calendar day at the instant. */
const schoolDay = (timeZone: string, now: Date) =>
	new Intl.DateTimeFormat('en-CA', { timeZone, dateStyle: 'short' }).format(now);

/** Hashed in place of a malformed name, so that every miss costs one lookup. */
const nothing = 'x'.repeat(43);

/**
 * A person's feed, by the secret in its address; null for an address that never existed,
 * was replaced or turned off, or whose owner's account is closed: the caller answers all
 * of them alike. The token is its own credential: nobody signs in.
 */
export async function buildFeed(
	{ db, now }: AnonymousCtx,
	input: FeedRequestInput,
	options: { baseUrl: string; timeZone: string }
): Promise<string | null> {
	// An over-long or odd name is just another unknown address: no error, the same null.
	const parsed = feedRequestInput.safeParse(input);
	const token = parsed.success ? tokenOfFile(parsed.data.file) : null;
	const owner = await db
		.selectFrom('calendarFeeds as f')
		.innerJoin('users as u', 'u.id', 'f.userId')
		.select(['u.id', 'u.locale', 'u.isActive'])
		.where('f.tokenHash', '=', hashFeedToken(token ?? nothing))
		.executeTakeFirst();
	if (!token || !owner || !owner.isActive) return null;
	const entries = await feedEntries(
		db,
		owner.id,
		schoolDay(options.timeZone, now),
		options.timeZone
	);
	return renderFeed(entries, {
		locale: isLocale(owner.locale) ? owner.locale : baseLocale,
		baseUrl: options.baseUrl,
		timeZone: options.timeZone,
		now
	});
}

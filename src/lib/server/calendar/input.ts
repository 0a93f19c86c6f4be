import { z } from 'zod';

/** Nothing to fill in: the feed is always the actor's own. */
export const feedOwnerInput = z.object({}).strict();
export type FeedOwnerInput = z.input<typeof feedOwnerInput>;

/**
 * The feed's file name as a calendar app asks for it: '<token>.ics'. Anything else is read
 * as an unknown token (the same 404), so the schema only bounds the length.
 */
export const feedRequestInput = z.object({ file: z.string().max(200) });
export type FeedRequestInput = z.input<typeof feedRequestInput>;

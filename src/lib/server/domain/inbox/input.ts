import { z } from 'zod';
import { wholeNumber } from '../../validation';

// The person's own inbox (issue 15): notifications are read, opened and marked read only by
// the person they were made for.

/** A notification's id: its own kind, so a group's id cannot be passed for it. */
export const notificationId = z.string().max(64).brand<'NotificationId', 'inout'>();
export type NotificationId = z.output<typeof notificationId>;

/** Notifications per page of the inbox. */
export const INBOX_PAGE_SIZE = 30;
/** Pages beyond this are not offered (30 × 1,000 notifications is years of work). */
export const INBOX_MAX_PAGE = 1000;

export const listInboxInput = z.object({
	/** 1 is the first page; from the query string, so coerced. */
	page: z.coerce.number().pipe(wholeNumber(1, INBOX_MAX_PAGE)).default(1)
});
export type ListInboxInput = z.input<typeof listInboxInput>;

export const notificationInput = z.object({ notificationId });
export type NotificationInput = z.input<typeof notificationInput>;

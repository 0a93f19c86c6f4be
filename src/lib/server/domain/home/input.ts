import { z } from 'zod';
import { day } from '../../validation';

/** A time zone the runtime knows ('Asia/Bishkek'): what turns instants into school days. */
const timeZone = z
	.string()
	.min(1)
	.max(64)
	.refine((value) => {
		try {
			new Intl.DateTimeFormat('en', { timeZone: value });
			return true;
		} catch {
			return false;
		}
	}, 'error_invalid');

/** What the home page knows of the moment: the school's day and its time zone. */
export const homeDayInput = z.object({ today: day, timeZone });
export type HomeDayInput = z.input<typeof homeDayInput>;

/** The activity since a moment (the visit before this one). */
export const listSinceInput = z.object({ since: z.date() });
export type ListSinceInput = z.input<typeof listSinceInput>;

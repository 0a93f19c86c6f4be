import { z } from 'zod';
import { optionalText, text } from '../../validation';
import { day, longText } from '../../validation';

export const planItemKinds = [
	'meeting',
	'seminar',
	'open_lesson',
	'master_class',
	'approbation',
	'publication',
	'other'
] as const;
export const planItemStatuses = ['planned', 'done', 'cancelled'] as const;

export const planItemInput = z.object({
	kind: z.enum(planItemKinds),
	title: text(200, 3),
	dueOn: day,
	responsibleId: optionalText(64),
	status: z.enum(planItemStatuses).default('planned'),
	notes: longText(2000)
});

export const planStatusInput = z.object({ status: z.enum(planItemStatuses) });

/** A month of the month view: 'YYYY-MM'. */
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

import { z } from 'zod';
import { day, longText, text } from '../../validation';
import { approbationId, groupId, planItemId, userId } from '../ids';

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

/** A plan item's fields, as the leader fills them in. */
export const planItemFields = z.object({
	kind: z.enum(planItemKinds),
	title: text(200, 3),
	dueOn: day,
	/** A current member; none when left out. */
	responsibleId: userId.optional(),
	status: z.enum(planItemStatuses).default('planned'),
	notes: longText(2000),
	/** An item of kind approbation may link to an approbation of the group (§4.1). */
	approbationId: approbationId.optional()
});

export const addPlanItemInput = planItemFields.extend({ groupId });
export type AddPlanItemInput = z.input<typeof addPlanItemInput>;

export const updatePlanItemInput = planItemFields.extend({ groupId, itemId: planItemId });
export type UpdatePlanItemInput = z.input<typeof updatePlanItemInput>;

export const setPlanStatusInput = z.object({
	groupId,
	itemId: planItemId,
	status: z.enum(planItemStatuses)
});
export type SetPlanStatusInput = z.input<typeof setPlanStatusInput>;

/** A month of the month view: 'YYYY-MM'. */
export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const listPlanInput = z.object({
	groupId,
	/** The school's calendar day, from the deployment's time zone: what is overdue. */
	today: day,
	/** Only the items due within these bounds, as 'YYYY-MM-DD' (a month: '…-01' to '…-31'). */
	range: z.object({ from: z.string(), to: z.string() }).optional()
});
export type ListPlanInput = z.input<typeof listPlanInput>;

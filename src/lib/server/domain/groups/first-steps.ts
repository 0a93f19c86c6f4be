import type { Ctx } from '../context';
import { groupAccess } from '../group-access/access';
import type { GroupInput } from './input';

// The appointed leader's first steps in a young group: a short checklist on the group's
// home, each step ticked when done, gone once all are done.

export const firstStepKeys = ['charter', 'members', 'plan', 'meeting'] as const;
export type FirstStepKey = (typeof firstStepKeys)[number];
export interface FirstStep {
	key: FirstStepKey;
	done: boolean;
}

/**
 * The leader's checklist, or null (someone else, a closed group, or every step done).
 * Charter: the parts the admin may leave empty at creation are written. Members: someone
 * besides the leader is in the group or invited. Plan: one item. Meeting: one scheduled.
 */
export async function getFirstSteps(
	{ db, actor }: Ctx,
	input: GroupInput
): Promise<FirstStep[] | null> {
	const access = await groupAccess(db, actor, input.groupId);
	if (access.role !== 'leader' || access.isClosed) return null;
	const { group } = access;
	const [members, invited, plan, meetings] = await Promise.all([
		db
			.selectFrom('groupMembers')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('groupId', '=', group.id)
			.where('leftAt', 'is', null)
			.executeTakeFirst(),
		db
			.selectFrom('membershipRequests')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('groupId', '=', group.id)
			.where('kind', '=', 'invitation')
			.where('status', '=', 'pending')
			.executeTakeFirst(),
		db
			.selectFrom('planItems')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('groupId', '=', group.id)
			.executeTakeFirst(),
		db
			.selectFrom('meetings')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('groupId', '=', group.id)
			.where('cancelledAt', 'is', null)
			.executeTakeFirst()
	]);
	const written = [
		group.problem,
		group.goals,
		group.expectedResults,
		group.strategy,
		group.formsOfWork
	];
	const done: Record<FirstStepKey, boolean> = {
		charter: written.every((part) => part.trim() !== ''),
		members: Number(members?.n ?? 0) > 1 || Number(invited?.n ?? 0) > 0,
		plan: Number(plan?.n ?? 0) > 0,
		meeting: Number(meetings?.n ?? 0) > 0
	};
	if (firstStepKeys.every((key) => done[key])) return null;
	return firstStepKeys.map((key) => ({ key, done: done[key] }));
}

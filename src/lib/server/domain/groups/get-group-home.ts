import { z } from 'zod';
import { validate, day } from '../../validation';
import type { Ctx } from '../context';
import { groupId } from '../ids';
import { getFirstSteps, type FirstStep } from './first-steps';
import { getGroup, type GroupHome } from './get-group';

export const groupHomeInput = z.object({ groupId, today: day });
export type GroupHomeInput = z.input<typeof groupHomeInput>;

/** What waits for the actor in this group, named: never only counted. */
export interface GroupToDo {
	/** Open votes on the actor's roll without their ballot, soonest deadline first. */
	votes: { id: string; number: number; question: string; closesAt: Date | null }[];
	/** Materials being judged that the actor (a member, not an author) has not reviewed. */
	materials: { id: string; title: string; authorName: string | null }[];
	/** The next meeting, today or later, not called off. */
	nextMeeting: {
		id: string;
		number: number;
		heldOn: string;
		startTime: string | null;
		place: string;
	} | null;
}

export interface GroupHomePage extends GroupHome {
	can: GroupHome['can'] & { joinAsTeacher: boolean };
	toDo: GroupToDo;
	/** The leader's first steps while the group is young, or null. */
	firstSteps: FirstStep[] | null;
}

/**
 * The group's home: everything getGroup gives, what needs the actor in this group, and the
 * leader's first steps. The school administration runs the group: it is not offered the
 * join form (a teacher who is also the admin is told so on the Members page, not here).
 */
export async function getGroupHome(ctx: Ctx, input: GroupHomeInput): Promise<GroupHomePage> {
	const home = await getGroup(ctx, input);
	const { today } = validate(groupHomeInput, input);
	const { db, actor, now } = ctx;
	const id = home.group.id;
	const member = home.myRole !== null;
	const [votes, materials, nextMeeting, firstSteps] = await Promise.all([
		member
			? db
					.selectFrom('votes as v')
					.innerJoin('voteRoll as r', (j) =>
						j.onRef('r.voteId', '=', 'v.id').on('r.userId', '=', actor.id)
					)
					.select(['v.id', 'v.number', 'v.question', 'v.closesAt'])
					.where('v.groupId', '=', id)
					.where('v.status', '=', 'open')
					.where((eb) => eb.or([eb('v.closesAt', 'is', null), eb('v.closesAt', '>', now)]))
					.where(({ not, exists, selectFrom }) =>
						not(
							exists(
								selectFrom('ballots as b')
									.select('b.voteId')
									.whereRef('b.voteId', '=', 'v.id')
									.where('b.voterId', '=', actor.id)
							)
						)
					)
					.orderBy('v.number')
					.execute()
			: [],
		member
			? db
					.selectFrom('materials as mt')
					.leftJoin('materialAuthors as main', (j) =>
						j.onRef('main.materialId', '=', 'mt.id').on('main.isMain', '=', true)
					)
					.leftJoin('users as a', 'a.id', 'main.userId')
					.select(['mt.id', 'mt.title', 'a.fullName as authorName'])
					.where('mt.groupId', '=', id)
					.where('mt.status', 'in', ['offered', 'under_review'])
					.where(({ not, exists, selectFrom }) =>
						not(
							exists(
								selectFrom('materialAuthors as ma')
									.select('ma.materialId')
									.whereRef('ma.materialId', '=', 'mt.id')
									.where('ma.userId', '=', actor.id)
							)
						)
					)
					.where(({ not, exists, selectFrom }) =>
						not(
							exists(
								selectFrom('reviews as rv')
									.select('rv.id')
									.whereRef('rv.materialId', '=', 'mt.id')
									.whereRef('rv.versionNumber', '=', 'mt.versionNumber')
									.where('rv.reviewerId', '=', actor.id)
							)
						)
					)
					.orderBy('mt.offeredAt')
					.limit(5)
					.execute()
			: [],
		home.can.seeMeetings
			? db
					.selectFrom('meetings')
					.select(['id', 'number', 'heldOn', 'startTime', 'place'])
					.where('groupId', '=', id)
					.where('cancelledAt', 'is', null)
					.where('heldOn', '>=', today)
					.orderBy('heldOn')
					.orderBy('startTime')
					.limit(1)
					.executeTakeFirst()
			: undefined,
		getFirstSteps(ctx, { groupId: input.groupId })
	]);
	return {
		...home,
		can: {
			...home.can,
			requestToJoin: home.can.requestToJoin && !home.can.manage,
			// The policy lets an admin who teaches ask too: offered folded, never first.
			joinAsTeacher: home.can.requestToJoin && home.can.manage
		},
		toDo: {
			votes: votes
				.map((v) => ({ ...v, closesAt: v.closesAt ? new Date(v.closesAt) : null }))
				.sort(
					(a, b) =>
						(a.closesAt?.getTime() ?? Infinity) - (b.closesAt?.getTime() ?? Infinity) ||
						a.number - b.number
				),
			materials,
			nextMeeting: nextMeeting ?? null
		},
		firstSteps
	};
}

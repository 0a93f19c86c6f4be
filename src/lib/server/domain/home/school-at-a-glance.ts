import { isSchoolAdmin } from '../../access/actor';
import { prepared } from '../../db/prepared';
import type { DB } from '../../db/types';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed } from '../group-access/access';
import { homeDayInput, type HomeDayInput } from './input';

// "The school's groups at a glance" (issue 17), for the administration: one row a group,
// every figure a correlated subquery on an index that starts with group_id, so the whole
// table is one round trip whatever the number of groups (never a query per group).

export interface GroupGlance {
	id: string;
	name: string;
	leader: {
		id: string;
		fullName: string;
		photoKey: string | null;
		photoUpdatedAt: Date | null;
	} | null;
	members: number;
	acceptedMaterials: number;
	openVotes: number;
	/** The next meeting's day ('YYYY-MM-DD'), not cancelled, from today on. */
	nextMeetingOn: string | null;
	/** The latest thing done in the group (its history, materials, discussions, votes, meetings, plan). */
	lastActivityAt: Date | null;
}

const glance = prepared((db: DB, schoolId: string, today: string) =>
	db
		.selectFrom('groups as g')
		.leftJoin('groupMembers as l', (j) =>
			j.onRef('l.groupId', '=', 'g.id').on('l.role', '=', 'leader').on('l.leftAt', 'is', null)
		)
		.leftJoin('users as u', 'u.id', 'l.userId')
		.select((eb) => [
			'g.id',
			'g.name',
			'g.updatedAt',
			'u.id as leaderId',
			'u.fullName as leaderName',
			'u.photoKey',
			'u.photoUpdatedAt',
			eb
				.selectFrom('groupMembers as m')
				.select((c) => c.fn.countAll<number>().as('n'))
				.whereRef('m.groupId', '=', 'g.id')
				.where('m.leftAt', 'is', null)
				.as('members'),
			eb
				.selectFrom('materials as x')
				.select((c) => c.fn.countAll<number>().as('n'))
				.whereRef('x.groupId', '=', 'g.id')
				.where('x.status', '=', 'accepted')
				.as('acceptedMaterials'),
			eb
				.selectFrom('votes as v')
				.select((c) => c.fn.countAll<number>().as('n'))
				.whereRef('v.groupId', '=', 'g.id')
				.where('v.status', '=', 'open')
				.as('openVotes'),
			eb
				.selectFrom('meetings as e')
				.select((c) => c.fn.min('e.heldOn').as('d'))
				.whereRef('e.groupId', '=', 'g.id')
				.where('e.cancelledAt', 'is', null)
				.where('e.heldOn', '>=', today)
				.as('nextMeetingOn'),
			eb
				.selectFrom('groupEvents as h')
				.select((c) => c.fn.max('h.createdAt').as('d'))
				.whereRef('h.groupId', '=', 'g.id')
				.as('lastEvent'),
			eb
				.selectFrom('materials as x')
				.select((c) => c.fn.max('x.updatedAt').as('d'))
				.whereRef('x.groupId', '=', 'g.id')
				.as('lastMaterial'),
			eb
				.selectFrom('discussionThreads as t')
				.select((c) => c.fn.max('t.lastPostAt').as('d'))
				.whereRef('t.groupId', '=', 'g.id')
				.as('lastPost'),
			eb
				.selectFrom('votes as v')
				.select((c) => c.fn.max('v.updatedAt').as('d'))
				.whereRef('v.groupId', '=', 'g.id')
				.as('lastVote'),
			eb
				.selectFrom('meetings as e')
				.select((c) => c.fn.max('e.updatedAt').as('d'))
				.whereRef('e.groupId', '=', 'g.id')
				.as('lastMeeting'),
			eb
				.selectFrom('planItems as p')
				.select((c) => c.fn.max('p.updatedAt').as('d'))
				.whereRef('p.groupId', '=', 'g.id')
				.as('lastPlan')
		])
		.where('g.schoolId', '=', schoolId)
		.where('g.closedAt', 'is', null)
		.orderBy('g.name')
);

/** A timestamp from a scalar subquery: a Date on PostgreSQL, text or a number on SQLite. */
function instant(value: unknown): Date | null {
	if (value === null || value === undefined) return null;
	const date = value instanceof Date ? value : new Date(value as string | number);
	return Number.isNaN(date.getTime()) ? null : date;
}

/** The open groups of the administrator's school, with what tells how each is doing. */
export async function schoolAtAGlance(
	{ db, actor }: Ctx,
	input: HomeDayInput
): Promise<GroupGlance[]> {
	assertAllowed(isSchoolAdmin(actor));
	const { today } = validate(homeDayInput, input);
	const rows = await glance(db, actor.schoolId ?? '', today);
	return rows.map((r) => {
		const times = [
			r.updatedAt,
			r.lastEvent,
			r.lastMaterial,
			r.lastPost,
			r.lastVote,
			r.lastMeeting,
			r.lastPlan
		]
			.map(instant)
			.filter((d): d is Date => d !== null);
		return {
			id: r.id,
			name: r.name,
			leader:
				r.leaderId && r.leaderName
					? {
							id: r.leaderId,
							fullName: r.leaderName,
							photoKey: r.photoKey ?? null,
							photoUpdatedAt: instant(r.photoUpdatedAt)
						}
					: null,
			members: Number(r.members ?? 0),
			acceptedMaterials: Number(r.acceptedMaterials ?? 0),
			openVotes: Number(r.openVotes ?? 0),
			nextMeetingOn: (r.nextMeetingOn as string | null) ?? null,
			lastActivityAt: times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : null
		};
	});
}

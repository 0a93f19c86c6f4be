import { prepared } from '../../db/prepared';
import type { ExpressionBuilder } from 'kysely';
import type { Database, DB, GroupRole } from '../../db/types';
import type { Ctx } from '../context';

export interface MyGroup {
	id: string;
	name: string;
	myRole: GroupRole | null;
	hasInvitation: boolean;
	/** Requests to join waiting for the leader: counted for the leader only. */
	pendingRequests: number;
	/** Open votes the actor may vote in and has not yet. */
	votesWaiting: number;
	/** The soonest deadline among them, if any has one. */
	nextDeadline: Date | null;
}

/** Open votes of the group row `g` whose roll has the user, who has not voted yet. */
function votesWaitingFor(
	eb: ExpressionBuilder<Database & { g: Database['groups'] }, 'g'>,
	userId: string,
	now: Date
) {
	return (
		eb
			.selectFrom('votes as v')
			.innerJoin('voteRoll as r', (j) =>
				j.onRef('r.voteId', '=', 'v.id').on('r.userId', '=', userId)
			)
			.whereRef('v.groupId', '=', 'g.id')
			.where('v.status', '=', 'open')
			.where((c) => c.or([c('v.closesAt', 'is', null), c('v.closesAt', '>', now)]))
			// External members vote only while the group lets them (§5.1).
			.where((c) =>
				c.or([
					c('g.isExternalVoteAllowed', '=', true),
					c.exists(
						c
							.selectFrom('users as u')
							.select('u.id')
							.where('u.id', '=', userId)
							.whereRef('u.schoolId', '=', 'g.schoolId')
					)
				])
			)
			.where((c) =>
				c.not(
					c.exists(
						c
							.selectFrom('ballots as b')
							.select('b.voterId')
							.whereRef('b.voteId', '=', 'v.id')
							.where('b.voterId', '=', userId)
					)
				)
			)
	);
}

/**
 * The open groups the actor is in or invited to, for the home page. Every sign-in lands
 * there, so the query is compiled once (db/prepared.ts).
 */
const myGroups = prepared((db: DB, userId: string, now: Date) =>
	db
		.selectFrom('groups as g')
		.leftJoin('groupMembers as m', (join) =>
			join.onRef('m.groupId', '=', 'g.id').on('m.userId', '=', userId).on('m.leftAt', 'is', null)
		)
		.select((eb) => [
			'g.id',
			'g.name',
			'm.role',
			eb
				.selectFrom('membershipRequests as q')
				.select((c) => c.fn.countAll<number>().as('n'))
				.whereRef('q.groupId', '=', 'g.id')
				.where('q.kind', '=', 'request')
				.where('q.status', '=', 'pending')
				.as('pendingRequests'),
			eb
				.selectFrom('membershipRequests as i')
				.select('i.id')
				.whereRef('i.groupId', '=', 'g.id')
				.where('i.userId', '=', userId)
				.where('i.kind', '=', 'invitation')
				.where('i.status', '=', 'pending')
				.limit(1)
				.as('invitationId'),
			votesWaitingFor(eb, userId, now)
				.select((c) => c.fn.countAll<number>().as('n'))
				.as('votesWaiting'),
			votesWaitingFor(eb, userId, now)
				.select((c) => c.fn.min('v.closesAt').as('d'))
				.as('nextDeadline')
		])
		.where('g.closedAt', 'is', null)
		.where((eb) =>
			eb.or([
				eb('m.userId', 'is not', null),
				eb.exists(
					eb
						.selectFrom('membershipRequests as x')
						.select('x.id')
						.whereRef('x.groupId', '=', 'g.id')
						.where('x.userId', '=', userId)
						.where('x.kind', '=', 'invitation')
						.where('x.status', '=', 'pending')
				)
			])
		)
		.orderBy('g.name')
);

export async function listMyGroups({ db, actor, now }: Ctx): Promise<MyGroup[]> {
	const rows = await myGroups(db, actor.id, now);
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		myRole: row.role ?? null,
		hasInvitation: row.invitationId != null,
		pendingRequests: row.role === 'leader' ? Number(row.pendingRequests ?? 0) : 0,
		votesWaiting: row.role ? Number(row.votesWaiting ?? 0) : 0,
		// A scalar subquery's timestamp is not normalized by key on SQLite: read it here.
		nextDeadline: row.role && row.nextDeadline ? new Date(row.nextDeadline as string | Date) : null
	}));
}

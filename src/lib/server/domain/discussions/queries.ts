import type { Actor } from '../../access/actor';
import type { DB, DiscussionThread, ProposalStatus } from '../../db/types';
import { AppError } from '../../errors';
import { assertAllowed, assertOpen, type GroupAccess } from '../group-access/access';
import { isDiscussionOpen } from './policy';
import { groupWorkAccess } from '../group-access/access';
import type { Person } from './mentions';

export interface ThreadAccess extends GroupAccess {
	thread: DiscussionThread;
	/** The proposal's status for a proposal's thread; null for a free-standing one. */
	proposalStatus: ProposalStatus | null;
	/** Posts may be written: the group is open, and a proposal's thread is in discussion. */
	isThreadOpen: boolean;
}

export async function threadAccess(
	db: DB,
	actor: Actor,
	groupId: string,
	threadId: string
): Promise<ThreadAccess> {
	const access = await groupWorkAccess(db, actor, groupId);
	const thread = await db
		.selectFrom('discussionThreads as t')
		.leftJoin('proposals as p', 'p.id', 't.proposalId')
		.selectAll('t')
		.select('p.status as proposalStatus')
		.where('t.id', '=', threadId)
		.where('t.groupId', '=', groupId)
		.executeTakeFirst();
	if (!thread) throw new AppError('not_found', 'error_thread_not_found');
	const { proposalStatus, ...rest } = thread;
	return {
		...access,
		thread: rest,
		proposalStatus,
		isThreadOpen: !access.isClosed && (proposalStatus === null || isDiscussionOpen(proposalStatus))
	};
}

/** 403 if the actor may not write here at all; 409 if the group or the thread is closed. */
export function assertCanWrite(rule: (isOpen: boolean) => boolean, access: ThreadAccess): void {
	assertAllowed(rule(true));
	assertOpen(access);
	if (!rule(access.isThreadOpen)) throw new AppError('conflict', 'error_thread_closed');
}

/** Everyone who was ever in the group: mentions name them, including those who left since. */
export function groupPeople(db: DB, groupId: string): Promise<Person[]> {
	return db
		.selectFrom('groupMembers as m')
		.innerJoin('users as u', 'u.id', 'm.userId')
		.select(['u.id', 'u.fullName'])
		.where('m.groupId', '=', groupId)
		.execute();
}

/** Current members only: the people a new post can mention. */
export function currentPeople(db: DB, groupId: string): Promise<Person[]> {
	return db
		.selectFrom('groupMembers as m')
		.innerJoin('users as u', 'u.id', 'm.userId')
		.select(['u.id', 'u.fullName'])
		.where('m.groupId', '=', groupId)
		.where('m.leftAt', 'is', null)
		.orderBy('u.fullName')
		.execute();
}

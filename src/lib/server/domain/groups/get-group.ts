import type { Group, GroupRole } from '../../db/types';
import type { Ctx } from '../context';
import { asId, type MembershipRequestId } from '../ids';
import type { GroupInput } from './input';
import { groupHistory, type GroupEventView } from './history';
import { groupMembers, type MemberView } from './members';
import {
	canChangeLeader,
	canLeave,
	canManageGroup,
	canReopen,
	canRequestToJoin,
	canSeeMeetings
} from '../group-access/policy';
import { groupAccess } from '../group-access/access';

export interface GroupHome {
	group: Group;
	myRole: GroupRole | null;
	isClosed: boolean;
	members: MemberView[];
	recent: GroupEventView[];
	/** The actor's own pending request or invitation, if any. */
	myPending: { id: MembershipRequestId; kind: 'request' | 'invitation'; message: string } | null;
	/** The actor's last request to join, when it was declined: with the leader's answer. */
	myDeclined: { response: string | null; decidedAt: Date } | null;
	/** Requests waiting for the leader (only counted for those who decide them). */
	pendingRequests: number;
	can: {
		manage: boolean;
		changeLeader: boolean;
		requestToJoin: boolean;
		leave: boolean;
		reopen: boolean;
		seeMeetings: boolean;
	};
}

/** The group's home: charter, members, recent activity and what the actor may do. */
export async function getGroup({ db, actor }: Ctx, input: GroupInput): Promise<GroupHome> {
	const access = await groupAccess(db, actor, input.groupId);
	const groupId = access.group.id;
	const open = !access.isClosed;
	const manage = canManageGroup(actor, access);
	const [members, recent, myPending, pending, myLast] = await Promise.all([
		groupMembers(db, groupId),
		groupHistory(db, groupId, 8),
		db
			.selectFrom('membershipRequests')
			.select(['id', 'kind', 'message'])
			.where('groupId', '=', groupId)
			.where('userId', '=', actor.id)
			.where('status', '=', 'pending')
			.executeTakeFirst(),
		manage
			? db
					.selectFrom('membershipRequests')
					.select((eb) => eb.fn.countAll<number>().as('n'))
					.where('groupId', '=', groupId)
					.where('kind', '=', 'request')
					.where('status', '=', 'pending')
					.executeTakeFirst()
			: undefined,
		db
			.selectFrom('membershipRequests')
			.select(['status', 'response', 'decidedAt'])
			.where('groupId', '=', groupId)
			.where('userId', '=', actor.id)
			.where('kind', '=', 'request')
			.orderBy('createdAt', 'desc')
			.limit(1)
			.executeTakeFirst()
	]);
	return {
		group: access.group,
		myRole: access.role,
		isClosed: access.isClosed,
		members,
		recent,
		myPending: myPending ? { ...myPending, id: asId<MembershipRequestId>(myPending.id) } : null,
		myDeclined:
			myLast?.status === 'declined' && myLast.decidedAt && access.role === null
				? { response: myLast.response, decidedAt: myLast.decidedAt }
				: null,
		pendingRequests: Number(pending?.n ?? 0),
		can: {
			manage: manage && open,
			changeLeader: canChangeLeader(actor, access) && open,
			requestToJoin: canRequestToJoin(actor, access) && open && !myPending,
			leave: canLeave(actor, access) && open,
			reopen: canReopen(actor, access) && !open,
			seeMeetings: canSeeMeetings(actor, access)
		}
	};
}

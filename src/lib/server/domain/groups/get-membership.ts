import type { GroupRole, MembershipRequestKind } from '../../db/types';
import type { Ctx } from '../context';
import { asId, type MembershipRequestId } from '../ids';
import type { GroupInput } from './input';
import { groupHistory, type GroupEventView } from './history';
import { groupMembers, type MemberView } from './members';
import { canChangeLeader, canManageGroup, canRequestToJoin } from '../group-access/policy';
import { groupAccess } from '../group-access/access';

export interface PendingRequestView {
	id: MembershipRequestId;
	kind: MembershipRequestKind;
	userId: string;
	fullName: string;
	message: string;
	createdAt: Date;
	createdByName: string;
}

export interface MembershipPage {
	groupName: string;
	isClosed: boolean;
	isExternalVoteAllowed: boolean;
	myRole: GroupRole | null;
	members: MemberView[];
	former: MemberView[];
	history: GroupEventView[];
	/** Requests and invitations waiting: only for the leader and the administration. */
	pending: PendingRequestView[];
	/** The actor's own pending request or invitation. */
	myPending: PendingRequestView | null;
	/** Teachers of the school who could be invited or appointed leader. */
	staff: { id: string; fullName: string; isMember: boolean }[];
	can: { manage: boolean; changeLeader: boolean; requestToJoin: boolean };
}

/** The membership page (§5.2): current and former members, the full history, requests. */
export async function getMembership(
	{ db, actor }: Ctx,
	input: GroupInput
): Promise<MembershipPage> {
	const access = await groupAccess(db, actor, input.groupId);
	const groupId = access.group.id;
	const open = !access.isClosed;
	const manage = canManageGroup(actor, access);
	const changeLeader = canChangeLeader(actor, access);
	const [members, former, history, rows] = await Promise.all([
		groupMembers(db, groupId, 'current'),
		groupMembers(db, groupId, 'former'),
		groupHistory(db, groupId),
		db
			.selectFrom('membershipRequests as r')
			.innerJoin('users as u', 'u.id', 'r.userId')
			.innerJoin('users as c', 'c.id', 'r.createdBy')
			.select([
				'r.id',
				'r.kind',
				'r.userId',
				'r.message',
				'r.createdAt',
				'u.fullName',
				'c.fullName as createdByName'
			])
			.where('r.groupId', '=', groupId)
			.where('r.status', '=', 'pending')
			.orderBy('r.createdAt')
			.execute()
	]);
	const staff =
		manage && open
			? await db
					.selectFrom('users')
					.select(['id', 'fullName'])
					.where('schoolId', '=', access.schoolId)
					.where('isActive', '=', true)
					.where('role', 'in', ['teacher', 'admin'])
					.execute()
			: [];
	const requests: PendingRequestView[] = rows.map((r) => ({
		...r,
		id: asId<MembershipRequestId>(r.id)
	}));
	const memberIds = new Set(members.map((m) => m.userId));
	return {
		groupName: access.group.name,
		isClosed: access.isClosed,
		isExternalVoteAllowed: access.group.isExternalVoteAllowed,
		myRole: access.role,
		members,
		former,
		history,
		pending: manage ? requests : [],
		myPending: requests.find((r) => r.userId === actor.id) ?? null,
		staff: staff.map((s) => ({ ...s, isMember: memberIds.has(s.id) })),
		can: {
			manage: manage && open,
			changeLeader: changeLeader && open,
			requestToJoin:
				canRequestToJoin(actor, access) && open && !requests.some((r) => r.userId === actor.id)
		}
	};
}

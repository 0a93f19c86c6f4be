import { links, notify, type NotifyCtx } from '../../notify';
import { openRequest } from './membership-requests';

/**
 * The leader learns that someone joined (unless the leader let them in). A person may join,
 * leave and join again: each joining is its own event.
 */
export async function notifyJoined(
	ctx: NotifyCtx,
	group: { groupId: string; subject: string },
	userId: string
): Promise<void> {
	const person = await ctx.db
		.selectFrom('users')
		.select('fullName')
		.where('id', '=', userId)
		.executeTakeFirst();
	await notify(ctx, {
		kind: 'group.member_joined',
		key: `${group.groupId}:${userId}:${ctx.now.getTime()}`,
		groupId: group.groupId,
		subject: group.subject,
		link: links.members(group.groupId),
		params: { person: person?.fullName ?? '' }
	});
}

/**
 * Invites a person with an account: the invitation waits for their answer, and they are told
 * (in the caller's transaction). Returns the request's id.
 */
export async function inviteToGroup(
	ctx: NotifyCtx & { actor: { id: string } },
	group: { groupId: string; name: string },
	userId: string,
	message: string
): Promise<string> {
	const requestId = await openRequest(
		ctx.db,
		{
			groupId: group.groupId,
			userId,
			kind: 'invitation',
			message,
			createdBy: ctx.actor.id
		},
		ctx.now
	);
	await notify(ctx, {
		kind: 'group.invited',
		key: requestId,
		groupId: group.groupId,
		subject: group.name,
		link: links.group(group.groupId),
		userIds: [userId]
	});
	return requestId;
}

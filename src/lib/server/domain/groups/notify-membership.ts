import { links, notify, type NotifyCtx } from '../../notify';

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

import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { createInvitation, mailInvitation } from '../accounts/create-invitation';
import { findSchool } from '../accounts/queries';
import type { Ctx } from '../context';
import { inviteExternalInput, type InviteExternalInput } from './input';
import { inviteToGroup } from './notify-membership';
import { takeMailSlot } from '../accounts/mail-limits';
import { mailEnabled } from '../../mail';
import { canManageGroup } from '../group-access/policy';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { isCurrentMember } from '../group-access/members';

export type ExternalInvitation =
	| { kind: 'link'; url: string; expiresAt: Date; emailed: boolean; email: string }
	| { kind: 'existing'; email: string };

/**
 * §5.1: the leader or administration invites a scientist or consultant by email. Someone
 * new gets a one-time link that creates an account of no school and joins the group; an
 * existing external account gets an invitation to accept in the app.
 */
export async function inviteExternal(
	{ db, actor, now }: Ctx,
	input: InviteExternalInput
): Promise<ExternalInvitation> {
	const access = await groupAccess(db, actor, input.groupId);
	assertAllowed(canManageGroup(actor, access));
	assertOpen(access);
	const { groupId, email, role, message } = validate(inviteExternalInput, input);
	const existing = await db
		.selectFrom('users')
		.select(['id', 'schoolId', 'role', 'isActive'])
		.where('email', '=', email)
		.executeTakeFirst();
	// Another school's staff, or an account no longer active: the leader must not learn that
	// the address has an account, so it is answered as an unknown address (below) — but no
	// mail goes to that person, and the link cannot be accepted (the address is taken).
	const hidesAccount =
		existing !== undefined &&
		(!existing.isActive || (existing.schoolId !== null && existing.schoolId !== access.schoolId));
	if (existing && !hidesAccount) {
		// Staff of the group's own school are invited as its teachers, not as outside experts.
		if (existing.schoolId !== null)
			throw new AppError('conflict', 'error_not_external', { field: 'email' });
		if (await isCurrentMember(db, groupId, existing.id))
			throw new AppError('conflict', 'error_already_member', { field: 'email' });
		await takeMailSlot(
			db,
			{ purpose: 'group_invitation', recipient: email, senderId: actor.id },
			now
		);
		await inTransaction(db, (trx) =>
			inviteToGroup(
				{ db: trx, now, actor },
				{ groupId, name: access.group.name },
				existing.id,
				message ?? ''
			)
		);
		return { kind: 'existing', email };
	}
	const invitation = await createInvitation(
		db,
		{
			schoolId: null,
			email,
			role,
			invitedBy: actor.id,
			locale: actor.locale,
			groupId,
			hidesAccount
		},
		now
	);
	const school = await findSchool(db, access.schoolId);
	const emailed = hidesAccount
		? mailEnabled()
		: await mailInvitation(invitation, email, school?.name ?? '', actor.locale, access.group.name);
	return {
		kind: 'link',
		url: invitation.url,
		expiresAt: invitation.expiresAt,
		emailed,
		email
	};
}

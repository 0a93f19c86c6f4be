import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { createInvitation, mailInvitation } from '../accounts/create-invitation';
import { findSchool } from '../accounts/queries';
import type { Ctx } from '../context';
import { inviteExternalInput, type InviteExternalInput } from './input';
import { inviteToGroup } from './notify-membership';
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
	if (existing) {
		// Staff are invited as teachers of the school, not as outside experts.
		if (existing.schoolId !== null || !existing.isActive)
			throw new AppError('conflict', 'error_not_external', { field: 'email' });
		if (await isCurrentMember(db, groupId, existing.id))
			throw new AppError('conflict', 'error_already_member', { field: 'email' });
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
			groupId
		},
		now
	);
	const school = await findSchool(db, access.schoolId);
	const emailed = await mailInvitation(
		invitation,
		email,
		`${school?.name ?? ''} — «${access.group.name}»`,
		actor.locale
	);
	return {
		kind: 'link',
		url: invitation.url,
		expiresAt: invitation.expiresAt,
		emailed,
		email
	};
}

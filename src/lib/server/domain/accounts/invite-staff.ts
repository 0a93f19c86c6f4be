import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { createInvitation, mailInvitation, type CreatedInvitation } from './create-invitation';
import { inviteStaffInput, type InviteStaffInput } from './input';
import { findSchool } from './queries';
import { canInviteStaff } from './policy';

/** An admin invites a teacher (or another admin) of their school by a one-time link. */
export async function inviteStaff(
	{ db, actor, now }: Ctx,
	input: InviteStaffInput
): Promise<{ invitation: CreatedInvitation; email: string; emailed: boolean }> {
	const school = canInviteStaff(actor, input.schoolId)
		? await findSchool(db, input.schoolId)
		: undefined;
	if (!school) throw new AppError('forbidden', 'error_forbidden');
	const { schoolId, email, role } = validate(inviteStaffInput, input);
	const invitation = await createInvitation(
		db,
		{ schoolId, email, role, invitedBy: actor.id, locale: actor.locale },
		now
	);
	const emailed = await mailInvitation(invitation, email, school.name, actor.locale);
	return { invitation, email, emailed };
}

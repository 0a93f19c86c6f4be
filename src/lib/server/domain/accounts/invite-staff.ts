import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { findSchool } from './queries';
import { createInvitation, mailInvitation, type CreatedInvitation } from './create-invitation';
import { inviteStaffInput } from './input';
import { canInviteStaff } from './policy';

/** An admin invites a teacher (or another admin) of their school by a one-time link. */
export async function inviteStaff(
	db: DB,
	actor: Actor,
	schoolId: string,
	rawInput: unknown,
	now = new Date()
): Promise<{ invitation: CreatedInvitation; email: string; emailed: boolean }> {
	const school = canInviteStaff(actor, schoolId) ? await findSchool(db, schoolId) : undefined;
	if (!school) throw new AppError('forbidden', 'error_forbidden');
	const input = validate(inviteStaffInput, rawInput);
	const invitation = await createInvitation(
		db,
		{ schoolId, email: input.email, role: input.role, invitedBy: actor.id, locale: actor.locale },
		now
	);
	const emailed = await mailInvitation(invitation, input.email, school.name, actor.locale);
	return { invitation, email: input.email, emailed };
}

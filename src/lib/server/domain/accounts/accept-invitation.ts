import { isUniqueViolation } from '../../db/errors';
import { newId } from '../../db/ids';
import type { AccountRole } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { withDb, type AnonymousCtx } from '../context';
import { joinByLink } from '../group-access/members';
import { asId, type UserId } from '../ids';
import { findOpenInvitation } from './find-invitation';
import { acceptInvitationInput, type AcceptInvitationInput } from './input';
import { assertNewPassword, hashPassword } from './password';
import { createSession, type NewSession } from './sessions';

/** The invited person sets their name and password; the account exists from now on. */
export async function acceptInvitation(
	ctx: AnonymousCtx,
	input: AcceptInvitationInput
): Promise<{ userId: UserId; session: NewSession }> {
	const { db, now } = ctx;
	const open = await findOpenInvitation(ctx, { token: input.token });
	const account = validate(acceptInvitationInput, input);
	assertNewPassword(account.password, open.email);
	const meta = { ip: input.ip, userAgent: input.userAgent };
	const passwordHash = await hashPassword(account.password);
	const userId = asId<UserId>(newId());
	try {
		return await db.transaction().execute(async (trx) => {
			// Checked again inside the transaction: the link is one-time even under a double submit.
			const invitation = await findOpenInvitation(withDb(ctx, trx), { token: account.token });
			await trx
				.insertInto('users')
				.values({
					id: userId,
					schoolId: invitation.schoolId,
					email: invitation.email,
					passwordHash,
					fullName: account.fullName,
					role: invitation.role as AccountRole,
					isOperator: false,
					isActive: true,
					locale: account.locale,
					experienceYears: null,
					qualificationCategory: null,
					createdAt: now,
					updatedAt: now,
					deactivatedAt: null
				})
				.execute();
			const updated = await trx
				.updateTable('invitations')
				.set({ acceptedAt: now, acceptedUserId: userId })
				.where('id', '=', invitation.id)
				.where('acceptedAt', 'is', null)
				.executeTakeFirst();
			if (Number(updated.numUpdatedRows) !== 1) throw new AppError('gone', 'error_invitation_used');
			if (invitation.groupId) await joinByLink(trx, invitation.groupId, userId, now);
			const session = await createSession(trx, userId, meta, now);
			return { userId, session };
		});
	} catch (error) {
		if (isUniqueViolation(error)) throw new AppError('conflict', 'error_email_taken');
		throw error;
	}
}

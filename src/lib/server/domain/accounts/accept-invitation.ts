import type { Kysely } from 'kysely';
import { newId } from '../../db/ids';
import { isUniqueViolation } from '../../db/errors';
import type { AccountRole, Database } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { joinByLink } from '../group-access/members';
import { findOpenInvitation } from './find-invitation';
import { acceptInvitationInput } from './input';
import { hashPassword } from './password';
import { createSession, type NewSession } from './sessions';

/** The invited person sets their name and password; the account exists from now on. */
export async function acceptInvitation(
	db: Kysely<Database>,
	token: string,
	rawInput: unknown,
	meta: { ip?: string; userAgent?: string } = {},
	now = new Date()
): Promise<{ userId: string; session: NewSession }> {
	await findOpenInvitation(db, token, now);
	const input = validate(acceptInvitationInput, rawInput);
	const passwordHash = await hashPassword(input.password);
	const userId = newId();
	try {
		return await db.transaction().execute(async (trx) => {
			// Checked again inside the transaction: the link is one-time even under a double submit.
			const invitation = await findOpenInvitation(trx, token, now);
			await trx
				.insertInto('users')
				.values({
					id: userId,
					schoolId: invitation.schoolId,
					email: invitation.email,
					passwordHash,
					fullName: input.fullName,
					role: invitation.role as AccountRole,
					isOperator: false,
					isActive: true,
					locale: input.locale,
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

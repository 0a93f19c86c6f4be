import { hashToken } from '../../db/ids';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { AnonymousCtx } from '../context';
import { findOpenInvitationInput, type FindOpenInvitationInput } from './input';

export interface OpenInvitation {
	id: string;
	email: string;
	role: string;
	locale: string;
	schoolId: string | null;
	schoolName: string | null;
	groupId: string | null;
	expiresAt: Date;
}

/** The invitation behind a link, if it can still be accepted; else a "gone" error saying why. */
export async function findOpenInvitation(
	{ db, now }: AnonymousCtx,
	input: FindOpenInvitationInput
): Promise<OpenInvitation> {
	const { token } = validate(findOpenInvitationInput, input);
	const row = await db
		.selectFrom('invitations')
		.leftJoin('schools', 'schools.id', 'invitations.schoolId')
		.select([
			'invitations.id',
			'invitations.email',
			'invitations.role',
			'invitations.locale',
			'invitations.schoolId',
			'invitations.expiresAt',
			'invitations.groupId',
			'invitations.acceptedAt',
			'invitations.revokedAt',
			'schools.name as schoolName'
		])
		.where('invitations.tokenHash', '=', hashToken(token))
		.executeTakeFirst();
	if (!row || row.revokedAt) throw new AppError('gone', 'error_invitation_invalid');
	if (row.acceptedAt) throw new AppError('gone', 'error_invitation_used');
	if (row.expiresAt <= now) throw new AppError('gone', 'error_invitation_expired');
	return {
		id: row.id,
		email: row.email,
		role: row.role,
		locale: row.locale,
		schoolId: row.schoolId,
		schoolName: row.schoolName,
		groupId: row.groupId,
		expiresAt: row.expiresAt
	};
}

import { hashToken } from '../../db/ids';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';

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
	db: DB,
	token: string,
	now = new Date()
): Promise<OpenInvitation> {
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

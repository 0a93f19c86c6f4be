import { hashToken, newId, newToken } from '../../db/ids';
import type { AccountRole, DB } from '../../db/types';
import { AppError } from '../../errors';
import type { Locale } from '../../../i18n/locale';
import { invitationMail, invitationUrl } from './emails';
import { sendMail } from '../../mail';
import { asId, type InvitationId } from '../ids';
import { takeMailSlot } from './mail-limits';

/** How long an invitation link works. */
export const invitationDays = 7;

export interface CreatedInvitation {
	invitationId: InvitationId;
	url: string;
	expiresAt: Date;
}

/**
 * Makes a one-time invitation link (shared by "invite staff" and "add a school"). A pending
 * invitation to the same address for the same school is revoked: only the newest link works.
 * Callers check the policy first.
 */
export async function createInvitation(
	db: DB,
	input: {
		schoolId: string | null;
		email: string;
		role: AccountRole;
		invitedBy: string;
		locale: Locale;
		/** A scientist or consultant invited into a group joins it on accepting. */
		groupId?: string | null;
		/**
		 * The address has an account the inviter must not learn of (another school's staff):
		 * the invitation is made exactly as for an unknown address, and the caller does not
		 * mail it. Accepting it fails, as the address is taken.
		 */
		hidesAccount?: boolean;
	},
	now = new Date()
): Promise<CreatedInvitation> {
	if (!input.hidesAccount) {
		const existing = await db
			.selectFrom('users')
			.select('id')
			.where('email', '=', input.email)
			.executeTakeFirst();
		if (existing) throw new AppError('conflict', 'error_email_taken', { field: 'email' });
	}
	// Counted whether or not SMTP is set: the link is the same invitation either way.
	await takeMailSlot(
		db,
		{ purpose: 'invitation', recipient: input.email, senderId: input.invitedBy },
		now
	);

	let revoke = db
		.updateTable('invitations')
		.set({ revokedAt: now })
		.where('email', '=', input.email)
		.where('acceptedAt', 'is', null)
		.where('revokedAt', 'is', null);
	// Only the same kind of link is replaced: a group's invitation of a scientist leaves
	// another group's (maybe another school's) invitation of the same person alone.
	revoke =
		input.schoolId === null
			? revoke.where('schoolId', 'is', null)
			: revoke.where('schoolId', '=', input.schoolId);
	revoke = input.groupId
		? revoke.where('groupId', '=', input.groupId)
		: revoke.where('groupId', 'is', null);
	await revoke.execute();

	const token = newToken();
	const invitationId = asId<InvitationId>(newId());
	const expiresAt = new Date(now.getTime() + invitationDays * 24 * 60 * 60 * 1000);
	await db
		.insertInto('invitations')
		.values({
			id: invitationId,
			tokenHash: hashToken(token),
			schoolId: input.schoolId,
			email: input.email,
			role: input.role,
			invitedBy: input.invitedBy,
			locale: input.locale,
			createdAt: now,
			expiresAt,
			acceptedAt: null,
			revokedAt: null,
			acceptedUserId: null,
			groupId: input.groupId ?? null
		})
		.execute();
	return { invitationId, url: invitationUrl(token), expiresAt };
}

/** Emails the link when SMTP is configured; the caller shows it on screen either way. */
export async function mailInvitation(
	invitation: CreatedInvitation,
	to: string,
	schoolName: string,
	locale: Locale,
	/** The group the person is invited into, when it is a group's invitation. */
	groupName?: string
): Promise<boolean> {
	return sendMail(
		invitationMail({ to, schoolName, groupName, url: invitation.url, locale, days: invitationDays })
	);
}

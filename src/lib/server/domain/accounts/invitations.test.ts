import { describe, expect, it } from 'vitest';
import { hashToken } from '../../db/ids';
import { actorOf, makeSchool, makeUser } from '../../test/factories';
import { anonymousCtxOf, ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { useTestDatabase } from '../../test/vitest';
import { formInput } from '../../web/form-input';
import { acceptInvitation } from './accept-invitation';
import { findOpenInvitation } from './find-invitation';
import { acceptInvitationInput } from './input';
import { inviteStaff } from './invite-staff';
import { listStaff } from './list-staff';
import { revokeInvitation } from './revoke-invitation';
import { resolveSession } from './sessions';

const t = useTestDatabase();
const tokenOf = (url: string) => url.split('/invite/')[1]!;
const newcomer = { fullName: 'Нурлан Үсөнов', password: 'жаңы сырсөз 2026', locale: 'ky' } as const;
const anyone = () => anonymousCtxOf(t.db);

async function schoolWithAdmin() {
	const school = await makeSchool(t.db);
	const admin = actorOf(await makeUser(t.db, { schoolId: school.id, role: 'admin' }));
	return { school, admin };
}

describe('inviting staff', () => {
	it('makes a one-time link that creates the account and signs the newcomer in', async () => {
		const { school, admin } = await schoolWithAdmin();
		const { invitation, emailed } = await inviteStaff(ctxOf(t.db, admin), {
			schoolId: school.id,
			email: 'Nurlan@Mektep.kg'
		});
		expect(emailed).toBe(false); // no SMTP_URL in tests
		expect(invitation.url).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
		const token = tokenOf(invitation.url);

		const open = await findOpenInvitation(anyone(), { token: token });
		expect(open).toMatchObject({ email: 'nurlan@mektep.kg', role: 'teacher', schoolId: school.id });

		const { userId, session } = await acceptInvitation(anyone(), { ...newcomer, token });
		const resolved = await resolveSession(t.db, session.token);
		expect(resolved?.actor).toMatchObject({
			id: userId,
			schoolId: school.id,
			role: 'teacher',
			fullName: newcomer.fullName
		});

		expect((await appError(acceptInvitation(anyone(), { ...newcomer, token }))).messageKey).toBe(
			'error_invitation_used'
		);
		expect((await appError(findOpenInvitation(anyone(), { token }))).code).toBe('gone');
	});

	it('stores only the hash of the token', async () => {
		const { school, admin } = await schoolWithAdmin();
		const { invitation } = await inviteStaff(ctxOf(t.db, admin), {
			schoolId: school.id,
			email: 'hash@mektep.kg'
		});
		const row = await t.db
			.selectFrom('invitations')
			.selectAll()
			.where('id', '=', invitation.invitationId)
			.executeTakeFirstOrThrow();
		expect(row.tokenHash).toBe(hashToken(tokenOf(invitation.url)));
		expect(JSON.stringify(row)).not.toContain(tokenOf(invitation.url));
	});

	it('can make another admin', async () => {
		const { school, admin } = await schoolWithAdmin();
		const { invitation } = await inviteStaff(ctxOf(t.db, admin), {
			schoolId: school.id,
			email: 'deputy@mektep.kg',
			role: 'admin'
		});
		const { userId } = await acceptInvitation(anyone(), {
			...newcomer,
			token: tokenOf(invitation.url)
		});
		const user = await t.db
			.selectFrom('users')
			.select('role')
			.where('id', '=', userId)
			.executeTakeFirstOrThrow();
		expect(user.role).toBe('admin');
	});

	it('refuses an address that already has an account', async () => {
		const { school, admin } = await schoolWithAdmin();
		const existing = await makeUser(t.db, { schoolId: null, role: 'scientist' });
		const error = await appError(
			inviteStaff(ctxOf(t.db, admin), { schoolId: school.id, email: existing.email.toUpperCase() })
		);
		expect(error).toMatchObject({
			code: 'conflict',
			messageKey: 'error_email_taken',
			field: 'email'
		});
	});

	it('keeps only the newest link for the same address', async () => {
		const { school, admin } = await schoolWithAdmin();
		const first = await inviteStaff(ctxOf(t.db, admin), {
			schoolId: school.id,
			email: 'twice@mektep.kg'
		});
		const second = await inviteStaff(ctxOf(t.db, admin), {
			schoolId: school.id,
			email: 'twice@mektep.kg'
		});
		expect(
			(await appError(findOpenInvitation(anyone(), { token: tokenOf(first.invitation.url) })))
				.messageKey
		).toBe('error_invitation_invalid');
		await expect(
			findOpenInvitation(anyone(), { token: tokenOf(second.invitation.url) })
		).resolves.toBeTruthy();
		const { invitations } = await listStaff(ctxOf(t.db, admin), { schoolId: school.id });
		expect(invitations.filter((i) => i.email === 'twice@mektep.kg')).toHaveLength(1);
	});

	it('expires after seven days', async () => {
		const { school, admin } = await schoolWithAdmin();
		const { invitation } = await inviteStaff(ctxOf(t.db, admin), {
			schoolId: school.id,
			email: 'late@mektep.kg'
		});
		const later = new Date(Date.now() + 7 * 24 * 3600 * 1000 + 1000);
		const error = await appError(
			acceptInvitation(anonymousCtxOf(t.db, later), { ...newcomer, token: tokenOf(invitation.url) })
		);
		expect(error.messageKey).toBe('error_invitation_expired');
	});

	it('can be withdrawn by the admin', async () => {
		const { school, admin } = await schoolWithAdmin();
		const { invitation } = await inviteStaff(ctxOf(t.db, admin), {
			schoolId: school.id,
			email: 'withdrawn@mektep.kg'
		});
		await revokeInvitation(ctxOf(t.db, admin), { invitationId: invitation.invitationId });
		const error = await appError(
			acceptInvitation(anyone(), { ...newcomer, token: tokenOf(invitation.url) })
		);
		expect(error.messageKey).toBe('error_invitation_invalid');
	});

	it('is for admins of that school (and operators) only', async () => {
		const { school, admin } = await schoolWithAdmin();
		const other = await schoolWithAdmin();
		const teacher = actorOf(await makeUser(t.db, { schoolId: school.id, role: 'teacher' }));
		const operator = actorOf(
			await makeUser(t.db, { schoolId: null, role: null, isOperator: true })
		);
		const input = { email: 'x@mektep.kg' };
		expect(
			(await appError(inviteStaff(ctxOf(t.db, teacher), { ...input, schoolId: school.id }))).code
		).toBe('forbidden');
		expect(
			(await appError(inviteStaff(ctxOf(t.db, other.admin), { ...input, schoolId: school.id })))
				.code
		).toBe('forbidden');
		await expect(
			inviteStaff(ctxOf(t.db, operator), {
				schoolId: school.id,
				email: 'op@mektep.kg',
				role: 'admin'
			})
		).resolves.toBeTruthy();
		const { invitation } = await inviteStaff(ctxOf(t.db, admin), {
			schoolId: school.id,
			email: 'mine@mektep.kg'
		});
		expect(
			(
				await appError(
					revokeInvitation(ctxOf(t.db, other.admin), { invitationId: invitation.invitationId })
				)
			).code
		).toBe('not_found');
	});

	it('checks the newcomer’s form and keeps the link usable after a mistake', async () => {
		const { school, admin } = await schoolWithAdmin();
		const { invitation } = await inviteStaff(ctxOf(t.db, admin), {
			schoolId: school.id,
			email: 'typo@mektep.kg'
		});
		const error = await appError(
			acceptInvitation(
				anyone(),
				formInput(acceptInvitationInput, {
					token: tokenOf(invitation.url),
					fullName: 'A',
					password: 'short',
					locale: 'fr'
				})
			)
		);
		expect(error.code).toBe('invalid');
		await expect(
			acceptInvitation(anyone(), { ...newcomer, token: tokenOf(invitation.url) })
		).resolves.toBeTruthy();
	});

	it('lets only one of two simultaneous accepts through', async () => {
		const { school, admin } = await schoolWithAdmin();
		const { invitation } = await inviteStaff(ctxOf(t.db, admin), {
			schoolId: school.id,
			email: 'race@mektep.kg'
		});
		const token = tokenOf(invitation.url);
		const results = await Promise.allSettled([
			acceptInvitation(anyone(), { ...newcomer, token }),
			acceptInvitation(anyone(), { ...newcomer, token })
		]);
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const users = await t.db
			.selectFrom('users')
			.select('id')
			.where('email', '=', 'race@mektep.kg')
			.execute();
		expect(users).toHaveLength(1);
	});
});

import { describe, expect, it } from 'vitest';
import { createInvitation } from '../accounts/create-invitation';
import { updateProfile } from '../accounts/update-profile';
import { ctxOf } from '../../test/context';
import { actorOf, makeSchool, makeUser } from '../../test/factories';
import { useTestDatabase } from '../../test/vitest';
import { asId, type SubjectId } from '../ids';
import { getOverview } from './get-overview';

const t = useTestDatabase();

describe('the head of home', () => {
	it('shows admins their school’s counts, operators the schools, everyone their next step', async () => {
		const school = await makeSchool(t.db, { name: 'Ош шаарындагы №1 мектеп' });
		const admin = actorOf(
			await makeUser(t.db, { schoolId: school.id, role: 'admin', isOperator: true })
		);
		const teacher = actorOf(await makeUser(t.db, { schoolId: school.id }));
		await makeUser(t.db, { schoolId: school.id, isActive: false });
		await createInvitation(t.db, {
			schoolId: school.id,
			email: 'a@b.kg',
			role: 'teacher',
			invitedBy: admin.id,
			locale: 'ky'
		});
		const expired = new Date(Date.now() - 8 * 24 * 3600 * 1000);
		await createInvitation(
			t.db,
			{ schoolId: school.id, email: 'c@d.kg', role: 'teacher', invitedBy: admin.id, locale: 'ky' },
			expired
		);
		const home = await getOverview(ctxOf(t.db, admin));
		expect(home).toMatchObject({ schoolName: 'Ош шаарындагы №1 мектеп', profileIncomplete: true });
		expect(home.admin).toEqual({ activeStaff: 2, pendingInvitations: 1 });
		expect(home.operator?.schools).toBeGreaterThanOrEqual(1);

		await updateProfile(ctxOf(t.db, teacher), {
			fullName: teacher.fullName,
			subjects: [asId<SubjectId>('music')],
			locale: 'ky'
		});
		expect(await getOverview(ctxOf(t.db, teacher))).toEqual({
			schoolName: 'Ош шаарындагы №1 мектеп',
			profileIncomplete: false,
			admin: null,
			operator: null
		});
	});

	it('works for an account of no school', async () => {
		const scientist = actorOf(await makeUser(t.db, { schoolId: null, role: 'scientist' }));
		expect(await getOverview(ctxOf(t.db, scientist))).toEqual({
			schoolName: null,
			profileIncomplete: true,
			admin: null,
			operator: null
		});
	});
});

import { describe, expect, it } from 'vitest';
import { actorOf, makeSchool, makeUser } from '../../test/factories';
import { anonymousCtxOf, ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { formInput } from '../../web/form-input';
import { useTestDatabase } from '../../test/vitest';
import { acceptInvitation } from '../accounts/accept-invitation';
import { resolveSession } from '../accounts/sessions';
import { addSchool } from './add-school';
import { getSchool } from './get-school';
import { listSchools } from './list-schools';
import { isSetupDone } from './queries';
import { setupDeploymentInput, type SetupDeploymentInput } from './input';
import { setupDeployment } from './setup-deployment';
import { updateSchool } from './update-school';

const t = useTestDatabase();
const setup: SetupDeploymentInput = {
	name: 'Ысык-Көл облусундагы №3 мектеп',
	region: 'KG-Y',
	city: 'Каракол',
	fullName: 'Айгүл Өмүрбекова',
	email: 'aigul@mektep.kg',
	password: 'ала-тоонун үстүндө үч булут',
	locale: 'ky'
};

describe('first-run setup', () => {
	it('creates the school and its first admin (who operates the deployment), once', async () => {
		expect(await isSetupDone(t.db)).toBe(false);
		const first = await setupDeployment(anonymousCtxOf(t.db), setup);
		expect(await isSetupDone(t.db)).toBe(true);
		const session = await resolveSession(t.db, first.session.token);
		expect(session?.actor).toMatchObject({
			role: 'admin',
			isOperator: true,
			schoolId: first.schoolId
		});
		const school = await getSchool(ctxOf(t.db, session!.actor), { schoolId: first.schoolId });
		expect(school).toMatchObject({ name: setup.name, region: 'KG-Y', city: 'Каракол' });

		const again = await appError(
			setupDeployment(anonymousCtxOf(t.db), { ...setup, email: 'second@mektep.kg' })
		);
		expect(again.messageKey).toBe('error_setup_done');
	});

	it('validates every field and names each problem', async () => {
		const error = await appError(
			setupDeployment(
				anonymousCtxOf(t.db),
				formInput(setupDeploymentInput, {
					name: '',
					region: 'KG-XX',
					city: 'K',
					fullName: '',
					email: 'x',
					password: 'short'
				})
			)
		);
		const fields = (error as unknown as { issues: { field: string }[] }).issues
			.map((i) => i.field)
			.sort();
		expect(fields).toEqual(['city', 'email', 'fullName', 'locale', 'name', 'password', 'region']);
	});
});

describe('schools of a district deployment', () => {
	it('an operator adds a school and its admin accepts the invitation', async () => {
		const operator = actorOf(
			await makeUser(t.db, { schoolId: null, role: null, isOperator: true })
		);
		const result = await addSchool(ctxOf(t.db, operator), {
			name: 'Нарын шаарындагы Т. Сатылганов атындагы мектеп',
			region: 'KG-N',
			city: 'Нарын',
			adminEmail: 'director@naryn.kg'
		});
		const token = result.invitation.url.split('/invite/')[1]!;
		const { session } = await acceptInvitation(anonymousCtxOf(t.db), {
			token,
			fullName: 'Бакыт Тешебаев',
			password: 'Нарындын суусу таза',
			locale: 'ky'
		});
		const actor = (await resolveSession(t.db, session.token))!.actor;
		expect(actor).toMatchObject({ role: 'admin', schoolId: result.schoolId, isOperator: false });

		const list = await listSchools(ctxOf(t.db, operator));
		const added = list.find((s) => s.id === result.schoolId);
		expect(added).toMatchObject({ activeStaff: 1, admins: 1, region: 'KG-N' });
	});

	it('does not create a half school when the admin email is taken', async () => {
		const operator = actorOf(
			await makeUser(t.db, { schoolId: null, role: null, isOperator: true })
		);
		const taken = await makeUser(t.db, { schoolId: null, role: 'consultant' });
		const before = (await listSchools(ctxOf(t.db, operator))).length;
		const error = await appError(
			addSchool(ctxOf(t.db, operator), {
				name: 'Талас мектеби',
				region: 'KG-T',
				city: 'Талас',
				adminEmail: taken.email
			})
		);
		expect(error).toMatchObject({ messageKey: 'error_email_taken', field: 'adminEmail' });
		expect((await listSchools(ctxOf(t.db, operator))).length).toBe(before);
	});

	it('is for operators only; an admin edits only their own school', async () => {
		const a = await makeSchool(t.db);
		const b = await makeSchool(t.db);
		const admin = actorOf(await makeUser(t.db, { schoolId: a.id, role: 'admin' }));
		const teacher = actorOf(await makeUser(t.db, { schoolId: a.id, role: 'teacher' }));
		const input = { name: 'Жаңы аталыш', region: 'KG-C', city: 'Кант' } as const;
		expect((await appError(listSchools(ctxOf(t.db, admin)))).code).toBe('forbidden');
		expect(
			(await appError(addSchool(ctxOf(t.db, admin), { ...input, adminEmail: 'z@z.kg' }))).code
		).toBe('forbidden');
		await updateSchool(ctxOf(t.db, admin), { ...input, schoolId: a.id });
		expect((await getSchool(ctxOf(t.db, admin), { schoolId: a.id })).name).toBe('Жаңы аталыш');
		expect(
			(await appError(updateSchool(ctxOf(t.db, admin), { ...input, schoolId: b.id }))).code
		).toBe('not_found');
		expect(
			(await appError(updateSchool(ctxOf(t.db, teacher), { ...input, schoolId: a.id }))).code
		).toBe('not_found');
		expect((await appError(getSchool(ctxOf(t.db, admin), { schoolId: b.id }))).code).toBe(
			'not_found'
		);
	});
});

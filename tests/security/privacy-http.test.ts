import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie } from '../../src/lib/server/domain/accounts/sessions';
import type { User } from '../../src/lib/server/db/types';
import {
	makeSchool,
	makeUser,
	sessionTokenFor,
	testPassword
} from '../../src/lib/server/test/factories';
import { call, startTestServer, type TestServer } from '../../src/lib/server/test/server';
import { setUp } from '../integration/world';

// Issue 16 (privacy) over HTTP, on the built app: a person downloads their own data (never
// cached, no secrets); an admin erases a person of their school in the product, confirmed by
// the address and their own password; the person's sessions end and the old address signs
// nobody in; another school's admin is told the person does not exist.

let server: TestServer;
let admin: User;
let otherAdmin: User;

const cookieOf = async (user: User) => `${sessionCookie}=${await sessionTokenFor(server.db, user)}`;

beforeAll(async () => {
	server = await startTestServer();
	const { schoolId } = await setUp(server);
	admin = await makeUser(server.db, { schoolId, role: 'admin' });
	const other = await makeSchool(server.db);
	otherAdmin = await makeUser(server.db, { schoolId: other.id, role: 'admin' });
}, 60_000);
afterAll(async () => {
	await server?.stop();
});

describe('personal data over HTTP', () => {
	it('gives the person their data as a JSON file that is never cached and holds no hash', async () => {
		const person = await makeUser(server.db, { schoolId: admin.schoolId, role: 'teacher' });
		const cookie = await cookieOf(person);
		expect((await call(server, '/profile/data', { cookie })).status).toBe(200);
		const file = await call(server, '/profile/data/personal-data.json', { cookie });
		expect(file.status).toBe(200);
		expect(file.headers.get('content-type')).toMatch(/^application\/json; charset=utf-8/);
		expect(file.headers.get('content-disposition')).toMatch(
			/^attachment; filename="personal-data-/
		);
		expect(file.headers.get('cache-control')).toBe('private, no-store');
		const text = await file.text();
		const data = JSON.parse(text) as { userId: string; tables: Record<string, unknown[]> };
		expect(data.userId).toBe(person.id);
		expect(text).toContain(person.email);
		expect(text).not.toContain(person.passwordHash);
		expect(text).not.toMatch(/"(passwordHash|tokenHash|codeHash|secretKeyMaterial)"/);
	});

	it('lets the school’s admin erase a person, confirmed; the person is signed out for good', async () => {
		const person = await makeUser(server.db, {
			schoolId: admin.schoolId,
			role: 'teacher',
			fullName: 'Жумабаева Айжан'
		});
		const personCookie = await cookieOf(person);
		const adminCookie = await cookieOf(admin);
		const page = `/admin/staff/${person.id}/privacy`;

		// Another school's admin: the person does not exist for them.
		const foreign = await cookieOf(otherAdmin);
		expect((await call(server, page, { cookie: foreign })).status).toBe(404);
		const foreignErase = await call(server, `${page}?/erase`, {
			cookie: foreign,
			form: { keptName: 'А. Ж.', confirmEmail: person.email, password: testPassword }
		});
		expect(foreignErase.status).toBe(404);

		// A wrong address or password erases nothing and says so on the field, keeping the input.
		const wrong = await call(server, `${page}?/erase`, {
			cookie: adminCookie,
			form: { keptName: 'А. Ж.', confirmEmail: person.email, password: 'not my password' }
		});
		expect(wrong.status).toBe(400);
		expect(await wrong.text()).toContain('А. Ж.');
		expect((await call(server, '/home', { cookie: personCookie })).status).toBe(200);

		const done = await call(server, `${page}?/erase`, {
			cookie: adminCookie,
			form: { keptName: 'А. Ж.', confirmEmail: person.email, password: testPassword }
		});
		expect(done.status).toBe(303);
		expect(done.headers.get('location')).toBe(page);
		const shown = await (await call(server, page, { cookie: adminCookie })).text();
		expect(shown).not.toContain(person.email);
		expect(shown).not.toContain('Жумабаева Айжан');

		const home = await call(server, '/home', { cookie: personCookie });
		expect(home.status).toBe(303);
		const signIn = await call(server, '/signin', {
			form: { email: person.email, password: testPassword }
		});
		expect(signIn.status).not.toBe(303);

		const events = await call(server, '/admin/security?kind=personal_data_erased', {
			cookie: adminCookie
		});
		expect(events.status).toBe(200);
		expect(await events.text()).toContain('А. Ж.');
	});
});

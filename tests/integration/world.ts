import {
	actorOf,
	makeSchool,
	makeUser,
	sessionTokenFor
} from '../../src/lib/server/test/factories';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../../src/lib/server/test/server';
import { setupDeployment } from '../../src/lib/server/domain/schools/setup-deployment';
import { sessionCookie } from '../../src/lib/server/domain/accounts/sessions';

/** The kinds of actor every permission row names, allowed or denied. */
export const actorKinds = [
	'anonymous',
	'teacherA',
	'adminA',
	'adminB',
	'operator',
	'external'
] as const;
export type ActorKind = (typeof actorKinds)[number];

/** First-run setup done directly in the database: school A and its founding admin. */
export function setUp(server: TestServer) {
	return setupDeployment(server.db, {
		name: 'А мектеби',
		region: 'KG-GB',
		city: 'Бишкек',
		fullName: 'Негиздөөчү Админ',
		email: 'founder@a.kg',
		password: 'founder-password-2026',
		locale: 'ky'
	});
}

/**
 * Two schools and one of each kind of account, made directly in the server's database:
 * school A (set up on first run) with an admin, teachers; school B with an admin and a
 * teacher; an operator of no school; a scientist of no school.
 */
export async function buildWorld(server: TestServer) {
	const db = server.db;
	const schoolA = (await setUp(server)).schoolId;
	const schoolB = (await makeSchool(db, { name: 'Б мектеби' })).id;
	const users = {
		teacherA: await makeUser(db, { schoolId: schoolA, role: 'teacher', email: 'teacher@a.kg' }),
		victimA: await makeUser(db, { schoolId: schoolA, role: 'teacher', email: 'victim@a.kg' }),
		adminA: await makeUser(db, { schoolId: schoolA, role: 'admin', email: 'admin@a.kg' }),
		adminB: await makeUser(db, { schoolId: schoolB, role: 'admin', email: 'admin@b.kg' }),
		teacherB: await makeUser(db, { schoolId: schoolB, role: 'teacher', email: 'teacher@b.kg' }),
		operator: await makeUser(db, {
			schoolId: null,
			role: null,
			isOperator: true,
			email: 'op@district.kg'
		}),
		external: await makeUser(db, { schoolId: null, role: 'scientist', email: 'scientist@kao.kg' })
	};
	const cookies: Record<ActorKind, string | undefined> = { anonymous: undefined } as Record<
		ActorKind,
		string | undefined
	>;
	for (const kind of actorKinds) {
		if (kind === 'anonymous') continue;
		cookies[kind] = `${sessionCookie}=${await sessionTokenFor(db, users[kind])}`;
	}
	return {
		schoolA,
		schoolB,
		users,
		cookies,
		actors: Object.fromEntries(Object.entries(users).map(([k, u]) => [k, actorOf(u)]))
	};
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** For a test file: a running server holding the world, stopped after the file. */
export function useWorld(ready: (server: TestServer, world: World) => void): void {
	let server: TestServer | undefined;
	beforeAll(async () => {
		server = await startTestServer();
		ready(server, await buildWorld(server));
	});
	afterAll(async () => {
		await server?.stop();
	});
}

import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres } from '../db/audit-capture';
import { newId } from '../db/ids';
import type { DB } from '../db/types';
import { asId, type GroupId, type UserId } from '../domain/ids';
import { createSession } from '../domain/accounts/sessions';
import { createMaterial } from '../domain/materials/create-material';
import { createProposal } from '../domain/proposals/create-proposal';
import { startThread } from '../domain/discussions/start-thread';
import { ctxOf } from '../test/context';
import { appError } from '../test/expect-error';
import { actorOf, makeUser, testPassword } from '../test/factories';
import { makeGroupWorld, type GroupWorld } from '../test/groups';
import { ctxWithStore, materialInput, tempStore } from '../test/materials';
import { useTestDatabase } from '../test/vitest';
import { ERASED_EMAIL_DOMAIN, erasePersonalData } from './erase-personal-data';
import { exportPersonalData } from './export-personal-data';
import { initialsOf } from './initials';
import { liveColumns } from './schema';
import { listSecurityEvents } from './list-security-events';
import { maskErased } from './audit-mask';
import { listAuditLog } from '../audit/list-audit-log';

const t = useTestDatabase();
const { store, root } = tempStore();
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

let w: GroupWorld;
beforeAll(async () => {
	w = await makeGroupWorld(t.db);
});

/** Every table.column (text) holding `needle`, the audit log and its intake left out. */
async function whereFound(db: DB, needle: string): Promise<string[]> {
	const found: string[] = [];
	const postgres = onPostgres(db);
	for (const c of await liveColumns(db)) {
		if (!c.isText || c.table === 'audit_log' || c.table === 'audit_pending') continue;
		const column = sql.ref(c.column);
		const { rows } = await sql<{ n: number }>`
			select count(*) as n from ${sql.table(c.table)}
			where ${postgres ? sql`strpos(${column}, ${needle})` : sql`instr(${column}, ${needle})`} > 0`.execute(
			db.withoutPlugins()
		);
		if (Number(rows[0]?.n) > 0) found.push(`${c.table}.${c.column}`);
	}
	return found;
}

/** A teacher of the group's school who wrote things and uses every personal feature. */
async function busyTeacher(fullName: string) {
	const user = await makeUser(t.db, { schoolId: w.schoolId, role: 'teacher', fullName });
	const actor = actorOf(user);
	const groupId = asId<GroupId>(w.groupId);
	await t.db
		.insertInto('groupMembers')
		.values({ groupId, userId: user.id, role: 'member', joinedAt: new Date(), leftAt: null })
		.execute();
	const ctx = ctxWithStore(t.db, actor, store);
	await createMaterial(ctx, { groupId, ...materialInput({ title: `${fullName}: сабак` }) });
	await createProposal(ctx, {
		groupId,
		kind: 'theme',
		title: 'Тема',
		body: `Автору: ${fullName} (${user.email})`,
		files: [],
		maxGroupBytes: 1 << 30
	});
	await startThread(ctx, { groupId, title: 'Суроо', body: 'Текст.' });
	const now = new Date();
	await createSession(t.db, user.id);
	await t.db
		.insertInto('twoFactorSecrets')
		.values({ userId: user.id, secretKeyMaterial: 'sealed', createdAt: now })
		.execute();
	await t.db
		.insertInto('recoveryCodes')
		.values({ id: newId(), userId: user.id, codeHash: 'h', createdAt: now })
		.execute();
	await t.db
		.insertInto('calendarFeeds')
		.values({ userId: user.id, tokenHash: `t${newId()}`, createdAt: now })
		.execute();
	await t.db
		.insertInto('mailThrottle')
		.values({ id: newId(), purpose: 'reset', recipient: user.email, createdAt: now })
		.execute();
	// The leader typed the teacher's name into the minutes.
	await t.db
		.updateTable('groups')
		.set({ closedReason: `Сүйлөгөн: ${fullName}` })
		.where('id', '=', groupId)
		.execute();
	return user;
}

const erase = (actor = w.admin, over: Partial<Parameters<typeof erasePersonalData>[1]> = {}) =>
	erasePersonalData(ctxOf(t.db, actor), {
		userId: asId<UserId>('nobody'),
		keptName: 'А. Т.',
		confirmEmail: '',
		password: testPassword,
		...over
	});

describe('erasing a person', () => {
	it('anonymizes the account, deletes what only served them, keeps authorship under the kept name', async () => {
		const name = 'Асанова Тамара Бекболотовна';
		const victim = await busyTeacher(name);
		expect((await whereFound(t.db, name)).length).toBeGreaterThan(1);

		const keptName = initialsOf(name);
		expect(keptName).toBe('А. Т. Б.');
		await erase(w.admin, { userId: victim.id, keptName, confirmEmail: victim.email.toUpperCase() });

		expect(await whereFound(t.db, victim.email)).toEqual([]);
		expect(await whereFound(t.db, name)).toEqual([]);
		const after = await t.db
			.selectFrom('users')
			.selectAll()
			.where('id', '=', victim.id)
			.executeTakeFirstOrThrow();
		expect(after).toMatchObject({ fullName: keptName, isActive: false, experienceYears: null });
		expect(after.email).toMatch(
			new RegExp(`^erased-.+@${ERASED_EMAIL_DOMAIN.replace('.', '\\.')}$`)
		);
		expect(after.erasedAt).toBeInstanceOf(Date);
		expect(after.passwordHash).not.toBe(victim.passwordHash);
		for (const table of ['sessions', 'twoFactorSecrets', 'recoveryCodes', 'calendarFeeds'] as const)
			expect(
				await t.db.selectFrom(table).select('userId').where('userId', '=', victim.id).execute(),
				table
			).toEqual([]);
		const kept = await t.db
			.selectFrom('materials')
			.select('authorId')
			.where('authorId', '=', victim.id)
			.execute();
		expect(kept).toHaveLength(1);
		const proposal = await t.db
			.selectFrom('proposals')
			.select('body')
			.where('authorId', '=', victim.id)
			.executeTakeFirstOrThrow();
		expect(proposal.body).toBe(`Автору: ${keptName} (${after.email})`);
		const event = await t.db
			.selectFrom('securityEvents')
			.selectAll()
			.where('kind', '=', 'personal_data_erased')
			.where('userId', '=', victim.id)
			.executeTakeFirstOrThrow();
		expect(event.actorId).toBe(w.admin.id);
		expect(event.detail ?? '').not.toContain(name);

		// Once is enough.
		expect(
			(await appError(erase(w.admin, { userId: victim.id, confirmEmail: after.email }))).code
		).toBe('conflict');
	});

	it('needs the person’s address typed and the admin’s own password, on the fields', async () => {
		const victim = await makeUser(t.db, { schoolId: w.schoolId, role: 'teacher' });
		const wrongEmail = await appError(
			erase(w.admin, { userId: victim.id, confirmEmail: 'x@y.kg' })
		);
		expect([wrongEmail.code, wrongEmail.field]).toEqual(['invalid', 'confirmEmail']);
		const wrongPassword = await appError(
			erase(w.admin, { userId: victim.id, confirmEmail: victim.email, password: 'not it at all' })
		);
		expect([wrongPassword.code, wrongPassword.field]).toEqual(['invalid', 'password']);
		const noName = await appError(
			erase(w.admin, { userId: victim.id, confirmEmail: victim.email, keptName: ' ' })
		);
		expect(noName.code).toBe('invalid');
		const still = await t.db
			.selectFrom('users')
			.select(['email', 'erasedAt'])
			.where('id', '=', victim.id)
			.executeTakeFirstOrThrow();
		expect(still).toEqual({ email: victim.email, erasedAt: null });
	});

	it('is refused to another school, to teachers, to oneself, and for the last admin or operator', async () => {
		const victim = await makeUser(t.db, { schoolId: w.schoolId, role: 'teacher' });
		const to = { userId: victim.id, confirmEmail: victim.email };
		expect((await appError(erase(w.otherAdmin, to))).code).toBe('not_found');
		expect((await appError(erase(w.member, to))).code).toBe('not_found');
		expect(
			(await appError(erase(w.admin, { userId: w.admin.id, confirmEmail: w.admin.email }))).code
		).toBe('forbidden');
		// A school admin never reaches the operator; the operator never erases the last one.
		const operator = await makeUser(t.db, { schoolId: null, role: null, isOperator: true });
		const anotherOperator = actorOf(
			await makeUser(t.db, { schoolId: null, role: null, isOperator: true })
		);
		expect(
			(await appError(erase(w.admin, { userId: operator.id, confirmEmail: operator.email }))).code
		).toBe('not_found');
		// The only other active admin of a school: it would lose its administration.
		const lone = await makeUser(t.db, { schoolId: w.otherSchoolId, role: 'teacher' });
		await t.db.updateTable('users').set({ isActive: false }).where('id', '=', lone.id).execute();
		const error = await appError(
			erase(anotherOperator, { userId: w.otherAdmin.id, confirmEmail: w.otherAdmin.email })
		);
		expect([error.code, error.messageKey]).toEqual(['conflict', 'error_last_admin']);
		// Two operators: one may erase the other, leaving one.
		await t.db
			.updateTable('users')
			.set({ isActive: false })
			.where('isOperator', '=', true)
			.where('id', 'not in', [operator.id, anotherOperator.id])
			.execute();
		await erase(anotherOperator, { userId: operator.id, confirmEmail: operator.email });
		const gone = await t.db
			.selectFrom('users')
			.select(['isOperator', 'isActive'])
			.where('id', '=', operator.id)
			.executeTakeFirstOrThrow();
		expect(gone).toEqual({ isOperator: false, isActive: false });
	});
});

describe('exporting a person’s data', () => {
	it('gives the person every declared table’s rows about them, without secrets', async () => {
		const user = await busyTeacher('Сыдыкова Нургүл');
		const data = await exportPersonalData(ctxOf(t.db, actorOf(user)), { userId: user.id });
		const text = JSON.stringify(data);
		expect(data.tables.users).toHaveLength(1);
		expect(data.tables.users?.[0]).toMatchObject({
			email: user.email,
			fullName: 'Сыдыкова Нургүл'
		});
		expect(text).not.toContain(user.passwordHash);
		expect(text).not.toMatch(/passwordHash|tokenHash|codeHash|secretKeyMaterial/);
		expect(data.tables.materials).toHaveLength(1);
		expect(data.tables.proposals).toHaveLength(1);
		expect(data.tables.sessions?.[0]).not.toHaveProperty('id');
		expect(data.tables.mail_throttle).toHaveLength(1);
		expect(Object.keys(data.notExported)).toContain('audit_log');
		const event = await t.db
			.selectFrom('securityEvents')
			.selectAll()
			.where('kind', '=', 'personal_data_exported')
			.where('userId', '=', user.id)
			.executeTakeFirstOrThrow();
		expect(event.actorId).toBeNull();
	});

	it('lets the school’s admin and the operator export for a request, nobody else', async () => {
		const user = await makeUser(t.db, { schoolId: w.schoolId, role: 'teacher' });
		const asAdmin = await exportPersonalData(ctxOf(t.db, w.admin), {
			userId: user.id,
			ip: '10.1.1.1'
		});
		expect(asAdmin.userId).toBe(user.id);
		const event = await t.db
			.selectFrom('securityEvents')
			.selectAll()
			.where('kind', '=', 'personal_data_exported')
			.where('userId', '=', user.id)
			.executeTakeFirstOrThrow();
		expect([event.actorId, event.ip]).toEqual([w.admin.id, '10.1.1.1']);
		const operator = actorOf(
			await makeUser(t.db, { schoolId: null, role: null, isOperator: true })
		);
		await expect(
			exportPersonalData(ctxOf(t.db, operator), { userId: user.id })
		).resolves.toBeTruthy();
		for (const actor of [w.otherAdmin, w.member, w.scientist])
			expect(
				(await appError(exportPersonalData(ctxOf(t.db, actor), { userId: user.id }))).code
			).toBe('not_found');
	});
});

describe('security events pages', () => {
	it('show each administration its school’s events, the operator all, teachers none', async () => {
		const mine = await makeUser(t.db, { schoolId: w.schoolId, role: 'teacher' });
		const theirs = await makeUser(t.db, { schoolId: w.otherSchoolId, role: 'teacher' });
		for (const user of [mine, theirs])
			await exportPersonalData(ctxOf(t.db, actorOf(user)), { userId: user.id, ip: '10.2.2.2' });
		const ofSchool = await listSecurityEvents(ctxOf(t.db, w.admin), {
			scope: 'school',
			kind: 'personal_data_exported'
		});
		const ids = ofSchool.events.map((e) => e.userId);
		expect(ids).toContain(mine.id);
		expect(ids).not.toContain(theirs.id);
		expect(ofSchool.events.find((e) => e.userId === mine.id)).toMatchObject({
			userName: mine.fullName,
			actorId: null,
			ip: '10.2.2.2'
		});
		const operator = actorOf(
			await makeUser(t.db, { schoolId: null, role: null, isOperator: true })
		);
		const all = await listSecurityEvents(ctxOf(t.db, operator), { scope: 'deployment' });
		expect(all.events.map((e) => e.userId)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
		expect(
			(await appError(listSecurityEvents(ctxOf(t.db, w.member), { scope: 'school' }))).code
		).toBe('forbidden');
		expect(
			(await appError(listSecurityEvents(ctxOf(t.db, w.admin), { scope: 'deployment' }))).code
		).toBe('forbidden');
		expect(
			(
				await appError(
					listSecurityEvents(ctxOf(t.db, w.admin), { scope: 'school', kind: 'drop' as 'sign_in' })
				)
			).code
		).toBe('invalid');
	});

	it('the audit log pages do not show an erased person’s old name and address', async () => {
		const name = 'Токтосунова Элмира';
		const victim = await makeUser(t.db, { schoolId: w.schoolId, role: 'teacher', fullName: name });
		await erase(w.admin, { userId: victim.id, keptName: 'Э. Т.', confirmEmail: victim.email });
		const log = await listAuditLog(ctxOf(t.db, w.admin), {
			scope: 'school',
			table: 'users',
			timeZone: 'Asia/Bishkek'
		});
		const own = log.entries.filter((e) => e.rowId === victim.id);
		expect(own.length).toBeGreaterThan(0);
		// The log itself keeps them (append-only); the page does not show them.
		expect(JSON.stringify(own)).toContain(victim.email);
		const shown = await maskErased(t.db, own, '(erased)');
		expect(JSON.stringify(shown)).not.toContain(victim.email);
		expect(JSON.stringify(shown)).not.toContain(name);
	});
});

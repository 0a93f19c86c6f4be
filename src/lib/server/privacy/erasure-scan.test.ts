import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onPostgres } from '../db/audit-capture';
import { seedDemo, demoPassword, type DemoAccount } from '../demo/seed';
import { signIn } from '../domain/accounts/sign-in';
import { anonymousCtxOf, ctxOf } from '../test/context';
import { actorOf } from '../test/factories';
import { tempStore } from '../test/materials';
import { testSeal } from '../test/votes';
import { useTestDatabase } from '../test/vitest';
import { asId, type UserId } from '../domain/ids';
import type { DB } from '../db/types';
import { ERASED_EMAIL_DOMAIN, erasePersonalData } from './erase-personal-data';
import { initialsOf } from './initials';
import { liveColumns } from './schema';

// Erasure on the demo school, a realistic picture of every kind of record: after it, no
// column of any table (text columns, all of them, not only the declared ones) still holds
// the person's old address or name, except the append-only audit log (docs/personal-data.md).

const t = useTestDatabase();
const { store, root } = tempStore();
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The audit log and its intake keep old values: append-only and hash-chained. */
const exempt = new Set(['audit_log', 'audit_pending']);

let accounts: DemoAccount[] = [];
beforeAll(async () => {
	accounts = await seedDemo(t.db, store, testSeal());
}, 120_000);

/** Every table.column whose text holds `needle`. */
async function whereFound(db: DB, needle: string): Promise<string[]> {
	const found: string[] = [];
	const raw = db.withoutPlugins();
	const postgres = onPostgres(db);
	for (const c of await liveColumns(db)) {
		if (!c.isText || exempt.has(c.table)) continue;
		const column = sql.ref(c.column);
		const { rows } = await sql<{ n: number }>`
			select count(*) as n from ${sql.table(c.table)}
			where ${postgres ? sql`strpos(${column}, ${needle})` : sql`instr(${column}, ${needle})`} > 0`.execute(
			raw
		);
		if (Number(rows[0]?.n) > 0) found.push(`${c.table}.${c.column}`);
	}
	return found;
}

/** The demo teacher who authored the most: their name is copied into the most records. */
async function busiestTeacher(db: DB) {
	const rows = await db
		.selectFrom('materialAuthors as a')
		.innerJoin('users as u', 'u.id', 'a.userId')
		.select(['u.id', 'u.email', 'u.fullName', 'u.schoolId'])
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('u.role', '=', 'teacher')
		.groupBy(['u.id', 'u.email', 'u.fullName', 'u.schoolId'])
		.orderBy('n', 'desc')
		.execute();
	return rows[0];
}

describe('erasing a person of the demo school', () => {
	it('leaves no copy of their address or name outside the audit log; authorship stays', async () => {
		const victim = await busiestTeacher(t.db);
		if (!victim) throw new Error('the demo has no teacher who authored');
		const adminAccount = accounts.find((a) => a.role === 'admin')!;
		const admin = await t.db
			.selectFrom('users')
			.selectAll()
			.where('email', '=', adminAccount.email.toLowerCase())
			.executeTakeFirstOrThrow();
		expect(admin.schoolId).toBe(victim.schoolId);
		// The person has signed in: a session with their browser and address.
		await signIn(anonymousCtxOf(t.db), {
			email: victim.email,
			password: demoPassword,
			ip: '10.9.8.7',
			userAgent: 'Firefox'
		});

		// The test means something: before, the name is copied beyond the users table.
		const before = await whereFound(t.db, victim.fullName);
		expect(before.filter((c) => !c.startsWith('users.')).length).toBeGreaterThan(0);

		const keptName = initialsOf(victim.fullName);
		await erasePersonalData(ctxOf(t.db, actorOf(admin)), {
			userId: asId<UserId>(victim.id),
			keptName,
			confirmEmail: victim.email,
			password: demoPassword,
			ip: '10.0.0.1'
		});

		expect(await whereFound(t.db, victim.email)).toEqual([]);
		expect(await whereFound(t.db, victim.fullName)).toEqual([]);

		const after = await t.db
			.selectFrom('users')
			.selectAll()
			.where('id', '=', victim.id)
			.executeTakeFirstOrThrow();
		expect(after.fullName).toBe(keptName);
		expect(after.email.endsWith(`@${ERASED_EMAIL_DOMAIN}`)).toBe(true);
		expect(after.isActive).toBe(false);
		expect(after.erasedAt).toBeInstanceOf(Date);
		for (const table of [
			'sessions',
			'twoFactorSecrets',
			'recoveryCodes',
			'telegramLinks',
			'calendarFeeds',
			'notificationPreferences',
			'deliveries',
			'userSubjects'
		] as const) {
			const { n } = await t.db
				.selectFrom(table)
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('userId', '=', victim.id)
				.executeTakeFirstOrThrow();
			expect(Number(n), table).toBe(0);
		}
		// What the group's record keeps: authorship, under the kept name.
		const authored = await t.db
			.selectFrom('materialAuthors')
			.select('materialId')
			.where('userId', '=', victim.id)
			.execute();
		expect(authored.length).toBeGreaterThan(0);
		const event = await t.db
			.selectFrom('securityEvents')
			.selectAll()
			.where('kind', '=', 'personal_data_erased')
			.where('userId', '=', victim.id)
			.executeTakeFirstOrThrow();
		expect(event.actorId).toBe(admin.id);
		// The old address signs nobody in.
		await expect(
			signIn(anonymousCtxOf(t.db), { email: victim.email, password: demoPassword, ip: '10.9.8.6' })
		).rejects.toThrow();
	}, 120_000);
});

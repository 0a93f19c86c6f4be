import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor';
import { installAuditTriggers, withAuditContext } from '../db/audit-capture';
import { registerJob, runJobsUntilIdle } from '../jobs/runner';
import { enqueueJob } from '../jobs/queue';
import { tempStore } from '../test/materials';
import { changePassword } from '../domain/accounts/change-password';
import { addPlanItem } from '../domain/plan/add-plan-item';
import { updatePlanItem } from '../domain/plan/update-plan-item';
import { castBallot } from '../domain/votes/cast-ballot';
import { openVote } from '../domain/votes/open-vote';
import { asId, type PlanItemId, type VoteId, type VoteOptionId } from '../domain/ids';
import { ctxOf } from '../test/context';
import { testPassword } from '../test/factories';
import { makeGroupWorld, type GroupWorld } from '../test/groups';
import { testSeal } from '../test/votes';
import { appError } from '../test/expect-error';
import { useTestDatabase } from '../test/vitest';
import { exportAuditLog } from './export-audit-log';
import { listAuditLog } from './list-audit-log';
import { sealPending } from './seal';
import { auditCsv, readAuditFilters } from './web';
import { verifyChain } from './verify';

const t = useTestDatabase();
let w: GroupWorld;
const as = (actor: Actor) => ctxOf(t.db, actor);
/** Runs `work` as a request of `actor` would (hooks.server.ts sets this context). */
const inRequest = <T>(actor: Actor | null, requestId: string, work: () => Promise<T>) =>
	withAuditContext({ requestId, actorId: () => actor?.id ?? null }, work);

beforeEach(async () => {
	w = await makeGroupWorld(t.db);
	await sealPending(t.db);
});

const entriesOf = async (requestId: string) =>
	(
		await t.db
			.selectFrom('auditLog')
			.selectAll()
			.where('requestId', '=', requestId)
			.orderBy('seq')
			.execute()
	).map((e) => ({ ...e, changes: JSON.parse(e.changes) as Record<string, [unknown, unknown]> }));

const passwordHashOf = async (id: string) =>
	(
		await t.db
			.selectFrom('users')
			.select('passwordHash')
			.where('id', '=', id)
			.executeTakeFirstOrThrow()
	).passwordHash;
const timeZone = 'Asia/Bishkek';
const appErrorCode = async (p: Promise<unknown>) => ((await appError(p)) as { code: string }).code;

const planItem = async () =>
	(
		await addPlanItem(as(w.leader), {
			groupId: w.groupId,
			kind: 'seminar',
			title: 'Семинар',
			dueOn: '2026-12-20',
			notes: ''
		})
	).itemId;

describe('the audit log', () => {
	it("records a use case's change with who, the request and only the fields that changed", async () => {
		const itemId = asId<PlanItemId>(await inRequest(w.leader, 'req-add', planItem));
		await inRequest(w.leader, 'req-edit', () =>
			updatePlanItem(as(w.leader), {
				groupId: w.groupId,
				itemId,
				kind: 'seminar',
				title: 'Семинар (жаңы аталышы)',
				dueOn: '2026-12-20',
				status: 'planned',
				notes: ''
			})
		);
		await sealPending(t.db);
		const [added] = await entriesOf('req-add');
		expect(added).toMatchObject({
			actorId: w.leader.id,
			tableName: 'plan_items',
			op: 'insert',
			rowId: itemId,
			groupId: w.groupId,
			schoolId: w.schoolId
		});
		expect(added!.changes.title).toEqual([null, 'Семинар']);
		const edits = await entriesOf('req-edit');
		expect(edits).toHaveLength(1);
		expect(edits[0]).toMatchObject({ actorId: w.leader.id, op: 'update', rowId: itemId });
		expect(Object.keys(edits[0]!.changes).sort()).toEqual(['title', 'updated_at']);
		expect(edits[0]!.changes.title).toEqual(['Семинар', 'Семинар (жаңы аталышы)']);
		expect((await verifyChain(t.db)).ok).toBe(true);
	});

	it('never holds a password, a token or a ballot', async () => {
		const hashBefore = await passwordHashOf(w.member.id);
		await inRequest(w.member, 'req-password', () =>
			changePassword(as(w.member), {
				currentPassword: testPassword,
				newPassword: 'жаңы сырсөз абдан узун',
				currentSessionId: undefined
			} as never)
		);
		const seal = testSeal();
		const { voteId } = await inRequest(w.leader, 'req-open', () =>
			openVote({ ...as(w.leader) }, { groupId: w.groupId, question: 'Макулбузбу?', kind: 'yes_no' })
		);
		const [option] = await t.db
			.selectFrom('voteOptions')
			.select('id')
			.where('voteId', '=', voteId)
			.execute();
		await inRequest(w.member, 'req-ballot', () =>
			castBallot(as(w.member), {
				groupId: w.groupId,
				voteId: asId<VoteId>(voteId),
				choices: [asId<VoteOptionId>(option!.id)],
				seal
			})
		);
		await sealPending(t.db);
		// The password did change, and the ballot was cast: neither left a trace.
		expect(await passwordHashOf(w.member.id)).not.toBe(hashBefore);
		expect(await t.db.selectFrom('ballots').select('voterId').execute()).toHaveLength(1);
		// The change is told as a security event; the hash itself leaves no trace.
		const told = await entriesOf('req-password');
		expect(told.map((e) => [e.tableName, e.changes.kind?.[1]])).toEqual([
			['security_events', 'password_changed']
		]);
		const hashAfter = await passwordHashOf(w.member.id);
		expect(await entriesOf('req-ballot')).toEqual([]);
		expect((await entriesOf('req-open')).map((e) => e.tableName)).toContain('votes');
		const all = await t.db.selectFrom('auditLog').select(['tableName', 'changes']).execute();
		expect(all.some((e) => e.tableName === 'ballots' || e.tableName === 'sessions')).toBe(false);
		expect(all.some((e) => /password_hash|token_hash|"sealed"/.test(e.changes))).toBe(false);
		expect(all.some((e) => e.changes.includes(hashBefore) || e.changes.includes(hashAfter))).toBe(
			false
		);
	});

	it('detects an entry edited behind its back', async () => {
		await inRequest(w.leader, 'req-a', planItem);
		await inRequest(w.leader, 'req-b', planItem);
		const verified = await verifyChain(t.db);
		expect(verified.ok).toBe(true);
		const [target] = await entriesOf('req-b');
		// The database refuses: append-only.
		await expect(
			t.db.updateTable('auditLog').set({ changes: '{}' }).where('seq', '=', target!.seq).execute()
		).rejects.toThrow(/append-only/);
		await expect(
			t.db.deleteFrom('auditLog').where('seq', '=', target!.seq).execute()
		).rejects.toThrow(/append-only/);
		// Someone with the database's keys drops the guard and edits an "after" value.
		const forged = JSON.stringify({ ...target!.changes, title: [null, 'Подделка'] });
		if (t.handle.dialect === 'postgres') {
			await sql`alter table audit_log disable trigger audit_log_guard`.execute(t.db);
			await sql`update audit_log set changes = ${forged} where seq = ${target!.seq}`.execute(t.db);
			await sql`alter table audit_log enable trigger audit_log_guard`.execute(t.db);
		} else {
			await sql`drop trigger audit_log_no_update`.execute(t.db);
			await sql`update audit_log set changes = ${forged} where seq = ${target!.seq}`.execute(t.db);
			await sql`create trigger audit_log_no_update before update on audit_log
				begin select raise(abort, 'audit_log is append-only'); end`.execute(t.db);
		}
		expect(await verifyChain(t.db)).toMatchObject({
			ok: false,
			broken: { seq: target!.seq, reason: 'hash' }
		});
	});
});

describe('reading the log', () => {
	it("the administration sees its own school's entries only; the operator all; a teacher none", async () => {
		await inRequest(w.leader, 'req-a', planItem);
		const schoolB = await listAuditLog(as(w.otherAdmin), { scope: 'school', timeZone });
		expect(schoolB.entries.filter((e) => e.groupId === w.groupId)).toEqual([]);
		expect(schoolB.entries.some((e) => e.requestId === 'req-a')).toBe(false);
		const schoolA = await listAuditLog(as(w.admin), { scope: 'school', timeZone });
		expect(schoolA.entries[0]).toMatchObject({ requestId: 'req-a', actorName: w.leader.fullName });
		// Another school's group or person named in the filters finds nothing either.
		const probing = await listAuditLog(as(w.otherAdmin), {
			scope: 'school',
			groupId: w.groupId,
			person: w.leader.email,
			timeZone
		});
		expect(probing.entries).toEqual([]);
		expect(
			await appErrorCode(listAuditLog(as(w.otherAdmin), { scope: 'deployment', timeZone }))
		).toBe('forbidden');
		expect(await appErrorCode(listAuditLog(as(w.leader), { scope: 'school', timeZone }))).toBe(
			'forbidden'
		);
		const operator = {
			...w.admin,
			id: w.scientist.id,
			schoolId: null,
			role: null,
			isOperator: true
		};
		const all = await listAuditLog(as(operator), { scope: 'deployment', timeZone });
		expect(all.entries.some((e) => e.requestId === 'req-a')).toBe(true);
	});

	it('filters by person, group, kind, table and period, a page at a time', async () => {
		await inRequest(w.leader, 'req-a', planItem);
		await inRequest(w.admin, 'req-b', planItem);
		const by = (filters: Record<string, unknown>) =>
			listAuditLog(as(w.admin), { scope: 'school', timeZone, ...filters }).then((p) =>
				p.entries.map((e) => e.requestId)
			);
		expect(await by({ person: w.admin.id, table: 'plan_items' })).toEqual(['req-b']);
		expect(await by({ person: w.leader.email, table: 'plan_items', op: 'insert' })).toEqual([
			'req-a'
		]);
		expect(await by({ groupId: w.groupId, table: 'plan_items' })).toEqual(['req-b', 'req-a']);
		expect(await by({ table: 'plan_items', op: 'delete' })).toEqual([]);
		expect(await by({ table: 'plan_items', from: '2000-01-01', to: '2000-12-31' })).toEqual([]);
		const today = new Date().toISOString().slice(0, 10);
		expect(await by({ table: 'plan_items', from: '2000-01-01', to: '2999-12-31' })).toHaveLength(2);
		expect(await by({ table: 'plan_items', from: today })).toHaveLength(2);
		const first = await listAuditLog(as(w.admin), { scope: 'school', timeZone });
		expect(first.page).toBe(1);
		// Bad filters from a hand-edited address are named, not applied; the page still opens.
		const read = readAuditFilters(
			new URL('http://x/admin/audit?from=yesterday&op=update&page=-3&table=DROP')
		);
		expect(read).toMatchObject({ filters: { op: 'update' }, invalid: ['table', 'from'], page: 1 });
	});

	it('exports the filtered log as CSV: BOM, RFC 4180 quoting, formulas neutralized', async () => {
		await inRequest(w.leader, 'req-csv', () =>
			addPlanItem(as(w.leader), {
				groupId: w.groupId,
				kind: 'seminar',
				title: '=HYPERLINK("http://evil","клик"), ой',
				dueOn: '2026-12-20',
				notes: ''
			})
		);
		const entries = await exportAuditLog(as(w.admin), {
			scope: 'school',
			table: 'plan_items',
			timeZone
		});
		expect(entries).toHaveLength(1);
		const csv = auditCsv(entries);
		expect(csv.startsWith('\ufeff')).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines[0]!.split(',')).toHaveLength(11);
		expect(csv).toContain(w.leader.fullName);
		expect(csv).toContain('req-csv');
		// The changes cell quotes its commas, newlines and doubled quotes.
		expect(csv).toContain('title:  → =HYPERLINK(""http://evil"",""клик""), ой');
		// A cell that starts like a formula is neutralized.
		const person = { ...w.leader, fullName: '=cmd|calc' };
		await t.db
			.updateTable('users')
			.set({ fullName: person.fullName })
			.where('id', '=', w.leader.id)
			.execute();
		const again = auditCsv(
			await exportAuditLog(as(w.admin), { scope: 'school', table: 'plan_items', timeZone })
		);
		expect(again).toContain("'=cmd|calc");
	});
});

describe('what the capture covers', () => {
	it("a job's changes carry the job as their request", async () => {
		registerJob('test.audit', async (_job, { db }) => {
			await db
				.updateTable('groups')
				.set({ theme: 'Жумуштун темасы' })
				.where('id', '=', w.groupId)
				.execute();
		});
		const { store } = tempStore();
		await enqueueJob(t.db, 'test.audit', {});
		await runJobsUntilIdle(t.db, store);
		await sealPending(t.db);
		const [entry] = await t.db
			.selectFrom('auditLog')
			.selectAll()
			.where('tableName', '=', 'groups')
			.where('op', '=', 'update')
			.orderBy('seq', 'desc')
			.execute();
		expect(entry!.requestId).toMatch(/^job:test\.audit:/);
		expect(entry!.actorId).toBeNull();
		expect(entry).toMatchObject({ groupId: w.groupId, schoolId: w.schoolId });
		expect(Object.keys(JSON.parse(entry!.changes) as object)).toEqual(['theme']);
	});

	it('a table a later migration adds is covered once the triggers are made again', async () => {
		await sql`create table audit_probe (id text primary key, note text, api_token text)`.execute(
			t.db
		);
		await installAuditTriggers(t.db, t.handle.dialect === 'postgres');
		await inRequest(w.admin, 'req-probe', async () => {
			await sql`insert into audit_probe values ('p1', 'бир', 'secret-token')`.execute(t.db);
		});
		await sealPending(t.db);
		const [entry] = await entriesOf('req-probe');
		expect(entry).toMatchObject({ tableName: 'audit_probe', rowId: 'p1', actorId: w.admin.id });
		expect(entry!.changes).toEqual({ id: [null, 'p1'], note: [null, 'бир'] });
		await sql`drop table audit_probe`.execute(t.db);
	});
});

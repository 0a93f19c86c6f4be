import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { materialStatuses } from '../db/types';
import { useTestDatabase } from '../test/vitest';
import { tempStore } from '../test/materials';
import { signIn } from '../domain/accounts/sign-in';
import { demoPassword, seedDemo } from './seed';

const t = useTestDatabase();
const { store, root } = tempStore();
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('demo seed', () => {
	it('makes a Kyrgyz school whose every printed account can sign in', async () => {
		const accounts = await seedDemo(t.db, store);
		const roles = accounts.map((a) => a.role);
		expect(roles.filter((r) => r === 'admin')).toHaveLength(2);
		expect(roles.filter((r) => r === 'teacher')).toHaveLength(12);
		expect(roles.filter((r) => r === 'scientist')).toHaveLength(1);
		expect(accounts.some((a) => /[ңөү]/i.test(a.fullName))).toBe(true);
		for (const account of accounts.slice(0, 3))
			await expect(
				signIn(t.db, { email: account.email, password: demoPassword }, { ip: '10.0.0.1' })
			).resolves.toBeTruthy();
		const subjects = await t.db.selectFrom('userSubjects').select('userId').execute();
		expect(subjects.length).toBeGreaterThanOrEqual(15);
		const inactive = await t.db
			.selectFrom('users')
			.select('id')
			.where('isActive', '=', false)
			.execute();
		expect(inactive).toHaveLength(1);
	});

	it('gives the school two active groups and a closed one, with history, plans and minutes', async () => {
		const groups = await t.db.selectFrom('groups').select(['id', 'name', 'closedAt']).execute();
		expect(groups.filter((g) => g.closedAt === null)).toHaveLength(2);
		expect(groups.filter((g) => g.closedAt !== null)).toHaveLength(1);
		const events = await t.db
			.selectFrom('groupEvents')
			.select(['kind', 'previousUserId'])
			.execute();
		expect(events.some((e) => e.kind === 'leader_changed' && e.previousUserId)).toBe(true);
		expect(events.filter((e) => e.kind === 'left')).toHaveLength(1);
		const pending = await t.db
			.selectFrom('membershipRequests')
			.select('kind')
			.where('status', '=', 'pending')
			.execute();
		expect(pending.map((p) => p.kind).sort()).toEqual(['invitation', 'request']);
		const meetings = await t.db.selectFrom('meetings').select('id').execute();
		expect(meetings).toHaveLength(2);
		const decided = await t.db
			.selectFrom('meetingAgendaItems')
			.select('decided')
			.where('decided', '!=', '')
			.execute();
		expect(decided.length).toBeGreaterThanOrEqual(3);
		const plan = await t.db.selectFrom('planItems').select(['dueOn', 'status']).execute();
		const today = new Date().toISOString().slice(0, 10);
		expect(plan.some((i) => i.status === 'planned' && i.dueOn < today)).toBe(true);
		expect(plan.some((i) => i.status === 'planned' && i.dueOn > today)).toBe(true);
	});

	it('gives the active groups materials in every status, with files, versions, reviews and threads', async () => {
		const materials = await t.db
			.selectFrom('materials')
			.select(['id', 'groupId', 'language', 'status', 'versionNumber'])
			.execute();
		expect(materials.length).toBeGreaterThanOrEqual(20);
		expect(new Set(materials.map((m) => m.groupId)).size).toBe(2);
		expect(new Set(materials.map((m) => m.language))).toEqual(new Set(['ky', 'ru']));
		expect(new Set(materials.map((m) => m.status))).toEqual(new Set(materialStatuses));
		expect(Math.max(...materials.map((m) => m.versionNumber))).toBeGreaterThanOrEqual(2);

		const attachments = await t.db
			.selectFrom('materialAttachments')
			.select(['blobKey', 'size', 'kind', 'hasThumbnail'])
			.where('removedAt', 'is', null)
			.execute();
		expect(attachments.length).toBeGreaterThanOrEqual(5);
		expect(new Set(attachments.map((a) => a.kind))).toEqual(new Set(['docx', 'pdf', 'png']));
		for (const a of attachments) expect(await store.size(a.blobKey)).toBe(Number(a.size));
		expect(attachments.some((a) => a.hasThumbnail)).toBe(true);

		// One material was reviewed on more than one of its versions, the scientist among others.
		const reviews = await t.db
			.selectFrom('reviews')
			.innerJoin('users', 'users.id', 'reviews.reviewerId')
			.select(['reviews.materialId', 'reviews.versionNumber', 'users.role'])
			.execute();
		const versions = new Map<string, Set<number>>();
		for (const r of reviews)
			versions.set(r.materialId, (versions.get(r.materialId) ?? new Set()).add(r.versionNumber));
		expect([...versions.values()].some((v) => v.size >= 2)).toBe(true);
		expect(reviews.some((r) => r.role === 'scientist')).toBe(true);
		const scores = await t.db.selectFrom('reviewScores').select('score').execute();
		expect(new Set(scores.map((s) => s.score)).size).toBeGreaterThanOrEqual(3);

		const replies = await t.db
			.selectFrom('materialComments')
			.select('id')
			.where('parentId', 'is not', null)
			.execute();
		expect(replies.length).toBeGreaterThanOrEqual(1);
		const reasons = await t.db
			.selectFrom('materialEvents')
			.select(['toStatus', 'reason'])
			.where('kind', '=', 'status')
			.execute();
		for (const to of ['revision_requested', 'accepted', 'archived'] as const)
			expect(reasons.some((e) => e.toStatus === to && (e.reason ?? '').length >= 3)).toBe(true);
	});
});

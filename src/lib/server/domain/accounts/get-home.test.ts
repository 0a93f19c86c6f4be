import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import { makeGroupWorld } from '../../test/groups';
import { ctxWithStore, offeredMaterial, tempStore } from '../../test/materials';
import { inviteTeacher } from '../groups/invite-teacher';
import { requestToJoin } from '../groups/request-to-join';
import { decideMaterial } from '../materials/decide-material';
import { addPlanItem } from '../plan/add-plan-item';
import { requestPublication } from '../publications/request-publication';
import { openVote } from '../votes/open-vote';
import { ctxOf } from '../../test/context';
import { actorOf, makeSchool, makeUser } from '../../test/factories';
import { asId, type SubjectId } from '../ids';
import { useTestDatabase } from '../../test/vitest';
import { createInvitation } from './create-invitation';
import { getHome } from './get-home';
import { updateProfile } from './update-profile';

const t = useTestDatabase();

describe('home page', () => {
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

		const home = await getHome(ctxOf(t.db, admin));
		expect(home).toMatchObject({ schoolName: 'Ош шаарындагы №1 мектеп', profileIncomplete: true });
		expect(home.admin).toEqual({ activeStaff: 2, pendingInvitations: 1 });
		expect(home.operator?.schools).toBeGreaterThanOrEqual(1);

		await updateProfile(ctxOf(t.db, teacher), {
			fullName: teacher.fullName,
			subjects: [asId<SubjectId>('music')],
			locale: 'ky'
		});
		expect(await getHome(ctxOf(t.db, teacher))).toEqual({
			schoolName: 'Ош шаарындагы №1 мектеп',
			profileIncomplete: false,
			admin: null,
			operator: null,
			waiting: []
		});
	});

	it('works for an account of no school', async () => {
		const scientist = actorOf(await makeUser(t.db, { schoolId: null, role: 'scientist' }));
		expect(await getHome(ctxOf(t.db, scientist))).toEqual({
			schoolName: null,
			profileIncomplete: true,
			admin: null,
			operator: null,
			waiting: []
		});
	});
});

describe('what is waiting for you', () => {
	const { store, root } = tempStore();
	afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

	it('names each thing that waits for the person, with its group, and links to it', async () => {
		const w = await makeGroupWorld(t.db);
		const now = new Date('2026-11-20T09:00:00Z');
		const as = (actor: Actor) => ctxWithStore(t.db, actor, store, now);
		const waiting = async (actor: Actor) =>
			(await getHome(as(actor), { today: '2026-11-20' })).waiting.map((i) => ({
				kind: i.kind,
				subject: i.subject,
				href: i.href,
				group: i.groupName,
				...(i.person ? { person: i.person } : {}),
				...(i.closesAt ? { closesAt: i.closesAt.toISOString() } : {}),
				...(i.dueOn ? { dueOn: i.dueOn, isOverdue: i.isOverdue } : {})
			}));
		const g = `/groups/${w.groupId}`;
		const group = 'Функционалдык сабаттуулук';
		expect(await waiting(w.member)).toEqual([]);

		// An invitation for a teacher of the school; a request to join from another.
		await inviteTeacher(as(w.leader), { groupId: w.groupId, userId: w.staff.id });
		const asking = actorOf(
			await makeUser(t.db, { schoolId: w.schoolId, fullName: 'Асель Калыкова' })
		);
		await requestToJoin(as(asking), { groupId: w.groupId, message: 'Кошулгум келет' });

		// Materials: one offered, one sent back for revision, one under review.
		const offer = (title: string) => offeredMaterial(t.db, store, w.member, w.groupId, { title });
		const offered = await offer('Оюн аркылуу сабак');
		const revised = await offer('Окуу сабаттуулугу');
		const reviewed = await offer('Математикалык оюндар');
		const published = await offer('Жарыялана турган иш');
		const decide = (
			materialId: typeof offered,
			to: 'revision_requested' | 'under_review' | 'accepted'
		) =>
			decideMaterial(as(w.leader), {
				groupId: w.groupId,
				materialId,
				to,
				version: 1,
				reason: 'Себеби ушундай.'
			});
		await decide(revised, 'revision_requested');
		await decide(reviewed, 'under_review');
		await decide(published, 'accepted');
		const { code } = await requestPublication(as(w.leader), {
			groupId: w.groupId,
			target: { kind: 'material', materialId: published },
			audience: 'public',
			licence: 'cc_by',
			resultsTitle: 'Натыйжалар'
		});

		// A vote closing in two days; plan items overdue, due soon and due later.
		const { voteId } = await openVote(as(w.leader), {
			groupId: w.groupId,
			question: 'Жыйындыны бекитебизби?',
			kind: 'yes_no',
			closesAt: new Date('2026-11-22T12:00:00Z')
		});
		const plan = async (title: string, dueOn: string) =>
			(
				await addPlanItem(as(w.leader), {
					groupId: w.groupId,
					kind: 'seminar',
					title,
					dueOn,
					responsibleId: w.member.id
				})
			).itemId;
		const overdue = await plan('Семинар өткөрүү', '2026-11-18');
		const soon = await plan('Ачык сабак', '2026-11-25');
		await plan('Кийинки жылдын иши', '2027-02-01');

		expect(await waiting(w.staff)).toEqual([
			{ kind: 'invitation', subject: group, href: g, group }
		]);
		expect(await waiting(w.member)).toEqual([
			{
				kind: 'vote',
				subject: 'Жыйындыны бекитебизби?',
				href: `${g}/votes/${voteId}`,
				group,
				closesAt: '2026-11-22T12:00:00.000Z'
			},
			{ kind: 'consent', subject: 'Жарыялана турган иш', href: `/p/${code}`, group },
			{
				kind: 'revision',
				subject: 'Окуу сабаттуулугу',
				href: `${g}/materials/${revised}`,
				group
			},
			{
				kind: 'plan',
				subject: 'Семинар өткөрүү',
				href: `${g}/plan/${overdue}`,
				group,
				dueOn: '2026-11-18',
				isOverdue: true
			},
			{
				kind: 'plan',
				subject: 'Ачык сабак',
				href: `${g}/plan/${soon}`,
				group,
				dueOn: '2026-11-25',
				isOverdue: false
			}
		]);
		const leader = await waiting(w.leader);
		expect(leader.map((i) => [i.kind, i.subject])).toEqual([
			['vote', 'Жыйындыны бекитебизби?'],
			['request', group],
			['offered', 'Оюн аркылуу сабак'],
			['review', 'Математикалык оюндар']
		]);
		expect(leader[1]).toMatchObject({ person: 'Асель Калыкова', href: `${g}/members` });
		expect(leader[2]!.href).toBe(`${g}/materials/${offered}`);

		// Once the scientist has reviewed the current version, it waits for them no more.
		// (The group keeps its votes to its school's members: the scientist has none to cast.)
		expect((await waiting(w.scientist)).map((i) => i.kind)).toEqual(['review']);
		await t.db
			.insertInto('reviews')
			.values({
				id: newId(),
				materialId: reviewed,
				versionNumber: 1,
				reviewerId: w.scientist.id,
				recommendation: 'accept',
				comment: '',
				createdAt: now,
				updatedAt: now
			})
			.execute();
		expect(await waiting(w.scientist)).toEqual([]);
		// Nothing of this group reaches another school.
		expect(await waiting(w.otherAdmin)).toEqual([]);
	});
});

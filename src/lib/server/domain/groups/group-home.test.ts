import { rmSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { appError } from '../../test/expect-error';
import { charter, makeGroupWorld, type GroupWorld } from '../../test/groups';
import { ctxWithStore, offeredMaterial, tempStore } from '../../test/materials';
import { testSeal } from '../../test/votes';
import { useTestDatabase } from '../../test/vitest';
import { asId, type GroupId } from '../ids';
import { createMeeting } from '../meetings/create-meeting';
import { addPlanItem } from '../plan/add-plan-item';
import { castBallot } from '../votes/cast-ballot';
import { openVote } from '../votes/open-vote';
import { closeGroup } from './close-group';
import { createGroup } from './create-group';
import { editCharter } from './edit-charter';
import { getFirstSteps } from './first-steps';
import { getGroupFace } from './get-group-face';
import { getGroupHome } from './get-group-home';
import { inviteTeacher } from './invite-teacher';
import { listGroupCards } from './list-group-cards';

const t = useTestDatabase();
const { store, root } = tempStore();
afterAll(() => rmSync(root, { recursive: true, force: true }));
let w: GroupWorld;
const as = (actor: Actor) => ctxWithStore(t.db, actor, store);
beforeEach(async () => {
	w = await makeGroupWorld(t.db);
});
const today = '2026-11-10';
const home = (actor: Actor, groupId = w.groupId) => getGroupHome(as(actor), { groupId, today });

/** A group just created by the admin: a leader, a theme, nothing else written or done. */
async function youngGroup() {
	const { groupId } = await createGroup(as(w.admin), {
		name: 'Жаш топ',
		theme: 'Сабакта санариптик куралдар',
		problem: '',
		goals: '',
		expectedResults: '',
		strategy: '',
		formsOfWork: '',
		schoolId: w.schoolId,
		startedOn: '2026-09-01',
		leaderId: w.leader.id
	});
	return groupId;
}

describe("the group's face", () => {
	it('has the theme, the leader first among the faces, and the member count', async () => {
		const face = await getGroupFace(as(w.staff), { groupId: w.groupId });
		expect(face.theme).toBe(charter.theme);
		expect(face.leader?.fullName).toBe(w.leader.fullName);
		expect(face.members[0]!.id).toBe(w.leader.id);
		expect(face.memberCount).toBe(3);
		expect(face.members).toHaveLength(3);
		expect(face.canSeeMeetings).toBe(false);
		expect(face.canManage).toBe(false);
		expect((await getGroupFace(as(w.admin), { groupId: w.groupId })).canManage).toBe(true);
	});

	it('is "not found" for another school', async () => {
		expect((await appError(getGroupFace(as(w.otherTeacher), { groupId: w.groupId }))).code).toBe(
			'not_found'
		);
	});

	it('shows the leader as a face on the list of groups', async () => {
		const cards = await listGroupCards(as(w.staff), { filter: 'all' });
		expect(cards.map((c) => [c.name, c.leader?.fullName, c.memberCount])).toEqual([
			[charter.name, w.leader.fullName, 3]
		]);
	});
});

describe('the admin who created a group', () => {
	it('is not offered the join form; a teacher outside the group is', async () => {
		const groupId = await youngGroup();
		const admin = await home(w.admin, groupId);
		expect(admin.myRole).toBeNull();
		expect(admin.can.manage).toBe(true);
		expect(admin.can.requestToJoin).toBe(false);
		const teacher = await home(w.staff, groupId);
		expect(teacher.can.requestToJoin).toBe(true);
		expect(teacher.can.manage).toBe(false);
	});
});

describe("the leader's first steps", () => {
	it('are ticked one by one and go away when all are done', async () => {
		const groupId = await youngGroup();
		const keys = (steps: Awaited<ReturnType<typeof getFirstSteps>>) =>
			steps?.map((s) => `${s.key}:${s.done}`);
		expect(keys(await getFirstSteps(as(w.leader), { groupId }))).toEqual([
			'charter:false',
			'members:false',
			'plan:false',
			'meeting:false'
		]);
		// Only the leader sees them.
		expect(await getFirstSteps(as(w.admin), { groupId })).toBeNull();
		expect((await home(w.admin, groupId)).firstSteps).toBeNull();

		await editCharter(as(w.leader), { groupId, ...charter, name: 'Жаш топ' });
		await inviteTeacher(as(w.leader), { groupId, userId: w.member.id, message: '' });
		expect(keys((await home(w.leader, groupId)).firstSteps)).toEqual([
			'charter:true',
			'members:true',
			'plan:false',
			'meeting:false'
		]);

		await addPlanItem(as(w.leader), {
			groupId,
			kind: 'open_lesson',
			title: 'Ачык сабак',
			dueOn: '2026-11-20',
			responsibleId: w.leader.id,
			notes: ''
		});
		await createMeeting(as(w.leader), {
			groupId,
			heldOn: '2026-11-13',
			startTime: '14:30',
			place: 'Китепкана',
			chairId: w.leader.id,
			secretaryId: w.leader.id,
			invited: '',
			agenda: 'Иш планы'
		});
		expect(await getFirstSteps(as(w.leader), { groupId })).toBeNull();
	});

	it('are not shown in a closed group', async () => {
		const groupId = await youngGroup();
		await closeGroup(as(w.admin), { groupId, reason: 'Жабылды', seal: testSeal() });
		expect(await getFirstSteps(as(w.leader), { groupId })).toBeNull();
	});
});

describe('what waits for a member in the group', () => {
	it('names the vote to cast, the material to review and the next meeting', async () => {
		const seal = testSeal();
		const groupId = asId<GroupId>(w.groupId);
		expect((await home(w.member)).toDo).toEqual({ votes: [], materials: [], nextMeeting: null });

		const { voteId } = await openVote(as(w.leader), {
			groupId,
			question: 'Жыйнакты бекитебизби?',
			kind: 'yes_no',
			closesAt: new Date(Date.now() + 86_400_000)
		});
		await offeredMaterial(t.db, store, w.leader, w.groupId, { title: 'Сабактын планы' });
		await createMeeting(as(w.leader), {
			groupId,
			heldOn: '2026-11-09',
			startTime: '',
			place: '',
			chairId: w.leader.id,
			secretaryId: w.member.id,
			invited: '',
			agenda: 'Өткөн'
		});
		const next = await createMeeting(as(w.leader), {
			groupId,
			heldOn: '2026-11-13',
			startTime: '14:30',
			place: 'Китепкана',
			chairId: w.leader.id,
			secretaryId: w.member.id,
			invited: '',
			agenda: 'Жыйнак'
		});

		const toDo = (await home(w.member)).toDo;
		expect(toDo.votes.map((v) => [v.id, v.question])).toEqual([[voteId, 'Жыйнакты бекитебизби?']]);
		expect(toDo.votes[0]!.closesAt).toBeInstanceOf(Date);
		expect(toDo.materials.map((m) => [m.title, m.authorName])).toEqual([
			['Сабактын планы', w.leader.fullName]
		]);
		expect(toDo.nextMeeting).toMatchObject({ id: next.meetingId, heldOn: '2026-11-13' });

		// The author is not asked to review their own material.
		expect((await home(w.leader)).toDo.materials).toEqual([]);
		// Once cast, the vote no longer waits.
		const yes = await t.db
			.selectFrom('voteOptions')
			.select('id')
			.where('voteId', '=', voteId)
			.where('code', '=', 'yes')
			.executeTakeFirstOrThrow();
		await castBallot(as(w.member), {
			groupId,
			voteId,
			choices: [asId(yes.id)],
			seal
		});
		expect((await home(w.member)).toDo.votes).toEqual([]);
		// A teacher outside the group is asked nothing.
		expect((await home(w.staff)).toDo).toEqual({ votes: [], materials: [], nextMeeting: null });
	});
});

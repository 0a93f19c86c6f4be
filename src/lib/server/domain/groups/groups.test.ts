import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { anonymousCtxOf, ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { actorOf, makeUser } from '../../test/factories';
import { charter, join, makeGroupWorld, type GroupWorld } from '../../test/groups';
import { useTestDatabase } from '../../test/vitest';
import { formInput } from '../../web/form-input';
import { acceptInvitation } from '../accounts/accept-invitation';
import { changeLeader } from './change-leader';
import { closeGroup } from './close-group';
import { createGroup } from './create-group';
import { decideRequest } from './decide-request';
import { editCharter } from './edit-charter';
import { getGroup } from './get-group';
import { getMembership } from './get-membership';
import { groupHistory } from './history';
import { createGroupInput } from './input';
import { inviteExternal } from './invite-external';
import { inviteTeacher } from './invite-teacher';
import { leaveGroup } from './leave-group';
import { listGroups } from './list-groups';
import { listMyGroups } from './list-my-groups';
import { compareRevisions, listRevisions } from './list-revisions';
import { reopenGroup } from './reopen-group';
import { requestToJoin } from './request-to-join';
import { respondToInvitation } from './respond-to-invitation';
import { updateSettings } from './update-settings';
import { withdrawRequest } from './withdraw-request';

const t = useTestDatabase();
let w: GroupWorld;
const as = (actor: Actor) => ctxOf(t.db, actor);
beforeEach(async () => {
	w = await makeGroupWorld(t.db);
});
const roles = async (groupId = w.groupId) =>
	Object.fromEntries(
		(await getMembership(as(w.admin), { groupId })).members.map((m) => [m.fullName, m.role])
	);

describe('creating a group (§3.1, §3.5)', () => {
	it('the admin creates it with a leader: first revision, leader is a member, history starts', async () => {
		const home = await getGroup(as(w.leader), { groupId: w.groupId });
		expect(home.group).toMatchObject({ ...charter, startedOn: '2026-09-01', closedAt: null });
		expect(home.myRole).toBe('leader');
		expect(home.members.map((m) => [m.fullName, m.role])).toContainEqual([
			w.leader.fullName,
			'leader'
		]);
		const { revisions } = await listRevisions(as(w.member), { groupId: w.groupId });
		expect(revisions.map((r) => r.number)).toEqual([1]);
		expect(revisions[0]!.changed).toEqual(Object.keys(charter));
		const kinds = (await groupHistory(t.db, w.groupId)).map((e) => e.kind).reverse();
		expect(kinds.slice(0, 3)).toEqual(['created', 'joined', 'leader_changed']);
	});

	it('only an admin of that school creates, and the leader must be its active staff', async () => {
		const input = {
			...charter,
			schoolId: w.schoolId,
			startedOn: '2026-09-01',
			leaderId: w.leader.id
		};
		for (const actor of [w.leader, w.staff, w.otherAdmin, w.scientist])
			expect((await appError(createGroup(as(actor), input))).code).toBe('forbidden');
		const outsider = await appError(
			createGroup(as(w.admin), { ...input, leaderId: w.otherTeacher.id })
		);
		expect(outsider).toMatchObject({ code: 'invalid', field: 'leaderId' });
		const scientist = await appError(
			createGroup(as(w.admin), { ...input, leaderId: w.scientist.id })
		);
		expect(scientist.field).toBe('leaderId');
	});

	it('names every bad field', async () => {
		const error = await appError(
			createGroup(
				as(w.admin),
				formInput(
					createGroupInput,
					{
						name: 'А',
						theme: '',
						startedOn: '2026-13-45',
						leaderId: '',
						goals: 'x'.repeat(4001)
					},
					{ schoolId: w.schoolId }
				)
			)
		);
		const issues = (error as unknown as { issues: { field: string; key: string }[] }).issues;
		expect(Object.fromEntries(issues.map((i) => [i.field, i.key]))).toEqual({
			name: 'error_too_short',
			theme: 'error_required',
			goals: 'error_too_long',
			startedOn: 'error_date',
			leaderId: 'error_required'
		});
	});
});

describe('who sees a group', () => {
	it('the school staff and its members; another school and the operator see nothing', async () => {
		for (const actor of [w.admin, w.leader, w.member, w.staff, w.scientist])
			expect((await getGroup(as(actor), { groupId: w.groupId })).group.id).toBe(w.groupId);
		for (const actor of [w.otherAdmin, w.otherTeacher])
			expect((await appError(getGroup(as(actor), { groupId: w.groupId }))).code).toBe('not_found');
		expect(await listGroups(as(w.otherAdmin), { filter: 'all' })).toEqual([]);
		expect((await listGroups(as(w.staff), { filter: 'all' })).map((g) => g.id)).toEqual([
			w.groupId
		]);
		// Scientists belong to no school: they see the groups they are in, and only those.
		expect((await listGroups(as(w.scientist), { filter: 'all' })).map((g) => g.id)).toEqual([
			w.groupId
		]);
		expect(await listGroups(as(w.staff), { filter: 'mine' })).toEqual([]);
	});

	it('home lists the open groups one is in or invited to, with requests for the leader', async () => {
		const { requestId } = await requestToJoin(as(w.staff), { groupId: w.groupId, message: 'Мен' });
		expect(await listMyGroups(as(w.leader))).toEqual([
			{
				id: w.groupId,
				name: charter.name,
				myRole: 'leader',
				hasInvitation: false,
				pendingRequests: 1,
				votesWaiting: 0,
				nextDeadline: null
			}
		]);
		expect((await listMyGroups(as(w.member)))[0]).toMatchObject({
			myRole: 'member',
			pendingRequests: 0
		});
		expect(await listMyGroups(as(w.staff))).toEqual([]);
		expect(await listMyGroups(as(w.otherAdmin))).toEqual([]);
		await withdrawRequest(as(w.staff), { groupId: w.groupId, requestId });
		await inviteTeacher(as(w.leader), { groupId: w.groupId, userId: w.staff.id });
		expect((await listMyGroups(as(w.staff)))[0]).toMatchObject({
			myRole: null,
			hasInvitation: true
		});
		const pending = (await getGroup(as(w.staff), { groupId: w.groupId })).myPending!;
		await withdrawRequest(as(w.leader), { groupId: w.groupId, requestId: pending.id });
	});

	it('only the leader and the administration see the requests waiting', async () => {
		await requestToJoin(as(w.staff), { groupId: w.groupId, message: 'Кошулгум келет' });
		expect((await getMembership(as(w.leader), { groupId: w.groupId })).pending).toHaveLength(1);
		expect((await getMembership(as(w.admin), { groupId: w.groupId })).pending).toHaveLength(1);
		expect((await getMembership(as(w.member), { groupId: w.groupId })).pending).toEqual([]);
		expect((await getMembership(as(w.scientist), { groupId: w.groupId })).pending).toEqual([]);
		const own = await getMembership(as(w.staff), { groupId: w.groupId });
		expect(own.pending).toEqual([]);
		expect(own.myPending?.message).toBe('Кошулгум келет');
		await withdrawRequest(as(w.staff), { groupId: w.groupId, requestId: own.myPending!.id });
	});
});

describe('the charter and its revisions (§3.5)', () => {
	it('the leader edits; each change is a numbered revision naming the fields changed', async () => {
		const theme = `${charter.theme}: PISA тибиндеги тапшырмалар`;
		expect(await editCharter(as(w.leader), { groupId: w.groupId, ...charter, theme })).toEqual({
			revision: 2
		});
		expect(await editCharter(as(w.leader), { groupId: w.groupId, ...charter, theme })).toEqual({
			revision: null
		});
		await editCharter(as(w.admin), { groupId: w.groupId, ...charter, theme, goals: 'Жаңы максат' });
		const { revisions } = await listRevisions(as(w.staff), { groupId: w.groupId });
		expect(revisions.map((r) => [r.number, r.changed, r.authorName])).toEqual([
			[3, ['goals'], w.admin.fullName],
			[2, ['theme'], w.leader.fullName],
			[1, Object.keys(charter), w.admin.fullName]
		]);
		const diff = compareRevisions(revisions, 3, 1);
		expect(diff.from.number).toBe(1);
		expect(diff.fields.filter((f) => f.isChanged).map((f) => f.field)).toEqual(['theme', 'goals']);
		expect(() => compareRevisions(revisions, 1, 9)).toThrow();
	});

	it('edits sent at the same moment each get their own revision number', async () => {
		const edits = Array.from({ length: 4 }, (_, i) =>
			editCharter(as(i % 2 ? w.admin : w.leader), {
				groupId: w.groupId,
				...charter,
				goals: `Максат ${i}`
			})
		);
		const numbers = (await Promise.all(edits)).map((r) => r.revision);
		expect(numbers.sort()).toEqual([2, 3, 4, 5]);
	});

	it('members, staff and outsiders cannot edit it', async () => {
		for (const actor of [w.member, w.staff, w.scientist])
			expect(
				(await appError(editCharter(as(actor), { ...charter, groupId: w.groupId }))).code
			).toBe('forbidden');
		expect(
			(await appError(editCharter(as(w.otherAdmin), { ...charter, groupId: w.groupId }))).code
		).toBe('not_found');
	});

	it('the group decides whether external members vote (§5.1)', async () => {
		await updateSettings(as(w.leader), { groupId: w.groupId, isExternalVoteAllowed: true });
		expect((await getGroup(as(w.member), { groupId: w.groupId })).group.isExternalVoteAllowed).toBe(
			true
		);
		await updateSettings(as(w.admin), { groupId: w.groupId });
		expect((await getGroup(as(w.member), { groupId: w.groupId })).group.isExternalVoteAllowed).toBe(
			false
		);
		expect(
			(
				await appError(
					updateSettings(as(w.member), { groupId: w.groupId, isExternalVoteAllowed: true })
				)
			).code
		).toBe('forbidden');
	});
});

describe('voluntary membership (§3.2, §5.1)', () => {
	it('a teacher asks with a motivation; the leader declines, then accepts a new request', async () => {
		const empty = await appError(requestToJoin(as(w.staff), { groupId: w.groupId, message: ' ' }));
		expect(empty.field).toBe('message');
		const first = await requestToJoin(as(w.staff), {
			groupId: w.groupId,
			message: 'Тажрыйбам бар'
		});
		const twice = await appError(
			requestToJoin(as(w.staff), { groupId: w.groupId, message: 'Дагы' })
		);
		expect(twice.messageKey).toBe('error_request_pending');
		// Only the leader or administration decides, and only once.
		for (const actor of [w.member, w.staff, w.scientist])
			expect(
				(
					await appError(
						decideRequest(as(actor), {
							groupId: w.groupId,
							requestId: first.requestId,
							decision: 'accept'
						})
					)
				).code
			).toBe('forbidden');
		await decideRequest(as(w.leader), {
			groupId: w.groupId,
			requestId: first.requestId,
			decision: 'decline',
			response: 'Кийинки жылы'
		});
		const again = await appError(
			decideRequest(as(w.admin), {
				groupId: w.groupId,
				requestId: first.requestId,
				decision: 'accept'
			})
		);
		expect(again.messageKey).toBe('error_request_decided');
		const declined = await getGroup(as(w.staff), { groupId: w.groupId });
		expect(declined.myRole).toBeNull();
		expect(declined.myDeclined?.response).toBe('Кийинки жылы');

		// Deactivated after asking: the request cannot be accepted.
		const gone = await makeUser(t.db, { schoolId: w.schoolId, role: 'teacher' });
		const goneRequest = await requestToJoin(as(actorOf(gone)), {
			groupId: w.groupId,
			message: 'Мен да'
		});
		await t.db.updateTable('users').set({ isActive: false }).where('id', '=', gone.id).execute();
		const refused = await appError(
			decideRequest(as(w.leader), {
				groupId: w.groupId,
				requestId: goneRequest.requestId,
				decision: 'accept'
			})
		);
		expect(refused.messageKey).toBe('error_membership_changed');

		const second = await requestToJoin(as(w.staff), { groupId: w.groupId, message: 'Дагы аракет' });
		expect(
			await decideRequest(as(w.leader), {
				groupId: w.groupId,
				requestId: second.requestId,
				decision: 'accept'
			})
		).toEqual({ accepted: true });
		const joined = await getGroup(as(w.staff), { groupId: w.groupId });
		expect(joined.myRole).toBe('member');
		expect(joined.myDeclined).toBeNull();
		const members = await appError(
			requestToJoin(as(w.staff), { groupId: w.groupId, message: 'Мен мүчөмүн' })
		);
		expect(members.code).toBe('forbidden');
	});

	it('an invitation adds nobody without consent; only the invited person answers it', async () => {
		const { requestId } = await inviteTeacher(as(w.leader), {
			groupId: w.groupId,
			userId: w.staff.id
		});
		expect((await getGroup(as(w.staff), { groupId: w.groupId })).myRole).toBeNull();
		expect((await getGroup(as(w.staff), { groupId: w.groupId })).myPending?.kind).toBe(
			'invitation'
		);
		for (const actor of [w.leader, w.member, w.admin])
			expect(
				(
					await appError(
						respondToInvitation(as(actor), { groupId: w.groupId, requestId, decision: 'accept' })
					)
				).code
			).toBe('not_found');
		// The leader cannot accept an invitation on the invited person's behalf either.
		expect(
			(
				await appError(
					decideRequest(as(w.leader), { groupId: w.groupId, requestId, decision: 'accept' })
				)
			).code
		).toBe('not_found');
		await respondToInvitation(as(w.staff), { groupId: w.groupId, requestId, decision: 'decline' });
		expect((await getGroup(as(w.staff), { groupId: w.groupId })).myRole).toBeNull();

		const inviteMember = await appError(
			inviteTeacher(as(w.leader), { groupId: w.groupId, userId: w.member.id })
		);
		expect(inviteMember.messageKey).toBe('error_already_member');
		const outsider = await appError(
			inviteTeacher(as(w.leader), { groupId: w.groupId, userId: w.otherTeacher.id })
		);
		expect(outsider.field).toBe('userId');
		expect(
			(await appError(inviteTeacher(as(w.member), { groupId: w.groupId, userId: w.staff.id }))).code
		).toBe('forbidden');

		// The leader withdraws an invitation; the invited teacher cannot.
		const next = await inviteTeacher(as(w.admin), { groupId: w.groupId, userId: w.staff.id });
		expect(
			(
				await appError(
					withdrawRequest(as(w.staff), { groupId: w.groupId, requestId: next.requestId })
				)
			).code
		).toBe('forbidden');
		expect(
			(
				await appError(
					withdrawRequest(as(w.member), { groupId: w.groupId, requestId: next.requestId })
				)
			).code
		).toBe('not_found');
		await withdrawRequest(as(w.leader), { groupId: w.groupId, requestId: next.requestId });
	});

	it('a scientist invited by email gets an account of no school and joins on accepting', async () => {
		const link = await inviteExternal(as(w.leader), {
			groupId: w.groupId,
			email: 'Chynara.Bekova@KAO.kg',
			role: 'consultant'
		});
		expect(link.kind).toBe('link');
		if (link.kind !== 'link') return;
		const token = link.url.split('/invite/')[1]!;
		const { userId } = await acceptInvitation(anonymousCtxOf(t.db), {
			token,
			fullName: 'Чынара Бекова',
			password: 'ала-тоонун үстүндө үч булут',
			locale: 'ru'
		});
		const user = await t.db
			.selectFrom('users')
			.selectAll()
			.where('id', '=', userId)
			.executeTakeFirstOrThrow();
		expect(user).toMatchObject({ schoolId: null, role: 'consultant' });
		const { members } = await getMembership(as(w.admin), { groupId: w.groupId });
		expect(members.find((m) => m.userId === userId)).toMatchObject({
			isExternal: true,
			role: 'member'
		});

		const staff = await appError(
			inviteExternal(as(w.leader), { groupId: w.groupId, email: w.staff.email, role: 'scientist' })
		);
		expect(staff).toMatchObject({ messageKey: 'error_not_external', field: 'email' });
		const already = await appError(
			inviteExternal(as(w.leader), {
				groupId: w.groupId,
				email: w.scientist.email,
				role: 'scientist'
			})
		);
		expect(already.messageKey).toBe('error_already_member');

		// An existing scientist is invited in the app: they see the group to answer, then join.
		const other = await createGroup(as(w.admin), {
			schoolId: w.schoolId,
			...charter,
			name: 'STEM 7–9',
			startedOn: '2026-09-01',
			leaderId: w.member.id
		});
		expect(await listGroups(as(w.scientist), { filter: 'all' })).toHaveLength(1);
		expect((await appError(getGroup(as(w.scientist), { groupId: other.groupId }))).code).toBe(
			'not_found'
		);
		expect(
			await inviteExternal(as(w.member), {
				groupId: other.groupId,
				email: w.scientist.email,
				role: 'scientist'
			})
		).toEqual({ kind: 'existing', email: w.scientist.email });
		expect(await listGroups(as(w.scientist), { filter: 'all' })).toHaveLength(2);
		const invited = await getGroup(as(w.scientist), { groupId: other.groupId });
		expect(invited.myPending?.kind).toBe('invitation');
		await respondToInvitation(as(w.scientist), {
			groupId: other.groupId,
			requestId: invited.myPending!.id,
			decision: 'accept'
		});
		expect((await getGroup(as(w.scientist), { groupId: other.groupId })).myRole).toBe('member');
	});

	it('a member leaves and keeps read access; the history keeps every step; rejoining works', async () => {
		await leaveGroup(as(w.scientist), { groupId: w.groupId });
		const seen = await getGroup(as(w.scientist), { groupId: w.groupId });
		expect(seen.myRole).toBeNull();
		expect(seen.can.seeMeetings).toBe(false);
		expect((await listGroups(as(w.scientist), { filter: 'all' })).map((g) => g.id)).toEqual([
			w.groupId
		]);
		const page = await getMembership(as(w.admin), { groupId: w.groupId });
		expect(page.former.map((m) => m.fullName)).toEqual([w.scientist.fullName]);
		expect(page.former[0]!.leftAt).toBeInstanceOf(Date);

		expect((await appError(leaveGroup(as(w.leader), { groupId: w.groupId }))).messageKey).toBe(
			'error_leader_cannot_leave'
		);
		expect((await appError(leaveGroup(as(w.staff), { groupId: w.groupId }))).code).toBe(
			'forbidden'
		);

		await leaveGroup(as(w.member), { groupId: w.groupId });
		// A double submit: the second finds the member gone already.
		expect((await appError(leaveGroup(as(w.member), { groupId: w.groupId }))).code).toBe(
			'forbidden'
		);
		await join(t.db, w.leader, w.groupId, w.member);
		const history = (await groupHistory(t.db, w.groupId))
			.filter((e) => e.userName === w.member.fullName)
			.map((e) => e.kind);
		expect(history).toEqual(['joined', 'left', 'joined']);
		expect(await roles()).toMatchObject({ [w.member.fullName]: 'member' });
	});
});

describe('the leader (§3.5)', () => {
	it('the admin replaces the leader with a reason; the former leader stays a member', async () => {
		const noReason = await appError(
			changeLeader(as(w.admin), { groupId: w.groupId, leaderId: w.member.id, reason: '' })
		);
		expect(noReason.field).toBe('reason');
		for (const actor of [w.leader, w.member])
			expect(
				(
					await appError(
						changeLeader(as(actor), { groupId: w.groupId, leaderId: w.member.id, reason: 'Себеп' })
					)
				).code
			).toBe('forbidden');
		await changeLeader(as(w.admin), {
			groupId: w.groupId,
			leaderId: w.member.id,
			reason: 'Өз өтүнүчү боюнча'
		});
		expect(await roles()).toMatchObject({
			[w.leader.fullName]: 'member',
			[w.member.fullName]: 'leader'
		});
		const [event] = await groupHistory(t.db, w.groupId, 1);
		expect(event).toMatchObject({
			kind: 'leader_changed',
			userName: w.member.fullName,
			previousUserName: w.leader.fullName,
			actorName: w.admin.fullName,
			reason: 'Өз өтүнүчү боюнча'
		});
		// A teacher who was not in the group joins as its leader.
		await changeLeader(as(w.admin), { groupId: w.groupId, leaderId: w.staff.id, reason: 'Жаңы' });
		expect(await roles()).toMatchObject({
			[w.staff.fullName]: 'leader',
			[w.member.fullName]: 'member'
		});
		const same = await appError(
			changeLeader(as(w.admin), { groupId: w.groupId, leaderId: w.staff.id, reason: 'Кайра' })
		);
		expect(same.messageKey).toBe('error_already_leader');
	});

	it('the database itself allows one current leader', async () => {
		const second = t.db
			.updateTable('groupMembers')
			.set({ role: 'leader' })
			.where('groupId', '=', w.groupId)
			.where('userId', '=', w.member.id)
			.execute();
		await expect(second).rejects.toThrow();
	});
});

describe('closing (§3.6)', () => {
	it('the leader closes with a reason: read-only, visible, nothing waits; the admin reopens', async () => {
		await requestToJoin(as(w.staff), { groupId: w.groupId, message: 'Кошулайын' });
		expect(
			(await appError(closeGroup(as(w.member), { groupId: w.groupId, reason: 'x' }))).code
		).toBe('forbidden');
		await closeGroup(as(w.leader), { groupId: w.groupId, reason: 'Тема изилденип бүттү' });
		const home = await getGroup(as(w.staff), { groupId: w.groupId });
		expect(home.isClosed).toBe(true);
		expect(home.group.closedReason).toBe('Тема изилденип бүттү');
		expect(home.myPending).toBeNull();
		expect((await listGroups(as(w.staff), { filter: 'closed' })).map((g) => g.id)).toEqual([
			w.groupId
		]);
		expect(await listGroups(as(w.staff), { filter: 'active' })).toEqual([]);

		// One at a time: each attempt starts only when the one before has been refused.
		for (const attempt of [
			() => editCharter(as(w.leader), { ...charter, groupId: w.groupId }),
			() => requestToJoin(as(w.staff), { groupId: w.groupId, message: 'Дагы' }),
			() => inviteTeacher(as(w.admin), { groupId: w.groupId, userId: w.staff.id }),
			() => leaveGroup(as(w.member), { groupId: w.groupId }),
			() => closeGroup(as(w.admin), { groupId: w.groupId, reason: 'Дагы' })
		])
			expect((await appError(attempt())).messageKey).toBe('error_group_closed');

		expect((await appError(reopenGroup(as(w.leader), { groupId: w.groupId }))).code).toBe(
			'forbidden'
		);
		await reopenGroup(as(w.admin), { groupId: w.groupId });
		expect((await getGroup(as(w.leader), { groupId: w.groupId })).isClosed).toBe(false);
		expect((await appError(reopenGroup(as(w.admin), { groupId: w.groupId }))).messageKey).toBe(
			'error_group_not_closed'
		);
		const kinds = (await groupHistory(t.db, w.groupId, 2)).map((e) => e.kind);
		expect(kinds).toEqual(['reopened', 'closed']);
	});
});

import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import { makeGroupWorld } from '../../test/groups';
import { ctxWithStore, offeredMaterial, tempStore } from '../../test/materials';
import { testSeal } from '../../test/votes';
import { actorOf, makeUser } from '../../test/factories';
import { appError } from '../../test/expect-error';
import { useTestDatabase } from '../../test/vitest';
import { addField } from '../forms/add-field';
import { answerQuestionnaire } from '../forms/answer-questionnaire';
import { createForm } from '../forms/create-form';
import { sendQuestionnaire } from '../forms/send-questionnaire';
import { inviteTeacher } from '../groups/invite-teacher';
import { requestToJoin } from '../groups/request-to-join';
import { decideMaterial } from '../materials/decide-material';
import { cancelMeeting } from '../meetings/cancel-meeting';
import { createMeeting } from '../meetings/create-meeting';
import { addPlanItem } from '../plan/add-plan-item';
import { requestPublication } from '../publications/request-publication';
import { castBallot } from '../votes/cast-ballot';
import { openVote } from '../votes/open-vote';
import { asId, type VoteOptionId } from '../ids';
import { listWaiting } from './list-waiting';

const t = useTestDatabase();
const { store, root } = tempStore();
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const now = new Date('2026-11-20T09:00:00Z');
const today = '2026-11-20';
const timeZone = 'Asia/Bishkek';

describe('waiting for you', () => {
	it('names, dates and links each thing for the right person, the most urgent first', async () => {
		const w = await makeGroupWorld(t.db);
		const as = (actor: Actor) => ctxWithStore(t.db, actor, store, now);
		const waiting = async (actor: Actor) =>
			(await listWaiting(as(actor), { today, timeZone })).map((i) => ({
				kind: i.kind,
				subject: i.subject,
				href: i.href,
				group: i.groupName,
				...(i.number !== null ? { number: i.number } : {}),
				...(i.person ? { person: i.person } : {}),
				...(i.closesAt ? { closesAt: i.closesAt.toISOString() } : {}),
				...(i.dueOn ? { dueOn: i.dueOn } : {}),
				...(i.meetingOn ? { meetingOn: i.meetingOn, meetingTime: i.meetingTime } : {}),
				...(i.isOverdue ? { isOverdue: true } : {}),
				...(i.isForGroup ? { isForGroup: true } : {})
			}));
		const g = `/groups/${w.groupId}`;
		const group = 'Функционалдык сабаттуулук';
		expect(await waiting(w.member)).toEqual([]);

		// Membership: an invitation for a teacher of the school; a request from another.
		await inviteTeacher(as(w.leader), { groupId: w.groupId, userId: w.staff.id });
		const asking = actorOf(
			await makeUser(t.db, { schoolId: w.schoolId, fullName: 'Асель Калыкова' })
		);
		await requestToJoin(as(asking), { groupId: w.groupId, message: 'Кошулгум келет' });

		// Materials: offered, sent back for revision, under review, accepted and to publish.
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

		// A secret vote closing in two days (18:00 in Bishkek).
		const seal = testSeal();
		const { voteId } = await openVote(as(w.leader), {
			groupId: w.groupId,
			question: 'Жыйындыны бекитебизби?',
			kind: 'yes_no',
			closesAt: new Date('2026-11-22T12:00:00Z'),
			isSecret: true
		});

		// Plan items: the member's overdue and due soon, the group's due soon, one far off.
		const plan = async (title: string, dueOn: string, responsibleId?: Actor['id']) =>
			(
				await addPlanItem(as(w.leader), {
					groupId: w.groupId,
					kind: 'seminar',
					title,
					dueOn,
					...(responsibleId ? { responsibleId } : {})
				})
			).itemId;
		const overdue = await plan('Семинар өткөрүү', '2026-11-18', w.member.id);
		const soon = await plan('Ачык сабак', '2026-11-25', w.member.id);
		const groupItem = await plan('Жыйындыны түзүү', '2026-11-26');
		await plan('Кийинки жылдын иши', '2027-02-01', w.member.id);

		// Meetings: tomorrow, a cancelled one tomorrow, one next month.
		const meeting = async (heldOn: string) =>
			(
				await createMeeting(as(w.leader), {
					groupId: w.groupId,
					heldOn,
					startTime: '10:00',
					place: '12-кабинет',
					agenda: ''
				})
			).meetingId;
		const tomorrow = await meeting('2026-11-21');
		const cancelled = await meeting('2026-11-21');
		await cancelMeeting(as(w.leader), {
			groupId: w.groupId,
			meetingId: cancelled,
			reason: 'Мугалимдер курста.',
			confirmed: true
		});
		await meeting('2026-12-20');

		// A questionnaire due on the 23rd.
		const form = await createForm(as(w.leader), {
			groupId: w.groupId,
			purpose: 'questionnaire',
			title: 'Муктаждыктар',
			description: ''
		});
		const field = await addField(as(w.leader), {
			groupId: w.groupId,
			formId: form.formId,
			versionId: form.versionId,
			revision: 1,
			type: 'short_text',
			label: 'Тема',
			required: true
		});
		const { questionnaireId } = await sendQuestionnaire(as(w.leader), {
			groupId: w.groupId,
			formId: form.formId,
			title: 'Күзгү анкета',
			message: 'Жооп бериңиз',
			deadlineOn: '2026-11-23',
			today
		});

		// The leader asks the scientist to observe the member's lesson.
		const approbationId = newId();
		await t.db
			.insertInto('approbations')
			.values({
				id: approbationId,
				groupId: w.groupId,
				authorId: w.member.id,
				materialId: null,
				materialVersionId: null,
				proposalId: null,
				title: 'Оюн менен окутуу',
				startsOn: '2026-11-01',
				endsOn: '2026-12-01',
				plan: '',
				observations: '',
				conclusion: '',
				reportResponseId: null,
				createdAt: now,
				updatedAt: now
			})
			.execute();
		await t.db
			.insertInto('observationRequests')
			.values({
				id: newId(),
				approbationId,
				observerId: w.scientist.id,
				requestedBy: w.leader.id,
				requestedAt: now
			})
			.execute();

		const questionnaire = {
			kind: 'questionnaire',
			subject: 'Күзгү анкета',
			href: `${g}/questionnaires/${questionnaireId}`,
			group,
			dueOn: '2026-11-23'
		};
		const vote = {
			kind: 'vote',
			subject: 'Жыйындыны бекитебизби?',
			href: `${g}/votes/${voteId}`,
			group,
			closesAt: '2026-11-22T12:00:00.000Z'
		};
		const meetingItem = {
			kind: 'meeting',
			subject: '',
			href: `${g}/meetings/${tomorrow}`,
			group,
			number: 1,
			meetingOn: '2026-11-21',
			meetingTime: '10:00'
		};
		const groupPlan = {
			kind: 'plan',
			subject: 'Жыйындыны түзүү',
			href: `${g}/plan/${groupItem}`,
			group,
			dueOn: '2026-11-26',
			isForGroup: true
		};
		expect(await waiting(w.member)).toEqual([
			{
				kind: 'plan',
				subject: 'Семинар өткөрүү',
				href: `${g}/plan/${overdue}`,
				group,
				dueOn: '2026-11-18',
				isOverdue: true
			},
			meetingItem,
			vote,
			questionnaire,
			{
				kind: 'plan',
				subject: 'Ачык сабак',
				href: `${g}/plan/${soon}`,
				group,
				dueOn: '2026-11-25'
			},
			groupPlan,
			{ kind: 'revision', subject: 'Окуу сабаттуулугу', href: `${g}/materials/${revised}`, group },
			{ kind: 'consent', subject: 'Жарыялана турган иш', href: `/p/${code}`, group }
		]);
		const author = 'Нурлан Үсөнов';
		expect(await waiting(w.leader)).toEqual([
			meetingItem,
			vote,
			questionnaire,
			groupPlan,
			{ kind: 'request', subject: group, href: `${g}/members`, group, person: 'Асель Калыкова' },
			{
				kind: 'offered',
				subject: 'Оюн аркылуу сабак',
				href: `${g}/materials/${offered}`,
				group,
				person: author
			},
			{
				kind: 'review',
				subject: 'Математикалык оюндар',
				href: `${g}/materials/${reviewed}/review`,
				group,
				person: author
			}
		]);
		// The scientist (external, not on this vote's roll) reviews, observes, answers.
		expect((await waiting(w.scientist)).map((i) => i.kind)).toEqual([
			'meeting',
			'questionnaire',
			'plan',
			'review',
			'observation'
		]);
		expect((await waiting(w.scientist)).at(-1)).toEqual({
			kind: 'observation',
			subject: 'Оюн менен окутуу',
			href: `${g}/approbations/${approbationId}/observe`,
			group,
			person: author
		});
		// Not in the group: only the invitation; nothing reaches another school or the admin.
		expect(await waiting(w.staff)).toEqual([
			{ kind: 'invitation', subject: group, href: g, group }
		]);
		expect(await waiting(w.admin)).toEqual([]);
		expect(await waiting(w.otherAdmin)).toEqual([]);
		expect(await waiting(w.otherTeacher)).toEqual([]);

		// Once done, each thing waits no more: the secret ballot, the answer sent.
		const [yes] = await t.db
			.selectFrom('voteOptions')
			.select('id')
			.where('voteId', '=', voteId)
			.orderBy('position')
			.execute();
		await castBallot(as(w.member), {
			groupId: w.groupId,
			voteId,
			choices: [asId<VoteOptionId>(yes!.id)],
			seal
		});
		await answerQuestionnaire(as(w.member), {
			groupId: w.groupId,
			questionnaireId,
			versionId: field.versionId,
			revision: field.revision,
			values: { [`answer_${field.key}`]: 'Оюндар' },
			send: true,
			today
		});
		const after = (await waiting(w.member)).map((i) => i.kind);
		expect(after).not.toContain('vote');
		expect(after).not.toContain('questionnaire');
		// The others still have theirs: whether the member voted changes only the member's list.
		expect((await waiting(w.leader)).map((i) => i.kind)).toContain('vote');
	});

	it('takes only a real day and time zone', async () => {
		const w = await makeGroupWorld(t.db);
		const as = ctxWithStore(t.db, w.member, store, now);
		expect((await appError(listWaiting(as, { today: '2026-02-30', timeZone }))).code).toBe(
			'invalid'
		);
		expect((await appError(listWaiting(as, { today, timeZone: 'Mars/Olympus' }))).code).toBe(
			'invalid'
		);
	});
});

import fs from 'node:fs';
import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { isPostgres } from '../../db/migrations/columns';
import type { DecisionOutcome } from '../../db/types';
import { ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { actorOf, makeUser } from '../../test/factories';
import { join, makeGroupWorld, type GroupWorld } from '../../test/groups';
import { tempStore } from '../../test/materials';
import { testSeal } from '../../test/votes';
import { useTestDatabase } from '../../test/vitest';
import { ValidationError } from '../../validation';
import { openVoteForm } from '../../web/vote-views';
import { toWallClock } from '../../zoned';
import { closeGroup } from '../groups/close-group';
import { listMyGroups } from '../groups/list-my-groups';
import { updateSettings } from '../groups/update-settings';
import {
	asId,
	type DecisionId,
	type MeetingId,
	type ProposalId,
	type VoteId,
	type VoteOptionId
} from '../ids';
import { createMeeting } from '../meetings/create-meeting';
import { analyzeProposal } from '../proposals/analyze-proposal';
import { createProposal } from '../proposals/create-proposal';
import { getProposal } from '../proposals/get-proposal';
import { putToDiscussion } from '../proposals/put-to-discussion';
import { castBallot } from './cast-ballot';
import { closeVote } from './close-vote';
import { getVote } from './get-vote';
import type { OpenVoteInput } from './input';
import { listDecisions, meetingDecisions } from './list-decisions';
import { listVotes } from './list-votes';
import { openVote } from './open-vote';
import { recordDecision } from './record-decision';

const t = useTestDatabase();
const seal = testSeal();
const { store } = tempStore();
const timeZone = 'Asia/Bishkek';
let w: GroupWorld;
/** The group's teachers beyond the leader and the member: five more. */
let teachers: Actor[] = [];

// Every test starts from a group of its own: the leader, the member, five more teachers and
// the scientist (an external member: the group does not let external members vote).
beforeEach(async () => {
	w = await makeGroupWorld(t.db);
	teachers = [];
	for (const name of [
		'Чолпон Абдыкадырова',
		'Бекболот Исаков',
		'Назира Жээнбекова',
		'Эрмек Мамытов',
		'Азамат Калыков'
	])
		teachers.push(await newMember(name));
});

/** A teacher of the school who joins the group now. */
async function newMember(fullName: string): Promise<Actor> {
	const teacher = actorOf(await makeUser(t.db, { schoolId: w.schoolId, fullName }));
	await join(t.db, w.leader, w.groupId, teacher);
	return teacher;
}

const as = (actor: Actor, now?: Date) => ({ ...ctxOf(t.db, actor, now), store });
const issues = async (promise: Promise<unknown>) =>
	((await appError(promise)) as ValidationError).issues.map((i) => `${i.field}:${i.key}`);
const open = (over: Partial<OpenVoteInput> = {}, now?: Date) =>
	openVote(as(w.leader, now), {
		groupId: w.groupId,
		question: 'Сунушту кабыл алабызбы?',
		kind: 'yes_no',
		...over
	});
/** The leader's "open a vote" form as a browser sends it. */
const openForm = (values: Record<string, string>, now?: Date) =>
	openVote(
		as(w.leader, now),
		openVoteForm(
			{ question: 'Сунушту кабыл алабызбы?', kind: 'yes_no', ...values },
			w.groupId,
			timeZone
		)
	);
const optionIds = async (voteId: VoteId) =>
	(
		await t.db
			.selectFrom('voteOptions')
			.select(['id', 'code'])
			.where('voteId', '=', voteId)
			.orderBy('position')
			.execute()
	).map((o) => asId<VoteOptionId>(o.id));
const cast = (actor: Actor, voteId: VoteId, choices: VoteOptionId[], now?: Date) =>
	castBallot(as(actor, now), { groupId: w.groupId, voteId, choices, seal });
const see = (actor: Actor, voteId: VoteId, now?: Date) =>
	getVote(as(actor, now), { groupId: w.groupId, voteId, seal });
const close = (
	actor: Actor,
	voteId: VoteId,
	decision: { text: string; meetingId?: MeetingId; outcome?: DecisionOutcome }
) => closeVote(as(actor), { groupId: w.groupId, voteId, ...decision, seal });
const record = (
	actor: Actor,
	decisionId: string,
	decision: { text: string; meetingId?: MeetingId }
) =>
	recordDecision(as(actor), {
		groupId: w.groupId,
		decisionId: asId<DecisionId>(decisionId),
		...decision
	});
const votes = (actor: Actor) => listVotes(as(actor), { groupId: w.groupId, seal });
const proposalStatus = async (proposalId: ProposalId) =>
	(await getProposal(as(w.member), { groupId: w.groupId, proposalId })).proposal.status;
/** A proposal by the member, analyzed and put to discussion. */
async function discussedProposal(title = 'Ачык сабактар жумалыгын өткөрөлү') {
	const { proposalId } = await createProposal(as(w.member), {
		groupId: w.groupId,
		kind: 'plan_item',
		title,
		body: 'Декабрда, ар бир мүчө бирден сабак.',
		files: [],
		maxGroupBytes: 1024 * 1024
	});
	const ofProposal = { groupId: w.groupId, proposalId };
	await analyzeProposal(as(w.leader), { ...ofProposal, analysis: 'Пайдалуу.' });
	await putToDiscussion(as(w.leader), ofProposal);
	return proposalId;
}

describe('opening a vote (§3.3)', () => {
	it('the leader puts a proposal in discussion to a vote; the roll is fixed to the current members', async () => {
		const proposalId = await discussedProposal();
		const { voteId, number } = await open({ proposalId, quorumPercent: 50 });
		expect(number).toBe(1);
		expect(await proposalStatus(proposalId)).toBe('vote');
		const view = await see(w.member, voteId);
		// The leader, the member and five teachers; the scientist does not vote in this group.
		expect(view.rollCount).toBe(7);
		expect(view.options.map((o) => o.code)).toEqual(['yes', 'no', 'abstain']);
		expect(view).toMatchObject({
			canVote: true,
			myChoices: null,
			tally: null,
			can: { close: false }
		});
		expect(view.proposal?.id).toBe(proposalId);
		// The same proposal cannot be put to a second vote while the first is open.
		expect((await appError(open({ proposalId }))).messageKey).toBe(
			'error_proposal_not_in_discussion'
		);
		expect((await votes(w.leader)).canOpen).toBe(true);
		expect((await votes(w.admin)).canOpen).toBe(false);
	});

	it('home tells each voter how many votes wait for their ballot, and the soonest deadline', async () => {
		const first = await open();
		const deadline = new Date(Date.now() + 3 * 24 * 3600_000);
		// Through the form: the deadline is the school's wall-clock time, to the minute.
		const { voteId } = await openForm({ closesAt: toWallClock(deadline, timeZone) });
		const waiting = async (actor: Actor) =>
			(await listMyGroups(as(actor))).map((g) => [g.votesWaiting, g.nextDeadline?.getTime()]);
		const minute = Math.floor(deadline.getTime() / 60_000) * 60_000;
		expect(await waiting(w.member)).toEqual([[2, minute]]);
		await cast(w.member, voteId, [(await optionIds(voteId))[0]!]);
		expect(await waiting(w.member)).toEqual([[1, undefined]]);
		await cast(w.member, first.voteId, [(await optionIds(first.voteId))[1]!]);
		expect(await waiting(w.member)).toEqual([[0, undefined]]);
		expect(await waiting(w.leader)).toEqual([[2, minute]]);
		// Not on the roll: the consultant (external votes are off) is not asked.
		expect(await waiting(w.scientist)).toEqual([[0, undefined]]);
	});

	it('only the leader opens a vote; bad settings are refused field by field', async () => {
		for (const actor of [w.member, w.admin, w.scientist])
			expect(
				(
					await appError(
						openVote(as(actor), { groupId: w.groupId, question: 'Суроо?', kind: 'yes_no' })
					)
				).code
			).toBe('forbidden');
		expect(
			(
				await appError(
					openVote(as(w.otherAdmin), { groupId: w.groupId, question: 'Суроо?', kind: 'yes_no' })
				)
			).code
		).toBe('not_found');
		expect(await issues(open({ kind: 'single', options: ['Бир гана'] }))).toEqual([
			'options:error_vote_options'
		]);
		expect(await issues(open({ kind: 'single', options: ['Дүйшөмбү', 'дүйшөмбү'] }))).toEqual([
			'options:error_vote_options_repeat'
		]);
		expect(
			await issues(open({ kind: 'multiple', options: ['А', 'Б', 'В'], maxChoices: 4 }))
		).toEqual(['maxChoices:error_number_max']);
		// As the form sends them: one option a line (blank lines are none), numbers as text.
		expect(
			await issues(openForm({ kind: 'multiple', options: 'А\n\n Б \nВ\n', maxChoices: '4' }))
		).toEqual(['maxChoices:error_number_max']);
		expect(await issues(openForm({ quorumPercent: '101', question: 'Ы' }))).toEqual([
			'question:error_too_short',
			'quorumPercent:error_number_max'
		]);
		expect(await issues(openForm({ quorumPercent: 'жарымы' }))).toEqual([
			'quorumPercent:error_number'
		]);
		const now = new Date('2026-11-25T06:00:00Z');
		expect(
			await issues(
				openForm({ closesAt: toWallClock(new Date(now.getTime() - 3600_000), timeZone) }, now)
			)
		).toEqual(['closesAt:error_vote_deadline_past']);
		expect(await issues(open({ closesAt: new Date(now.getTime() + 30_000) }, now))).toEqual([
			'closesAt:error_vote_deadline_past'
		]);
		expect(await issues(openForm({ closesAt: '2026-02-30T10:00' }, now))).toEqual([
			'closesAt:error_date'
		]);
		expect(await issues(open({ isExternalAllowed: true }))).toEqual([
			'isExternalAllowed:error_vote_external_off'
		]);
		expect(await issues(openForm({ kind: 'ranked' }))).toEqual(['kind:error_choice']);
		expect((await votes(w.leader)).votes).toEqual([]);
	});
});

describe('one person, one vote', () => {
	it('a vote is changed, not added; the live tally shows only to those who voted', async () => {
		const { voteId } = await open();
		const [yes, no, abstain] = await optionIds(voteId);
		expect(await cast(w.member, voteId, [yes!])).toEqual({ changed: false });
		expect(await cast(w.member, voteId, [no!])).toEqual({ changed: true });
		await cast(teachers[0]!, voteId, [abstain!]);
		const ballots = await t.db
			.selectFrom('ballots')
			.selectAll()
			.where('voteId', '=', voteId)
			.execute();
		expect(ballots).toHaveLength(2);
		const mine = await see(w.member, voteId);
		expect(mine.myChoices).toEqual([no]);
		expect(mine.tally?.lines.map((l) => l.count)).toEqual([0, 1, 1]);
		expect(mine.ballots?.map((b) => b.name)).toEqual(['Нурлан Үсөнов', 'Чолпон Абдыкадырова']);
		// The leader has not voted: no tally yet. The admin never votes, and sees who took part.
		expect((await see(w.leader, voteId)).tally).toBeNull();
		const admin = await see(w.admin, voteId);
		expect(admin).toMatchObject({ tally: null, ballots: null, canVote: false, refusal: null });
		expect(admin.participants).toEqual(['Нурлан Үсөнов', 'Чолпон Абдыкадырова']);
	});

	it('outsiders, the administration and late joiners are refused; choices are checked', async () => {
		const { voteId } = await open({
			kind: 'multiple',
			options: ['Семинар', 'Ачык сабак', 'Мастер-класс'],
			maxChoices: 2
		});
		const [a, b, c] = await optionIds(voteId);
		expect((await appError(cast(w.admin, voteId, [a!]))).messageKey).toBe('error_vote_not_on_roll');
		expect((await appError(cast(w.scientist, voteId, [a!]))).messageKey).toBe(
			'error_vote_external_off'
		);
		expect((await appError(cast(w.staff, voteId, [a!]))).code).toBe('forbidden');
		expect((await appError(cast(w.otherTeacher, voteId, [a!]))).code).toBe('not_found');
		const late = await newMember('Кечиккен Мугалим');
		expect((await appError(cast(late, voteId, [a!]))).messageKey).toBe('error_vote_not_on_roll');
		expect((await see(late, voteId)).refusal).toBe('error_vote_not_on_roll');
		expect(await issues(cast(w.member, voteId, []))).toEqual(['choices:error_vote_choose']);
		expect(
			await issues(cast(w.member, voteId, [asId<VoteOptionId>('someone-elses-option')]))
		).toEqual(['choices:error_vote_choose']);
		expect(await issues(cast(w.member, voteId, [a!, b!, c!]))).toEqual([
			'choices:error_vote_too_many'
		]);
		await cast(w.member, voteId, [a!, b!, a!]);
		expect((await see(w.member, voteId)).myChoices).toEqual([a, b]);
	});

	it('external members vote only where the group lets them and the vote includes them (§5.1)', async () => {
		await updateSettings(as(w.leader), { groupId: w.groupId, isExternalVoteAllowed: true });
		const withThem = await open({ isExternalAllowed: true });
		const without = await open();
		const [yes] = await optionIds(withThem.voteId);
		await cast(w.scientist, withThem.voteId, [yes!]);
		// The leader, the member, five teachers and the scientist.
		expect((await see(w.scientist, withThem.voteId)).rollCount).toBe(8);
		expect(
			(await appError(cast(w.scientist, without.voteId, [(await optionIds(without.voteId))[0]!])))
				.messageKey
		).toBe('error_vote_external_excluded');
		// Another vote with them, not voted yet: home counts it for the scientist while allowed.
		await open({ isExternalAllowed: true });
		const waiting = async () => (await listMyGroups(as(w.scientist)))[0]!.votesWaiting;
		expect(await waiting()).toBe(1);
		// The group stops letting external members vote: they stop at once, roll or not.
		await updateSettings(as(w.leader), { groupId: w.groupId, isExternalVoteAllowed: false });
		expect(await waiting()).toBe(0);
		expect((await appError(cast(w.scientist, withThem.voteId, [yes!]))).messageKey).toBe(
			'error_vote_external_off'
		);
		expect((await see(w.scientist, withThem.voteId)).refusal).toBe('error_vote_external_off');
	});
});

describe('closing and decisions', () => {
	it('the leader closes: the decision keeps the tally and the quorum, the proposal is accepted, and nothing changes after', async () => {
		const proposalId = await discussedProposal('Методикалык күндү айына бир өткөрөлү');
		const { meetingId: meeting } = await createMeeting(as(w.leader), {
			groupId: w.groupId,
			heldOn: '2026-11-27'
		});
		const meetingId = asId<MeetingId>(meeting);
		const { voteId } = await open({ proposalId, quorumPercent: 50 });
		const [yes, no] = await optionIds(voteId);
		for (const voter of [w.leader, w.member, teachers[0]!]) await cast(voter, voteId, [yes!]);
		await cast(teachers[1]!, voteId, [no!]);
		expect((await appError(close(w.member, voteId, { text: 'Кабыл алынды' }))).code).toBe(
			'forbidden'
		);
		expect((await appError(close(w.admin, voteId, { text: 'Кабыл алынды' }))).code).toBe(
			'forbidden'
		);
		// A wording written for the other outcome is refused, and nothing closes (issue 17).
		expect(
			await issues(close(w.leader, voteId, { text: 'Кабыл алынган жок', outcome: 'rejected' }))
		).toEqual(['text:decisions_error_wording_outcome']);
		expect((await see(w.leader, voteId)).vote.status).toBe('open');
		expect(
			await issues(close(w.leader, voteId, { text: 'Бар', meetingId: asId<MeetingId>('other') }))
		).toEqual(['meetingId:error_choice']);
		await close(w.leader, voteId, {
			text: 'Методикалык күн ар айдын акыркы жумасында өтөт.',
			meetingId
		});

		const view = await see(w.admin, voteId);
		expect(view.vote.status).toBe('closed');
		expect(view.decision).toMatchObject({
			text: 'Методикалык күн ар айдын акыркы жумасында өтөт.',
			outcome: 'accepted',
			rollCount: 7,
			participantCount: 4,
			quorumPercent: 50,
			isQuorumMet: true,
			isClosedByDeadline: false,
			meeting: { id: meetingId, heldOn: '2026-11-27' }
		});
		expect(view.tally?.lines.map((l) => [l.code, l.count])).toEqual([
			['yes', 3],
			['no', 1],
			['abstain', 0]
		]);
		// An open ballot: once closed, everyone who sees the vote sees who chose what.
		expect(view.ballots).toHaveLength(4);
		const proposal = await getProposal(as(w.member), { groupId: w.groupId, proposalId });
		expect(proposal.proposal.status).toBe('accepted');
		expect(proposal.history.map((h) => h.to).slice(-2)).toEqual(['vote', 'accepted']);
		expect(proposal.thread.isThreadOpen).toBe(false);

		// Closed votes are immutable.
		expect((await appError(cast(w.member, voteId, [no!]))).messageKey).toBe('error_vote_closed');
		expect((await appError(close(w.leader, voteId, { text: 'Дагы' }))).messageKey).toBe(
			'error_vote_closed'
		);
		// Its wording and minutes link can be corrected by the leader; the count cannot.
		const decisionId = view.decision!.id;
		expect((await appError(record(w.member, decisionId, { text: 'Башка' }))).code).toBe(
			'forbidden'
		);
		await record(w.leader, decisionId, {
			text: 'Методикалык күн ар айдын акыркы бейшембисинде.',
			meetingId
		});
		const log = await listDecisions(as(w.member), { groupId: w.groupId, seal });
		expect(log[0]).toMatchObject({
			id: decisionId,
			text: 'Методикалык күн ар айдын акыркы бейшембисинде.',
			outcome: 'accepted',
			proposal: { id: proposalId }
		});
		expect((await meetingDecisions(t.db, w.groupId, meetingId)).map((d) => d.id)).toEqual([
			decisionId
		]);
		expect((await appError(listDecisions(as(w.staff), { groupId: w.groupId, seal }))).code).toBe(
			'forbidden'
		);
	});

	it('quorum edges: one short of the share decides nothing and sends the proposal back to discussion; exactly the share decides', async () => {
		// One more teacher joins: the roll is 8, and 3 voters are 37.5 %.
		// At 38 % that is one short (300 < 304).
		await newMember('Кечиккен Мугалим');
		const proposalId = await discussedProposal('Пикир алышуу клубун ачалы');
		const short = await open({ proposalId, quorumPercent: 38 });
		const [yes] = await optionIds(short.voteId);
		for (const voter of [w.leader, w.member, teachers[0]!]) await cast(voter, short.voteId, [yes!]);
		await close(w.leader, short.voteId, { text: 'Кворум болгон жок.' });
		expect((await see(w.member, short.voteId)).decision).toMatchObject({
			outcome: 'no_quorum',
			isQuorumMet: false,
			rollCount: 8,
			participantCount: 3
		});
		expect(await proposalStatus(proposalId)).toBe('discussion');

		// Put to a vote again: 3 of 8 at 37 % (300 ≥ 296) is enough; a tie rejects.
		const again = await open({ proposalId, quorumPercent: 37 });
		const [y2, n2, a2] = await optionIds(again.voteId);
		await cast(w.leader, again.voteId, [y2!]);
		await cast(w.member, again.voteId, [n2!]);
		await cast(teachers[0]!, again.voteId, [a2!]);
		await close(w.leader, again.voteId, { text: 'Тең болду: кабыл алынган жок.' });
		expect((await see(w.member, again.voteId)).decision).toMatchObject({
			outcome: 'rejected',
			isQuorumMet: true
		});
		expect(await proposalStatus(proposalId)).toBe('rejected');

		// Everyone must take part at 100 %; a vote nobody joined has no quorum at all.
		const all = await open({ quorumPercent: 100 });
		await close(w.leader, all.voteId, { text: 'Эч ким катышкан жок.' });
		expect((await see(w.member, all.voteId)).decision).toMatchObject({
			outcome: 'no_quorum',
			participantCount: 0
		});
	});

	it('the deadline closes the vote by itself: later ballots are refused, and the leader words the decision', async () => {
		const t0 = new Date(Date.now() - 3 * 3600_000);
		const t1 = new Date(t0.getTime() + 3600_000);
		const deadline = new Date(t0.getTime() + 2 * 3600_000);
		const { voteId } = await open({ closesAt: deadline, tally: 'after_close' }, t0);
		const [yes, no] = await optionIds(voteId);
		await cast(w.member, voteId, [yes!], t1);
		await cast(w.leader, voteId, [no!], t1);
		// After closing only: the voter sees no tally while it is open.
		expect((await see(w.member, voteId, t1)).tally).toBeNull();
		// The deadline has passed: a late ballot is refused and the vote is closed.
		expect((await appError(cast(teachers[2]!, voteId, [yes!]))).messageKey).toBe(
			'error_vote_closed'
		);
		const view = await see(w.member, voteId);
		expect(view.vote.status).toBe('closed');
		expect(view.decision).toMatchObject({
			text: '',
			isClosedByDeadline: true,
			participantCount: 2,
			outcome: 'rejected'
		});
		expect(view.decision!.decidedAt.toISOString()).toBe(view.vote.closesAt!.toISOString());
		expect(view.tally?.lines.map((l) => l.count)).toEqual([1, 1, 0]);
		expect((await see(w.leader, voteId)).can).toEqual({ close: false, record: true });
		// The leader's closing form now only words it; once worded, a second close is refused.
		await close(w.leader, voteId, { text: 'Мөөнөт бүттү; тең болду.' });
		expect((await see(w.member, voteId)).decision?.text).toBe('Мөөнөт бүттү; тең болду.');
		expect((await appError(close(w.leader, voteId, { text: 'Дагы' }))).messageKey).toBe(
			'error_vote_closed'
		);
	});
});

describe('secret ballots', () => {
	it('never show who chose what: not on any page, not in any row of the database, before or after closing', async () => {
		const { voteId } = await open({
			kind: 'single',
			options: ['Дүйшөмбү', 'Шаршемби', 'Жума'],
			isSecret: true,
			tally: 'live'
		});
		const options = await optionIds(voteId);
		const voters = [w.leader, w.member, ...teachers.slice(0, 3)];
		const picks = [0, 1, 1, 2, 1];
		for (const [i, voter] of voters.entries()) await cast(voter, voteId, [options[picks[i]!]!]);
		await cast(w.member, voteId, [options[0]!]); // changed: 2 × Дүйшөмбү, 2 × Шаршемби, 1 × Жума

		// Asked for a live tally, a secret ballot still shows none before closing: watching the
		// count move as names join the participants would tell who chose what.
		const seen = await see(w.member, voteId);
		expect(seen.vote.isTallyLive).toBe(false);
		expect(seen.myChoices).toEqual([options[0]]);
		expect(seen.tally).toBeNull();
		expect(seen.ballots).toBeNull();
		// Who took part, by name, not in the order they voted (the leader, the member, Чолпон…).
		expect(seen.participants).toEqual([
			'Айгүл Өмүрбекова',
			'Бекболот Исаков',
			'Назира Жээнбекова',
			'Нурлан Үсөнов',
			'Чолпон Абдыкадырова'
		]);
		await expectNoRowLinks(voters, options);

		await close(w.leader, voteId, { text: 'Шаршемби жана дүйшөмбү тең.' });
		// SQLite: the write-ahead log that held the seals' earlier pages is emptied at once.
		if (t.handle.sqliteFile) expect(fs.statSync(`${t.handle.sqliteFile}-wal`).size).toBe(0);
		for (const viewer of [w.admin, w.leader, w.member]) {
			const view = await see(viewer, voteId);
			expect(view.ballots).toBeNull();
			expect(view.tally?.lines.map((l) => l.count)).toEqual([2, 2, 1]);
			expect(view.participants).toEqual(seen.participants);
		}
		// The voter's own choice is gone too once counted: the seals are wiped.
		expect((await see(w.member, voteId)).myChoices).toEqual([]);
		const rows = await t.db
			.selectFrom('ballots')
			.selectAll()
			.where('voteId', '=', voteId)
			.execute();
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.every((r) => r.choices === null && r.sealed === null)).toBe(true);
		await expectNoRowLinks(voters, options);
	});
});

describe('concurrency', () => {
	it('parallel ballots and changes give an exact tally; a close racing them counts exactly what it refused not', async () => {
		const crowd: Actor[] = [];
		for (let i = 0; i < 16; i++) crowd.push(await newMember(`Мугалим ${i}`));
		const { voteId } = await open();
		const [yes, no] = await optionIds(voteId);
		// Everyone votes "no" and, at the same time, changes to "yes" if their number is even.
		await Promise.all(crowd.map((v) => cast(v, voteId, [no!])));
		await Promise.all(
			crowd.map((v, i) => (i % 2 === 0 ? cast(v, voteId, [yes!]) : cast(v, voteId, [no!])))
		);
		const tally = (await see(crowd[0]!, voteId)).tally!;
		expect(tally.lines.map((l) => l.count)).toEqual([8, 8, 0]);
		expect(tally.participantCount).toBe(16);

		// A second vote: 16 ballots and the leader's close sent together. Three teachers voted
		// before, so the close always has the secret ballots' minimum (issue 16) to count.
		const race = await open({ isSecret: true });
		const [ry] = await optionIds(race.voteId);
		for (const early of teachers.slice(0, 3)) await cast(early, race.voteId, [ry!]);
		const results = await Promise.allSettled([
			...crowd.slice(0, 8).map((v) => cast(v, race.voteId, [ry!])),
			close(w.leader, race.voteId, { text: 'Жабылды' }),
			...crowd.slice(8).map((v) => cast(v, race.voteId, [ry!]))
		]);
		const ballots = results.filter((r, i) => i !== 8);
		expect(ballots).toHaveLength(16);
		const counted = ballots.filter((r) => r.status === 'fulfilled').length;
		for (const r of ballots)
			if (r.status === 'rejected') expect(String(r.reason)).toContain('error_vote_closed');
		expect(results[8]!.status).toBe('fulfilled');
		const decision = (await see(w.leader, race.voteId)).decision!;
		expect(decision.participantCount).toBe(counted + 3);
		expect(decision.lines[0]!.count).toBe(counted + 3);
		const rows = await t.db
			.selectFrom('ballots')
			.selectAll()
			.where('voteId', '=', race.voteId)
			.execute();
		expect(rows).toHaveLength(counted + 3);
		expect(rows.every((r) => r.sealed === null)).toBe(true);
	});
});

describe('secret ballots: too few to tell, and an admin signed in as the voter (issue 16)', () => {
	const hour = 3600_000;
	const events = (kind: string) =>
		t.db.selectFrom('securityEvents').selectAll().where('kind', '=', kind).execute();

	it('below the minimum the leader may not close early; the deadline closes it with only the turnout', async () => {
		const proposalId = await discussedProposal();
		const t0 = new Date(Date.now() - 2 * hour);
		const { voteId } = await open(
			{ proposalId, isSecret: true, closesAt: new Date(t0.getTime() + hour) },
			t0
		);
		const [yes] = await optionIds(voteId);
		for (const voter of [w.member, teachers[0]!]) await cast(voter, voteId, [yes!], t0);
		// Two ballots, both names listed: "accepted" would tell how both voted.
		const early = await appError(
			closeVote(as(w.leader, t0), { groupId: w.groupId, voteId, text: 'Жабылды', seal })
		);
		expect(early.code).toBe('conflict');
		expect(early.messageKey).toBe('ballot_error_close_too_few');
		expect(early.params).toEqual({ min: 3 });
		expect((await see(w.member, voteId, t0)).vote.status).toBe('open');

		// Past its deadline: closed, nothing of the count kept, nothing decided.
		const view = await see(w.member, voteId);
		expect(view.vote.status).toBe('closed');
		expect(view.decision).toMatchObject({
			outcome: 'no_quorum',
			lines: [],
			participantCount: 2,
			isQuorumMet: false,
			isClosedByDeadline: true
		});
		expect(view.tally?.lines).toEqual([]);
		expect(view.participants).toHaveLength(2);
		expect(await proposalStatus(proposalId)).toBe('discussion');
		const row = await t.db
			.selectFrom('decisions')
			.select('tally')
			.where('voteId', '=', voteId)
			.executeTakeFirstOrThrow();
		expect(JSON.parse(row.tally)).toEqual([]);
		const about = async (kind: string) =>
			(await events(kind)).find((e) => JSON.parse(e.detail!).voteId === voteId);
		const opened = await about('secret_vote_opened');
		expect(opened).toMatchObject({ actorId: w.leader.id, schoolId: w.schoolId });
		const closed = await about('secret_vote_closed');
		expect(closed).toMatchObject({ actorId: null, schoolId: w.schoolId });
		expect(JSON.parse(closed!.detail!)).toMatchObject({
			voteId,
			ballots: 2,
			isByDeadline: true,
			isTallyWithheld: true
		});
	});

	it('from the minimum on the leader closes and the tally shows; without a deadline it closes withheld', async () => {
		const withDeadline = await open({ isSecret: true, closesAt: new Date(Date.now() + hour) });
		const [yes, no] = await optionIds(withDeadline.voteId);
		await cast(w.member, withDeadline.voteId, [yes!]);
		await cast(teachers[0]!, withDeadline.voteId, [no!]);
		await cast(teachers[1]!, withDeadline.voteId, [yes!]);
		await close(w.leader, withDeadline.voteId, { text: 'Кабыл алынды' });
		const shown = (await see(w.member, withDeadline.voteId)).decision!;
		expect(shown.lines.map((l) => l.count)).toEqual([2, 1, 0]);
		expect(shown.outcome).toBe('accepted');

		// Nothing but the leader will ever close it: it closes, and tells nothing.
		const endless = await open({ isSecret: true });
		await cast(w.member, endless.voteId, [(await optionIds(endless.voteId))[0]!]);
		await close(w.leader, endless.voteId, { text: 'Добуш аз болду' });
		const decision = (await see(w.leader, endless.voteId)).decision!;
		expect(decision).toMatchObject({ outcome: 'no_quorum', lines: [], participantCount: 1 });
		const closed = (await events('secret_vote_closed')).filter((e) =>
			[withDeadline.voteId, endless.voteId].includes(JSON.parse(e.detail!).voteId)
		);
		expect(closed.map((e) => JSON.parse(e.detail!).isTallyWithheld).sort()).toEqual([false, true]);
		expect(closed.every((e) => e.actorId === w.leader.id)).toBe(true);
	});

	it("a voter whose password an admin's reset link set sees no secret choice and cannot change it", async () => {
		const { voteId } = await open({ isSecret: true });
		const [yes, no] = await optionIds(voteId);
		await cast(w.member, voteId, [yes!]);
		const reset = async (issuedBy: string | null, usedAt: Date) =>
			t.db
				.insertInto('passwordResets')
				.values({
					id: `reset-${usedAt.getTime()}`,
					tokenHash: `hash-${usedAt.getTime()}`,
					userId: w.member.id,
					issuedBy,
					createdAt: usedAt,
					expiresAt: new Date(usedAt.getTime() + hour),
					usedAt
				})
				.execute();
		// The admin issued a link and used it: whoever signs in now may be the admin.
		await reset(w.admin.id, new Date(Date.now() - 60_000));
		const hidden = await see(w.member, voteId);
		expect(hidden.myChoices).toBeNull();
		expect(hidden.isMyChoiceHidden).toBe(true);
		expect(hidden.canVote).toBe(false);
		const refused = await appError(cast(w.member, voteId, [no!]));
		expect(refused.code).toBe('forbidden');
		expect(refused.messageKey).toBe('ballot_error_after_admin_reset');
		// A first ballot is still theirs to cast; then it is hidden like the other.
		await cast(teachers[0]!, voteId, [no!]);
		expect((await see(teachers[0]!, voteId)).myChoices).toEqual([no]);
		// An open vote is not concerned: nothing there is secret.
		const openBallot = await open();
		await cast(w.member, openBallot.voteId, [(await optionIds(openBallot.voteId))[1]!]);
		expect((await see(w.member, openBallot.voteId)).myChoices).toHaveLength(1);

		// A link the person asked for, sent to their own address: their choice again.
		await reset(null, new Date(Date.now() - 30_000));
		expect((await see(w.member, voteId)).myChoices).toEqual([yes]);
		expect(await cast(w.member, voteId, [no!])).toEqual({ changed: true });
		const rows = await t.db
			.selectFrom('ballots')
			.selectAll()
			.where('voteId', '=', voteId)
			.execute();
		expect(rows.filter((r) => r.voterId === w.member.id)).toHaveLength(1);
	});
});

/**
 * Reads every row of every table, as a database dump or export would: no row may tie a
 * voter to some of the secret vote's options. (A row naming all of them, as the options
 * list or the decision's tally does, says nothing about anyone's choice; the seal is
 * ciphertext and names none.)
 */
async function expectNoRowLinks(voters: Actor[], options: string[]) {
	const tables = isPostgres(t.db as never)
		? (
				await sql<{
					name: string;
				}>`select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(
					t.db
				)
			).rows
		: (
				await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(
					t.db
				)
			).rows;
	expect(tables.length).toBeGreaterThan(30);
	for (const { name } of tables) {
		const rows = (
			await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(t.db)
		).rows;
		for (const row of rows) {
			const text = JSON.stringify(row);
			const voter = voters.find((v) => text.includes(v.id));
			const named = options.filter((o) => text.includes(o)).length;
			if (voter && named > 0 && named < options.length)
				throw new Error(`${name} links ${voter.fullName} to a choice: ${text}`);
		}
	}
}

describe('closing the group (§3.6)', () => {
	it('counts its open votes, secret ones included, and wipes their seals; nothing changes after', async () => {
		const proposalId = await discussedProposal('Жабылганга чейинки сунуш');
		const { voteId } = await open({ proposalId, isSecret: true });
		const [yes] = await optionIds(voteId);
		// Three ballots: the secret ballots' minimum, so the tally is kept (issue 16).
		for (const voter of [w.member, ...teachers.slice(0, 2)]) await cast(voter, voteId, [yes!]);
		// One whose deadline passed unseen: closed as of its deadline, as a read would have.
		const t0 = new Date(Date.now() - 3 * 3600_000);
		const overdue = await open({ closesAt: new Date(t0.getTime() + 3600_000) }, t0);
		await closeGroup(as(w.admin), { groupId: w.groupId, reason: 'Окуу жылы бүттү', seal });
		const late = (await see(w.member, overdue.voteId)).decision!;
		expect(late.isClosedByDeadline).toBe(true);
		expect(late.decidedAt.getTime()).toBeLessThan(Date.now() - 3600_000);
		const view = await see(w.member, voteId);
		expect(view.vote.status).toBe('closed');
		expect(view.decision).toMatchObject({ text: '', outcome: 'accepted', participantCount: 3 });
		expect(view.can).toEqual({ close: false, record: false });
		expect(await proposalStatus(proposalId)).toBe('accepted');
		const rows = await t.db
			.selectFrom('ballots')
			.selectAll()
			.where('voteId', '=', voteId)
			.execute();
		expect(rows).toHaveLength(3);
		expect(rows.every((r) => r.sealed === null)).toBe(true);
		expect((await appError(cast(w.member, voteId, [yes!]))).code).toBe('conflict');
		expect((await appError(record(w.leader, view.decision!.id, { text: 'x' }))).messageKey).toBe(
			'error_group_closed'
		);
	});
});

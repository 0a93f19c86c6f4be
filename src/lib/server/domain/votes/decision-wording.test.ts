import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import type { DecisionOutcome } from '../../db/types';
import { ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { actorOf, makeUser } from '../../test/factories';
import { join, makeGroupWorld, type GroupWorld } from '../../test/groups';
import { testSeal } from '../../test/votes';
import { useTestDatabase } from '../../test/vitest';
import type { ValidationError } from '../../validation';
import { suggestedWording } from '../../web/vote-views';
import { asId, type DecisionId, type VoteId, type VoteOptionId } from '../ids';
import { castBallot } from './cast-ballot';
import { closeVote } from './close-vote';
import { getVote } from './get-vote';
import type { OpenVoteInput } from './input';
import { openVote } from './open-vote';
import { recordDecision } from './record-decision';
import type { TallyLine } from './tally';

// Issue 17: the decision's wording was typed before the tally was known, so a decision could
// say the opposite of its result. Now the leader closes first and words the decision with the
// tally in view, starting from the wording its outcome calls for; a wording written for
// another outcome is refused by the domain, whether sent with the close or after it.

const t = useTestDatabase();
const seal = testSeal();
let w: GroupWorld;
let teachers: Actor[];

beforeEach(async () => {
	w = await makeGroupWorld(t.db);
	teachers = [];
	for (const fullName of ['Чолпон Абдыкадырова', 'Бекболот Исаков', 'Назира Жээнбекова']) {
		const teacher = actorOf(await makeUser(t.db, { schoolId: w.schoolId, fullName }));
		await join(t.db, w.leader, w.groupId, teacher);
		teachers.push(teacher);
	}
});

const as = (actor: Actor, now?: Date) => ctxOf(t.db, actor, now);
const question = 'Ачык сабактар жумалыгын өткөрөбүзбү?';
const open = (over: Partial<OpenVoteInput> = {}) =>
	openVote(as(w.leader), { groupId: w.groupId, question, kind: 'yes_no', ...over });
const options = async (voteId: VoteId) =>
	(
		await t.db
			.selectFrom('voteOptions')
			.select('id')
			.where('voteId', '=', voteId)
			.orderBy('position')
			.execute()
	).map((o) => asId<VoteOptionId>(o.id));
const cast = (actor: Actor, voteId: VoteId, choice: VoteOptionId) =>
	castBallot(as(actor), { groupId: w.groupId, voteId, choices: [choice], seal });
const close = (voteId: VoteId, wording: { text?: string; outcome?: DecisionOutcome } = {}) =>
	closeVote(as(w.leader), { groupId: w.groupId, voteId, ...wording, seal });
const word = (decisionId: DecisionId, text: string, outcome?: DecisionOutcome) =>
	recordDecision(as(w.leader), { groupId: w.groupId, decisionId, text, outcome });
const see = (voteId: VoteId) => getVote(as(w.leader), { groupId: w.groupId, voteId, seal });
const refusal = async (promise: Promise<unknown>) =>
	((await appError(promise)) as ValidationError).issues.map((i) => `${i.field}:${i.key}`);

describe('the decision is worded after the tally (issue 17)', () => {
	it('the leader closes without a wording; the wording offered follows the outcome; the other one is refused', async () => {
		const { voteId } = await open();
		const [yes, no] = await options(voteId);
		await cast(w.member, voteId, no!);
		await cast(teachers[0]!, voteId, no!);
		await cast(teachers[1]!, voteId, yes!);
		const { decisionId } = await close(voteId);

		const closed = await see(voteId);
		expect(closed.vote.status).toBe('closed');
		expect(closed.decision).toMatchObject({ text: '', outcome: 'rejected' });
		// The page's wording field starts from the outcome, never from a guess made before it.
		expect(suggestedWording('rejected', closed.decision!.lines, question)).toBe(
			`Кабыл алынган жок: ${question}`
		);

		// Written for "accepted" (a form opened before the count, a wrong choice): refused.
		expect(await refusal(word(decisionId, `Кабыл алынды: ${question}`, 'accepted'))).toEqual([
			'text:decisions_error_wording_outcome'
		]);
		expect((await see(voteId)).decision?.text).toBe('');

		await word(decisionId, `Кабыл алынган жок: ${question}`, 'rejected');
		expect((await see(voteId)).decision).toMatchObject({
			text: `Кабыл алынган жок: ${question}`,
			outcome: 'rejected'
		});
	});

	it('a wording sent with the close is kept only if it fits the count; otherwise nothing closes', async () => {
		const { voteId } = await open();
		const [yes, no] = await options(voteId);
		await cast(w.member, voteId, yes!);
		await cast(teachers[0]!, voteId, yes!);
		await cast(teachers[1]!, voteId, no!);

		expect(
			await refusal(close(voteId, { text: 'Кабыл алынган жок', outcome: 'rejected' }))
		).toEqual(['text:decisions_error_wording_outcome']);
		const still = await see(voteId);
		expect(still.vote.status).toBe('open');
		expect(still.decision).toBeNull();
		expect(
			await t.db.selectFrom('decisions').select('id').where('voteId', '=', voteId).execute()
		).toEqual([]);

		await close(voteId, { text: 'Кабыл алынды', outcome: 'accepted' });
		expect((await see(voteId)).decision).toMatchObject({
			text: 'Кабыл алынды',
			outcome: 'accepted'
		});
	});

	it('the secret-vote minimum still holds when the close carries no wording', async () => {
		const hour = 3600_000;
		const { voteId } = await open({ isSecret: true, closesAt: new Date(Date.now() + hour) });
		const [yes] = await options(voteId);
		await cast(w.member, voteId, yes!);
		const early = await appError(close(voteId));
		expect(early.code).toBe('conflict');
		expect(early.messageKey).toBe('ballot_error_close_too_few');
		expect((await see(voteId)).vote.status).toBe('open');
	});

	it('the wording offered for each outcome, and for a tally withheld', () => {
		const line = (optionId: string, label: string, count: number): TallyLine => ({
			optionId,
			code: null,
			label,
			count
		});
		const choice = [line('a', 'Декабрда', 4), line('b', 'Январда', 1)];
		expect(suggestedWording('accepted', [], question)).toBe(
			// An empty tally is a withheld one: nothing was decided, whatever the outcome says.
			`Чечим кабыл алынган жок: ${question}`
		);
		const yesNo = [line('y', 'Ооба', 3), line('n', 'Жок', 1)];
		expect(suggestedWording('accepted', yesNo, question)).toBe(`Кабыл алынды: ${question}`);
		expect(suggestedWording('rejected', yesNo, question)).toBe(`Кабыл алынган жок: ${question}`);
		expect(suggestedWording('no_quorum', yesNo, question)).toBe(
			`Чечим кабыл алынган жок: ${question}`
		);
		expect(suggestedWording('chosen', choice, question)).toBe('Тандалды: Декабрда');
		expect(suggestedWording('chosen', [line('a', 'Декабрда', 0)], question)).toBe(
			`Чечим кабыл алынган жок: ${question}`
		);
	});
});

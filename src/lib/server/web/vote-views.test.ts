import { describe, expect, it } from 'vitest';
import type { DecisionLogEntry } from '../domain/votes/list-decisions';
import { protocolVote } from './minutes-document';
import { decisionCard } from './vote-views';

// Issue 16, finding 4: a secret tally withheld for too few ballots reads the same everywhere
// a decision is printed: the vote's page, the decision log, a meeting's page, the minutes.
describe('a withheld secret tally', () => {
	const entry = {
		id: 'd1',
		number: 4,
		text: '',
		outcome: 'no_quorum',
		lines: [],
		rollCount: 9,
		participantCount: 2,
		quorumPercent: 50,
		isQuorumMet: false,
		isClosedByDeadline: true,
		decidedAt: new Date('2026-11-20T12:00:00Z'),
		meeting: null,
		voteId: 'v1',
		voteNumber: 3,
		question: 'Сунушту кабыл алабызбы?',
		isSecret: true,
		proposal: null
	} as unknown as DecisionLogEntry;

	it('shows no count, says why, and gives only the turnout', () => {
		const card = decisionCard(entry, 'ky', 'Asia/Bishkek');
		expect(card.bars).toEqual([]);
		expect(card.tally).toBe(
			'Бюллетендер өтө аз болгондуктан жашыруун добуш берүүнүн жыйынтыгы көрсөтүлбөйт.'
		);
		expect(card.outcome).toBe('Бюллетендер өтө аз: чечим кабыл алынган жок');
		expect(card.quorum).toBe('9 кишиден 2 киши добуш берди');
		// The minutes say the same in protocol style: no count, the same reason.
		const minutes = protocolVote(entry, 'ky');
		expect(minutes.tally).toBe(card.tally);
		expect(minutes.outcome).toBe('Бюллетендер өтө аз: чечим кабыл алынган жок');
		expect(minutes.tally).not.toMatch(/\d/);
	});

	it('leaves a counted tally as it was', () => {
		const counted = {
			...entry,
			outcome: 'accepted',
			isQuorumMet: true,
			participantCount: 5,
			lines: [
				{ optionId: 'y', code: 'yes', label: '', count: 4 },
				{ optionId: 'n', code: 'no', label: '', count: 1 },
				{ optionId: 'a', code: 'abstain', label: '', count: 0 }
			]
		} as DecisionLogEntry;
		const card = decisionCard(counted, 'ky', 'Asia/Bishkek');
		expect(card.bars).toHaveLength(3);
		expect(card.tally).toMatch(/4/);
		expect(card.quorum).toMatch(/^Кворум/);
	});
});

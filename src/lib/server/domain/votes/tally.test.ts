import { describe, expect, it } from 'vitest';
import { countBallots, leaders, quorumMet } from './tally';

const yesNo = [
	{ id: 'y', code: 'yes' as const, label: '' },
	{ id: 'n', code: 'no' as const, label: '' },
	{ id: 'a', code: 'abstain' as const, label: '' }
];

describe('the tally', () => {
	it('quorum: the share of the roll that took part, exactly the share being enough', () => {
		expect(quorumMet(null, 0, 10)).toBe(true);
		expect(quorumMet(50, 5, 10)).toBe(true);
		expect(quorumMet(50, 4, 10)).toBe(false);
		expect(quorumMet(67, 2, 3)).toBe(false); // 66.7 % < 67 %
		expect(quorumMet(66, 2, 3)).toBe(true);
		expect(quorumMet(100, 3, 3)).toBe(true);
		expect(quorumMet(1, 0, 3)).toBe(false);
	});

	it('yes/no: accepted when yes outnumbers no; abstentions take part but do not decide', () => {
		const vote = { kind: 'yes_no' as const, quorumPercent: 50 };
		const t = countBallots(vote, yesNo, [['y'], ['y'], ['n'], ['a'], ['a']], 8);
		expect(t.lines.map((l) => l.count)).toEqual([2, 1, 2]);
		expect(t).toMatchObject({ participantCount: 5, isQuorumMet: true, outcome: 'accepted' });
		expect(countBallots(vote, yesNo, [['y'], ['n'], ['a'], ['a']], 8).outcome).toBe('rejected');
		expect(countBallots(vote, yesNo, [['y'], ['y'], ['y']], 8).outcome).toBe('no_quorum');
	});

	it('choices: counts each option once per ballot, ignores unknown ids, finds the leaders', () => {
		const options = ['a', 'b', 'c'].map((id) => ({ id, code: null, label: id.toUpperCase() }));
		const t = countBallots(
			{ kind: 'multiple', quorumPercent: null },
			options,
			[['a', 'b'], ['b', 'b'], ['c', 'zzz'], ['a']],
			4
		);
		expect(t.lines.map((l) => l.count)).toEqual([2, 2, 1]);
		expect(t.outcome).toBe('chosen');
		expect(leaders(t.lines).map((l) => l.optionId)).toEqual(['a', 'b']);
		expect(
			leaders(countBallots({ kind: 'single', quorumPercent: null }, options, [], 4).lines)
		).toEqual([]);
	});
});

import type { DecisionOutcome, VoteKind, VoteOptionCode } from '../../db/types';

// Counting, pure: the same rules for the live tally and the decision recorded at closing.

export interface TallyLine {
	optionId: string;
	code: VoteOptionCode | null;
	label: string;
	count: number;
}

export interface Tally {
	lines: TallyLine[];
	rollCount: number;
	participantCount: number;
	quorumPercent: number | null;
	isQuorumMet: boolean;
	outcome: DecisionOutcome;
}

export function countBallots(
	vote: { kind: VoteKind; quorumPercent: number | null },
	options: { id: string; code: VoteOptionCode | null; label: string }[],
	ballots: string[][],
	rollCount: number
): Tally {
	const counts = new Map(options.map((o) => [o.id, 0]));
	for (const choices of ballots)
		for (const id of new Set(choices)) if (counts.has(id)) counts.set(id, counts.get(id)! + 1);
	const lines = options.map((o) => ({
		optionId: o.id,
		code: o.code,
		label: o.label,
		count: counts.get(o.id)!
	}));
	const participantCount = ballots.length;
	const isQuorumMet = quorumMet(vote.quorumPercent, participantCount, rollCount);
	return {
		lines,
		rollCount,
		participantCount,
		quorumPercent: vote.quorumPercent,
		isQuorumMet,
		outcome: outcomeOf(vote.kind, lines, isQuorumMet)
	};
}

/** Quorum: at least the given share of the roll took part (exactly the share is enough). */
export function quorumMet(percent: number | null, participants: number, roll: number): boolean {
	if (percent === null) return true;
	return participants * 100 >= percent * roll;
}

/**
 * Without a quorum nothing is decided. Yes/no: accepted when "yes" outnumbers "no"
 * (abstentions count for taking part, not for either side). A choice: the group chose.
 */
export function outcomeOf(
	kind: VoteKind,
	lines: TallyLine[],
	isQuorumMet: boolean
): DecisionOutcome {
	if (!isQuorumMet) return 'no_quorum';
	if (kind !== 'yes_no') return 'chosen';
	const count = (code: VoteOptionCode) => lines.find((l) => l.code === code)?.count ?? 0;
	return count('yes') > count('no') ? 'accepted' : 'rejected';
}

/** The options with the most votes (several on a tie; none when nobody chose anything). */
export function leaders(lines: TallyLine[]): TallyLine[] {
	const top = Math.max(0, ...lines.map((l) => l.count));
	return top === 0 ? [] : lines.filter((l) => l.count === top);
}

/**
 * A secret vote closed with fewer ballots than the deployment's minimum (issue 16): nothing
 * of the count may be recorded or shown, not even which side won. With one ballot "accepted"
 * is that voter's choice; with two, "rejected" or a chosen option narrows both down; and the
 * list of participants says whose they were. So the per-option counts are dropped (an empty
 * tally: every vote has at least two options, so empty means withheld) and nothing is
 * decided: the minimum counts as the secret vote's quorum, not met. Only the turnout stays.
 */
export function withheld(tally: Tally): Tally {
	return { ...tally, lines: [], isQuorumMet: false, outcome: 'no_quorum' };
}

/** Whether a recorded tally was withheld (see withheld). */
export const isWithheld = (lines: TallyLine[]) => lines.length === 0;

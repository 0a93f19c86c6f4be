import type { DecisionOutcome, VoteKind, VoteOptionCode } from '../db/types';
import type { DecisionView } from '../domain/votes/get-vote';
import type { DecisionLogEntry } from '../domain/votes/list-decisions';
import { isWithheld, leaders, type TallyLine } from '../domain/votes/tally';
import { formatDateTime, formatPercent } from '../../i18n/format';
import type { Locale } from '../../i18n/locale';
import type { GroupId } from '../domain/ids';
import { openVoteInput, type OpenVoteInput } from '../domain/votes/input';
import { formatDay } from './days';
import { formInput } from './form-input';
import { translate } from './i18n';

// How votes, tallies and decisions read on a page and in the minutes, in the request's
// language. Shared by the votes pages, the decision log, the meeting page and the DOCX.

type Option = { code: VoteOptionCode | null; label: string };

/**
 * The leader's "open a vote" form as the use case's input: the options are typed one a line
 * (blank lines are none), the deadline is the school's wall-clock time.
 */
export function openVoteForm(
	values: Record<string, string | string[]>,
	groupId: GroupId,
	timeZone: string
): OpenVoteInput {
	const options = values.options;
	const lines =
		typeof options === 'string'
			? options
					.split('\n')
					.map((line) => line.trim())
					.filter(Boolean)
			: (options ?? []);
	return formInput(openVoteInput, { ...values, options: lines }, { groupId }, timeZone);
}

/** An option as a voter reads it on the ballot: "Макул", "Каршы", "Калыс", or its label. */
export function ballotOptionName(option: Option): string {
	return option.code ? translate(`vote_option_${option.code}`) : option.label;
}

/**
 * What a person chose, as a list of who chose what states it (the review: a result, not the
 * button: «Калыс калды», not «Калыс»), or the option's label.
 */
export function choiceName(option: Option): string {
	return option.code ? translate(`vote_chose_${option.code}`) : option.label;
}

/** An option as a tally reads it: "За", "Против", "Воздержались" (ru), or its label. */
export function tallyOptionName(option: Option): string {
	return option.code ? translate(`vote_tally_${option.code}`) : option.label;
}

export const voteKindName = (kind: VoteKind) => translate(`vote_kind_${kind}`);

export const outcomeName = (outcome: DecisionOutcome) => translate(`decision_outcome_${outcome}`);

/** A badge's tone for an outcome: status by text and colour (app.css .badge). */
export function outcomeTone(outcome: DecisionOutcome): string {
	return outcome === 'accepted' || outcome === 'chosen'
		? 'ok'
		: outcome === 'no_quorum'
			? 'warn'
			: 'off';
}

/** "Yes 7 · No 2 · Abstain 1": the tally on one line (or why it is withheld). */
export function tallyLine(lines: TallyLine[]): string {
	if (isWithheld(lines)) return translate('ballot_tally_withheld');
	return lines.map((l) => `${tallyOptionName(l)} ${l.count}`).join(' · ');
}

/**
 * The outcome in words; for a choice, which option(s) most chose. A secret vote's tally
 * withheld for too few ballots (tally.ts `withheld`) says so rather than "no quorum".
 */
export function outcomeLine(outcome: DecisionOutcome, lines: TallyLine[]): string {
	if (isWithheld(lines)) return translate('ballot_outcome_too_few');
	if (outcome !== 'chosen') return outcomeName(outcome);
	const top = leaders(lines);
	return top.length === 0
		? translate('decision_chosen_none')
		: translate('decision_chosen', { options: top.map(tallyOptionName).join(', ') });
}

/**
 * The wording the leader starts from once the tally is known (issue 17): it follows the
 * outcome, so a decision does not say the opposite of its count unless the leader rewrites
 * it so. A label and the question, not a sentence around it (Kyrgyz: no names inside one).
 */
export function suggestedWording(
	outcome: DecisionOutcome,
	lines: TallyLine[],
	question: string
): string {
	if (isWithheld(lines) || outcome === 'no_quorum')
		return translate('decisions_wording_none', { question });
	if (outcome === 'accepted') return translate('decisions_wording_accepted', { question });
	if (outcome === 'rejected') return translate('decisions_wording_rejected', { question });
	const top = leaders(lines);
	return top.length === 0
		? translate('decisions_wording_none', { question })
		: translate('decisions_wording_chosen', { options: top.map(tallyOptionName).join(', ') });
}

/** "N of M voted". */
export const turnoutLine = (participantCount: number, rollCount: number) =>
	translate('vote_turnout', { count: participantCount, roll: rollCount });

/**
 * "Quorum met (50%) · 8 of 10 voted". While the vote is open a quorum not reached is "not
 * yet"; once closed it is "not met".
 */
export function quorumLine(
	t: {
		quorumPercent: number | null;
		isQuorumMet: boolean;
		participantCount: number;
		rollCount: number;
		lines?: TallyLine[];
	},
	isClosed = true
): string {
	// Withheld (tally.ts): the minimum of secret ballots was the rule not met; only the turnout.
	if (t.lines && isWithheld(t.lines)) return turnoutLine(t.participantCount, t.rollCount);
	const state =
		t.quorumPercent === null
			? translate('vote_quorum_none')
			: t.isQuorumMet
				? translate('vote_quorum_met', { percent: t.quorumPercent })
				: isClosed
					? translate('vote_quorum_not_met', { percent: t.quorumPercent })
					: translate('vote_quorum_not_yet', { percent: t.quorumPercent });
	return `${state} · ${turnoutLine(t.participantCount, t.rollCount)}`;
}

export interface TallyBar {
	label: string;
	count: number;
	/** 0–100, of those who took part (a multiple choice may add up to more than 100). */
	percent: number;
	/** "7 votes, 70%" */
	text: string;
	isLeading: boolean;
}

/** The tally as bars: each option's count and share of those who took part. */
export function tallyBars(
	lines: TallyLine[],
	participantCount: number,
	locale: Locale
): TallyBar[] {
	const top = new Set(leaders(lines).map((l) => l.optionId));
	return lines.map((l) => {
		const share = participantCount === 0 ? 0 : l.count / participantCount;
		return {
			label: tallyOptionName(l),
			count: l.count,
			percent: Math.round(share * 100),
			text: `${translate('vote_count', { count: l.count })}, ${formatPercent(share * 100, locale)}`,
			isLeading: top.has(l.optionId)
		};
	});
}

/** "Протокол №3, 2026-ж., 25-ноябрь": a meeting as a select option or a link. */
export const meetingName = (meeting: { number: number; heldOn: string }, locale: Locale) =>
	`${translate('minutes_number', { number: meeting.number })}, ${formatDay(meeting.heldOn, locale)}`;

/** A decision as the DecisionSummary component shows it. */
export interface DecisionCard {
	id: string;
	number: number;
	date: string;
	text: string;
	outcome: string;
	tone: string;
	tally: string;
	bars: TallyBar[];
	quorum: string;
	isClosedByDeadline: boolean;
	meeting: { id: string; name: string } | null;
	/** Present in the decision log and on a meeting page: what was asked, where. */
	vote: {
		id: string;
		number: number;
		question: string;
		isSecret: boolean;
		proposal: { id: string; number: number; title: string } | null;
	} | null;
}

export function decisionCard(
	decision: DecisionView | DecisionLogEntry,
	locale: Locale,
	timeZone: string
): DecisionCard {
	return {
		id: decision.id,
		number: decision.number,
		date: formatDateTime(decision.decidedAt, locale, timeZone),
		text: decision.text,
		outcome: outcomeLine(decision.outcome, decision.lines),
		tone: outcomeTone(decision.outcome),
		// Withheld: no lines, so no bars; the tally line says why.
		tally: tallyLine(decision.lines),
		bars: tallyBars(decision.lines, decision.participantCount, locale),
		quorum: quorumLine(decision),
		isClosedByDeadline: decision.isClosedByDeadline,
		meeting: decision.meeting
			? { id: decision.meeting.id, name: meetingName(decision.meeting, locale) }
			: null,
		vote:
			'voteId' in decision
				? {
						id: decision.voteId,
						number: decision.voteNumber,
						question: decision.question,
						isSecret: decision.isSecret,
						proposal: decision.proposal
					}
				: null
	};
}

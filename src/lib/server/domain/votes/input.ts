import { z } from 'zod';
import { flag, list, longText, text, wholeNumber } from '../../validation';
import {
	decisionId,
	editionId,
	groupId,
	meetingId,
	proposalId,
	voteId,
	voteOptionId
} from '../ids';
import type { BallotSeal } from './seal';

export const MAX_OPTIONS = 20;
export const MAX_OPTION_CHARS = 200;

// One schema per use case, ids included. A use case whose input is only ids does not
// validate it again: an id that names nothing is "not found" when it is looked up.

/** Secret ballots are sealed and opened with the deployment's ballot key (secrets.ts). */
interface WithSeal {
	seal: BallotSeal;
}

const realDate = (value: unknown) => value instanceof Date && !Number.isNaN(value.getTime());

/**
 * A moment in time. What is no real time (a form's '2026-02-30T10:00', which
 * web/form-input.ts passes on as it came) is named as a bad date, not as a missing one.
 */
const moment = z
	.date()
	.catch(({ input }) => input as Date)
	.pipe(z.custom<Date>(realDate, 'error_date'));

export const openVoteInput = z.object({
	groupId,
	/** The proposal in discussion put to the vote; none for a free question. */
	proposalId: proposalId.optional(),
	/** A vote on approving a compiled edition of a methodological collection. */
	collectionEditionId: editionId.optional(),
	question: text(300, 3),
	description: longText(4000),
	kind: z.enum(['yes_no', 'single', 'multiple']),
	/** The choices of a single or multiple choice vote, in order (not for yes / no). */
	options: list(text(MAX_OPTION_CHARS), MAX_OPTIONS),
	maxChoices: wholeNumber(1, MAX_OPTIONS).optional(),
	quorumPercent: wholeNumber(1, 100).optional(),
	/** When it closes by itself; none: when the leader closes it. */
	closesAt: moment.optional(),
	isSecret: flag,
	isExternalAllowed: flag,
	tally: z.enum(['live', 'after_close']).default('live')
});
export type OpenVoteInput = z.input<typeof openVoteInput>;

export const getVoteFormInput = z.object({
	groupId,
	/** The compiled edition whose "put to the group's vote" link led here. */
	editionId: editionId.optional()
});
export type GetVoteFormInput = z.input<typeof getVoteFormInput>;

export const castBallotInput = z.object({
	groupId,
	voteId,
	/** The options chosen: one, or up to the vote's maximum. */
	choices: list(voteOptionId, MAX_OPTIONS)
});
export type CastBallotInput = z.input<typeof castBallotInput> & WithSeal;

export const decisionOutcomes = ['accepted', 'rejected', 'no_quorum', 'chosen'] as const;

const decisionFields = {
	text: text(4000),
	/**
	 * The outcome the wording was written for (the page sends the one it showed with the
	 * tally). A wording written for another outcome than the count's is refused: a decision
	 * never says the opposite of its result (issue 17).
	 */
	outcome: z.enum(decisionOutcomes).optional(),
	/** The meeting whose minutes record the decision. */
	meetingId: meetingId.optional()
};

/**
 * Closing counts the ballots; the wording comes after, once the tally is known (the page
 * asks for it then). A wording sent with the close is kept only with the outcome it was
 * written for, checked against the count (`outcome`), or, without one, as a caller that
 * knows the result already sends it (the demo's story, the seeds).
 */
export const closeVoteInput = z.object({
	groupId,
	voteId,
	...decisionFields,
	text: longText(4000)
});
export type CloseVoteInput = z.input<typeof closeVoteInput> & WithSeal;

export const recordDecisionInput = z.object({ groupId, decisionId, ...decisionFields });
export type RecordDecisionInput = z.input<typeof recordDecisionInput>;

export const getVoteInput = z.object({ groupId, voteId });
export type GetVoteInput = z.input<typeof getVoteInput> & WithSeal;

export const listVotesInput = z.object({ groupId });
export type ListVotesInput = z.input<typeof listVotesInput> & WithSeal;

export const listDecisionsInput = z.object({ groupId });
export type ListDecisionsInput = z.input<typeof listDecisionsInput> & WithSeal;

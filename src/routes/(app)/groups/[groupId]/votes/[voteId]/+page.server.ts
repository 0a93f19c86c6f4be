import { config } from '$lib/server/config.js';
import { AppError } from '$lib/server/errors';
import { asId, type DecisionId, type GroupId, type VoteId } from '$lib/server/domain/ids';
import { castBallot } from '$lib/server/domain/votes/cast-ballot';
import { closeVote } from '$lib/server/domain/votes/close-vote';
import { decisionOf, getVote } from '$lib/server/domain/votes/get-vote';
import {
	castBallotInput,
	closeVoteInput,
	recordDecisionInput
} from '$lib/server/domain/votes/input';
import { recordDecision } from '$lib/server/domain/votes/record-decision';
import { ballots } from '$lib/server/secrets';
import { formatDateTime } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { faceOf } from '$lib/server/web/faces';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import {
	ballotOptionName,
	choiceName,
	decisionCard,
	meetingName,
	quorumLine,
	suggestedWording,
	tallyBars,
	turnoutLine,
	voteKindName
} from '$lib/server/web/vote-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { timeZone } = config();
	const locale = locals.locale;
	const view = await orHttpError(getVote(actorCtx(locals), { ...voteOf(params), seal: ballots() }));
	const { vote } = view;
	const at = (date: Date) => formatDateTime(date, locale, timeZone);
	const optionName = new Map(view.options.map((o) => [o.id, ballotOptionName(o)]));
	const names = (ids: string[]) => ids.map((id) => optionName.get(id) ?? '—').join(', ');
	const chosenName = new Map(view.options.map((o) => [o.id, choiceName(o)]));
	const isOpen = vote.status === 'open';
	const closesAt = vote.closesAt ? at(vote.closesAt) : null;
	const decision = view.decision;
	return {
		vote: {
			id: vote.id,
			number: vote.number,
			question: vote.question,
			description: vote.description,
			kind: voteKindName(vote.kind),
			isMultiple: vote.kind === 'multiple',
			maxChoices: vote.maxChoices,
			isSecret: vote.isSecret,
			isOpen,
			closesAt,
			closedAt: vote.closedAt ? at(vote.closedAt) : null,
			opened: [view.openedByName, at(vote.openedAt)].filter(Boolean).join(', '),
			quorum:
				vote.quorumPercent === null
					? translate('vote_quorum_none')
					: translate('vote_quorum_rule', { percent: vote.quorumPercent }),
			tallyWhen: translate(vote.isTallyLive ? 'vote_tally_live' : 'vote_tally_after_close')
		},
		proposal: view.proposal,
		options: view.options.map((o) => ({ value: o.id, label: optionName.get(o.id)! })),
		myChoiceIds: view.myChoices ?? [],
		myChoices: view.myChoices === null ? null : names(view.myChoices),
		refusal: view.refusal ? translate(view.refusal) : null,
		choiceHidden: view.isMyChoiceHidden ? translate('ballot_choice_hidden_after_reset') : null,
		canVote: view.canVote,
		tally: view.tally
			? {
					bars: tallyBars(view.tally.lines, view.tally.participantCount, locale),
					quorum: quorumLine(view.tally, !isOpen),
					isQuorumMet: view.tally.isQuorumMet
				}
			: null,
		tallyHidden: view.tally
			? null
			: vote.isTallyLive && view.canVote
				? translate('vote_tally_hidden_live')
				: closesAt
					? translate('vote_tally_hidden_after_close_at', { date: closesAt })
					: translate('vote_tally_hidden_after_close'),
		secretMinimum:
			vote.isSecret && isOpen ? translate('ballot_min_hint', { min: view.secretMinBallots }) : null,
		turnout: turnoutLine(view.participants.length, view.rollCount),
		participants: view.participants,
		/** The ballot roll: who has voted, with their faces; never what they chose if secret. */
		voters: view.voters.map((v) => ({ id: v.id, face: faceOf(v) })),
		ballots:
			view.ballots?.map((b) => ({
				name: b.name,
				choices: b.choices.map((id) => chosenName.get(id) ?? '—').join(', ')
			})) ?? null,
		decision: view.decision ? decisionCard(view.decision, locale, timeZone) : null,
		// The wording is asked once the tally is known (issue 17): a decision waiting for it
		// starts from the wording its outcome calls for; the form says which outcome that is.
		decisionValues: {
			text:
				decision && decision.text === ''
					? suggestedWording(decision.outcome, decision.lines, vote.question)
					: (decision?.text ?? ''),
			meetingId: decision?.meeting?.id ?? ''
		} as Record<string, string>,
		decisionOutcome: decision?.outcome ?? null,
		can: view.can,
		meetings: view.meetings.map((meeting) => ({
			value: meeting.id,
			label: meetingName(meeting, locale)
		}))
	};
};

/** The vote the page is about, from its address. */
const voteOf = (params: { groupId: string; voteId: string }) => ({
	groupId: asId<GroupId>(params.groupId),
	voteId: asId<VoteId>(params.voteId)
});

export const actions: Actions = {
	cast: async (event) => {
		const ctx = actorCtx(event.locals);
		return runForm(event, async (values) => {
			const { changed } = await castBallot(ctx, {
				...formInput(castBallotInput, values, voteOf(event.params)),
				seal: ballots()
			});
			return { cast: true as const, changed };
		});
	},
	close: async (event) => {
		const ctx = actorCtx(event.locals);
		return runForm(event, async (values) => {
			await closeVote(ctx, {
				...formInput(closeVoteInput, values, voteOf(event.params)),
				seal: ballots()
			});
			return { closed: true as const };
		});
	},
	record: async (event) => {
		const ctx = actorCtx(event.locals);
		const { groupId, voteId } = voteOf(event.params);
		return runForm(event, async (values) => {
			const decision = await decisionOf(ctx.db, voteId);
			if (!decision) throw new AppError('not_found', 'error_decision_not_found');
			const decisionId = asId<DecisionId>(decision.id);
			await recordDecision(ctx, formInput(recordDecisionInput, values, { groupId, decisionId }));
			return { recorded: true as const };
		});
	}
};

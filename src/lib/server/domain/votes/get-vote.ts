import type { DB, DecisionOutcome, Vote, VoteOptionCode } from '../../db/types';
import type { MessageKey } from '../../../i18n/messages';
import type { Ctx } from '../context';
import { isPasswordFromAdminReset } from '../accounts/admin-reset-mark';
import { canRunVotes } from '../group-access/policy';
import { getSecuritySettings } from '../schools/security-settings';
import type { GetVoteInput } from './input';
import { canSeeTally, canVote, whyNotVoting } from './policy';
import { ballotChoices, currentTally, rollCount, voteAccess, voteOptions } from './queries';
import type { Tally, TallyLine } from './tally';

export interface DecisionView {
	id: string;
	number: number;
	text: string;
	outcome: DecisionOutcome;
	lines: TallyLine[];
	rollCount: number;
	participantCount: number;
	quorumPercent: number | null;
	isQuorumMet: boolean;
	isClosedByDeadline: boolean;
	decidedAt: Date;
	meeting: { id: string; number: number; heldOn: string } | null;
}

export interface VoteView {
	vote: Vote;
	proposal: { id: string; number: number; title: string } | null;
	openedByName: string | null;
	options: { id: string; code: VoteOptionCode | null; label: string }[];
	rollCount: number;
	/** Who took part, by name (never in the order they voted). */
	participants: string[];
	/** The same people with what their faces are made of, in the same order (the ballot roll). */
	voters: {
		id: string;
		fullName: string;
		photoKey: string | null;
		photoUpdatedAt: Date | string | null;
	}[];
	isOnRoll: boolean;
	/** The actor's own choices, or null before voting (and while hidden: see below). */
	myChoices: string[] | null;
	/**
	 * The actor voted in this open secret vote, but signed in with a password an admin's reset
	 * link set: the choice is not shown, nor may it be changed (issue 16).
	 */
	isMyChoiceHidden: boolean;
	/** A secret vote's tally shows only from this many ballots (the deployment's setting). */
	secretMinBallots: number;
	/** Why the actor cannot vote, when they see an open vote they may not vote in. */
	refusal: MessageKey | null;
	canVote: boolean;
	tally: Tally | null;
	/** Open ballots, once the tally shows: who chose what. Never for a secret ballot. */
	ballots: { name: string; choices: string[] }[] | null;
	decision: DecisionView | null;
	can: { close: boolean; record: boolean };
	/** The group's meetings, for linking the decision to minutes (leader only). */
	meetings: { id: string; number: number; heldOn: string }[];
}

/** A vote as its page shows it: what the actor may see of the tally, the ballots, the decision. */
export async function getVote(
	{ db, actor, now }: Ctx,
	{ groupId, voteId, seal }: GetVoteInput
): Promise<VoteView> {
	const access = await voteAccess(db, seal, actor, groupId, voteId, now);
	const { vote } = access;
	const [proposal, opener, options, roll, people, ballots] = await Promise.all([
		vote.proposalId
			? db
					.selectFrom('proposals')
					.select(['id', 'number', 'title'])
					.where('id', '=', vote.proposalId)
					.executeTakeFirst()
			: undefined,
		vote.openedBy
			? db.selectFrom('users').select('fullName').where('id', '=', vote.openedBy).executeTakeFirst()
			: undefined,
		voteOptions(db, voteId),
		rollCount(db, voteId),
		db
			.selectFrom('ballots as b')
			.innerJoin('users as u', 'u.id', 'b.voterId')
			.select(['b.voterId', 'u.fullName', 'u.photoKey', 'u.photoUpdatedAt'])
			.where('b.voteId', '=', voteId)
			.execute(),
		vote.status === 'open' || !vote.isSecret ? ballotChoices(db, seal, vote) : []
	]);
	const hasVoted = people.some((p) => p.voterId === actor.id);
	const isMyChoiceHidden =
		hasVoted &&
		vote.isSecret &&
		vote.status === 'open' &&
		(await isPasswordFromAdminReset(db, actor.id));
	const mine =
		hasVoted && !isMyChoiceHidden
			? (ballots.find((b) => b.voterId === actor.id)?.choices ?? [])
			: null;
	const tallyShown = canSeeTally(vote, hasVoted);
	const { secretVoteMinBallots } = await getSecuritySettings(db);
	const decision = vote.status === 'closed' ? await decisionOf(db, voteId) : null;
	const open = vote.status === 'open' && !access.isClosed;
	const externalMayVote = access.group.isExternalVoteAllowed;
	const mayVote = canVote(actor, access, access.isOnRoll, externalMayVote);
	const isLeader = canRunVotes(actor, access);
	const voters = people
		.map((p) => ({
			id: p.voterId,
			fullName: p.fullName,
			photoKey: p.photoKey,
			photoUpdatedAt: p.photoUpdatedAt
		}))
		.sort((a, b) => a.fullName.localeCompare(b.fullName, 'ky'));
	return {
		vote,
		proposal: proposal ? { ...proposal, number: Number(proposal.number) } : null,
		openedByName: opener?.fullName ?? null,
		options,
		rollCount: roll,
		participants: voters.map((p) => p.fullName),
		voters,
		isOnRoll: access.isOnRoll,
		myChoices: mine,
		isMyChoiceHidden,
		secretMinBallots: secretVoteMinBallots,
		refusal:
			!open || mayVote || access.role === null
				? null
				: whyNotVoting(actor, access, vote, externalMayVote),
		canVote: open && mayVote && !isMyChoiceHidden,
		tally: !tallyShown
			? null
			: decision
				? {
						lines: decision.lines,
						rollCount: decision.rollCount,
						participantCount: decision.participantCount,
						quorumPercent: decision.quorumPercent,
						isQuorumMet: decision.isQuorumMet,
						outcome: decision.outcome
					}
				: await currentTally(db, seal, vote),
		ballots:
			tallyShown && !vote.isSecret
				? ballots
						.map((b) => ({
							name: people.find((p) => p.voterId === b.voterId)?.fullName ?? '',
							choices: b.choices
						}))
						.sort((a, b) => a.name.localeCompare(b.name, 'ky'))
				: null,
		decision,
		can: {
			close: isLeader && open,
			record: isLeader && vote.status === 'closed' && !access.isClosed
		},
		meetings: isLeader
			? (
					await db
						.selectFrom('meetings')
						.select(['id', 'number', 'heldOn'])
						.where('groupId', '=', groupId)
						.orderBy('number', 'desc')
						.execute()
				).map((m) => ({ ...m, number: Number(m.number) }))
			: []
	};
}

export async function decisionOf(db: DB, voteId: string): Promise<DecisionView | null> {
	const row = await db
		.selectFrom('decisions as d')
		.leftJoin('meetings as m', 'm.id', 'd.meetingId')
		.selectAll('d')
		.select(['m.number as meetingNumber', 'm.heldOn as meetingHeldOn'])
		.where('d.voteId', '=', voteId)
		.executeTakeFirst();
	return row ? toDecisionView(row) : null;
}

export function toDecisionView(row: {
	id: string;
	number: number;
	text: string;
	outcome: DecisionOutcome;
	tally: string;
	rollCount: number;
	participantCount: number;
	quorumPercent: number | null;
	isQuorumMet: boolean;
	isClosedByDeadline: boolean;
	decidedAt: Date;
	meetingId: string | null;
	meetingNumber: number | null;
	meetingHeldOn: string | null;
}): DecisionView {
	return {
		id: row.id,
		number: Number(row.number),
		text: row.text,
		outcome: row.outcome,
		lines: JSON.parse(row.tally) as TallyLine[],
		rollCount: Number(row.rollCount),
		participantCount: Number(row.participantCount),
		quorumPercent: row.quorumPercent === null ? null : Number(row.quorumPercent),
		isQuorumMet: row.isQuorumMet,
		isClosedByDeadline: row.isClosedByDeadline,
		decidedAt: row.decidedAt,
		meeting:
			row.meetingId && row.meetingHeldOn
				? { id: row.meetingId, number: Number(row.meetingNumber), heldOn: row.meetingHeldOn }
				: null
	};
}

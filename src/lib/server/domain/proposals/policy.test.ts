import { policyActor } from '../../test/actors';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { proposalStatuses, type ProposalStatus } from '../../db/types';
import { canEditPost, canPost, canStartThread } from '../discussions/policy';
import { canRunVotes } from '../group-access/policy';
import { canSeeTally, canVote } from '../votes/policy';
import {
	canAnalyzeProposal,
	canPropose,
	canPutToDiscussion,
	canReturnProposal,
	canWithdrawProposal,
	type ProposalPlace
} from './policy';
import { canSeeGroupWork } from '../group-access/policy';
import { isDiscussionOpen } from '../discussions/policy';

// Proposals, discussions and votes as tables: each kind of actor against each status (or
// each state of a thread or vote), allowed and denied spelled out. The group's school is A.
const actor = policyActor;
const place = (over: Partial<ProposalPlace>): ProposalPlace => ({
	schoolId: 'A',
	role: null,
	isFormerMember: false,
	isInvited: false,
	isAuthor: false,
	...over
});
const kinds: Record<string, [Actor | null, ProposalPlace]> = {
	anonymous: [null, place({})],
	staffA: [actor({}), place({})],
	adminA: [actor({ role: 'admin' }), place({})],
	adminB: [actor({ role: 'admin', schoolId: 'B' }), place({})],
	leader: [actor({}), place({ role: 'leader' })],
	member: [actor({}), place({ role: 'member' })],
	author: [actor({}), place({ role: 'member', isAuthor: true })],
	externalMember: [actor({ role: 'scientist', schoolId: null }), place({ role: 'member' })],
	formerAuthor: [actor({}), place({ isFormerMember: true, isAuthor: true })]
};
const members = ['leader', 'member', 'author', 'externalMember'];
type Rule = (a: Actor | null, p: ProposalPlace, s: ProposalStatus) => boolean;

/** `allowed[kind]` lists the statuses in which the kind may; every other pair is denied. */
function table(rule: Rule, allowed: Partial<Record<string, ProposalStatus[]>>) {
	for (const [kind, [a, p]] of Object.entries(kinds))
		for (const status of proposalStatuses) {
			const may = (allowed[kind] ?? []).includes(status);
			it(`${kind}, ${status}: ${may ? 'allowed' : 'denied'}`, () =>
				expect(rule(a, p, status)).toBe(may));
		}
}
/** A rule that does not depend on the status: the kinds allowed. */
function plain(rule: (a: Actor | null, p: ProposalPlace) => boolean, allowed: string[]) {
	for (const [kind, [a, p]] of Object.entries(kinds))
		it(`${kind}: ${allowed.includes(kind) ? 'allowed' : 'denied'}`, () =>
			expect(rule(a, p)).toBe(allowed.includes(kind)));
}

const beforeVote: ProposalStatus[] = ['submitted', 'analyzed', 'discussion'];

describe('seeing proposals, discussions and votes: members and the administration', () =>
	plain(canSeeGroupWork, ['adminA', ...members]));
describe('proposing: any current member, external members too (§3.3)', () =>
	plain(canPropose, members));
describe('analyzing: the leader, until the vote (§3.5)', () =>
	table(canAnalyzeProposal, { leader: beforeVote }));
describe('putting to discussion: the leader, once analyzed (§3.5)', () =>
	table(canPutToDiscussion, { leader: ['analyzed'] }));
describe('returning with a reason: the leader, until the vote', () =>
	table(canReturnProposal, { leader: beforeVote }));
describe('withdrawing: its author while a member, until the vote', () =>
	table(canWithdrawProposal, { author: beforeVote }));

describe('a proposal’s discussion is open in discussion and during the vote', () => {
	for (const status of proposalStatuses)
		it(status, () =>
			expect(isDiscussionOpen(status)).toBe(status === 'discussion' || status === 'vote')
		);
});

describe('discussions: members start threads and post in open ones; authors edit their own', () => {
	plain(canStartThread, members);
	for (const [kind, [a, p]] of Object.entries(kinds))
		for (const open of [true, false]) {
			const may = open && members.includes(kind);
			it(`${kind} posts in a ${open ? 'open' : 'closed'} thread: ${may}`, () =>
				expect(canPost(a, p, open)).toBe(may));
			it(`${kind} edits their own post in a ${open ? 'open' : 'closed'} thread: ${may}`, () =>
				expect(canEditPost(a, p, open, 'u')).toBe(may));
			it(`${kind} edits another's post: never`, () =>
				expect(canEditPost(a, p, open, 'someone-else')).toBe(false));
		}
});

describe('votes: the leader runs them; those on the roll who are still members vote', () => {
	plain(canRunVotes, ['leader']);
	for (const [kind, [a, p]] of Object.entries(kinds))
		for (const onRoll of [true, false])
			for (const externalMayVote of [true, false]) {
				// The consultant votes only while the group lets external members vote.
				const may =
					onRoll && members.includes(kind) && (kind !== 'externalMember' || externalMayVote);
				it(`${kind}, ${onRoll ? 'on' : 'not on'} the roll, external votes ${externalMayVote ? 'on' : 'off'}: ${may ? 'votes' : 'does not'}`, () =>
					expect(canVote(a, p, onRoll, externalMayVote)).toBe(may));
			}
});

describe('the tally shows once closed, or live to those who voted; never live when secret', () => {
	for (const status of ['open', 'closed'] as const)
		for (const isTallyLive of [true, false])
			for (const isSecret of [true, false])
				for (const voted of [true, false]) {
					const shown = status === 'closed' || (isTallyLive && !isSecret && voted);
					it(`${status}, ${isTallyLive ? 'live' : 'after closing'}, ${isSecret ? 'secret' : 'open ballot'}, ${voted ? 'voted' : 'not voted'}: ${shown}`, () =>
						expect(canSeeTally({ status, isTallyLive, isSecret }, voted)).toBe(shown));
				}
});

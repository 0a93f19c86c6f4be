import { policyActor } from '../../test/actors';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { materialStatuses, type MaterialStatus } from '../../db/types';
import {
	canCommentMaterial,
	canCreateMaterial,
	canDecideMaterial,
	canEditMaterial,
	canOfferMaterial,
	canReviewMaterial,
	canSeeMaterial,
	canSetCriteria,
	type MaterialPlace
} from './policy';

// Every material rule as a table: each kind of actor against each status, allowed and
// denied spelled out. The group's school is A.
const actor = policyActor;
const place = (over: Partial<MaterialPlace>): MaterialPlace => ({
	schoolId: 'A',
	role: null,
	isFormerMember: false,
	isInvited: false,
	isAuthor: false,
	...over
});
const kinds: Record<string, [Actor | null, MaterialPlace]> = {
	anonymous: [null, place({})],
	staffA: [actor({}), place({})],
	adminA: [actor({ role: 'admin' }), place({})],
	adminB: [actor({ role: 'admin', schoolId: 'B' }), place({})],
	leader: [actor({}), place({ role: 'leader' })],
	member: [actor({}), place({ role: 'member' })],
	author: [actor({}), place({ role: 'member', isAuthor: true })],
	leaderAuthor: [actor({}), place({ role: 'leader', isAuthor: true })],
	externalMember: [actor({ role: 'scientist', schoolId: null }), place({ role: 'member' })],
	formerAuthor: [actor({}), place({ isFormerMember: true, isAuthor: true })]
};
type Rule = (a: Actor | null, p: MaterialPlace, s: MaterialStatus) => boolean;

/** `allowed[kind]` lists the statuses in which the kind may; every other pair is denied. */
function table(rule: Rule, allowed: Partial<Record<string, MaterialStatus[] | 'all'>>) {
	for (const [kind, [a, p]] of Object.entries(kinds))
		for (const status of materialStatuses) {
			const may = allowed[kind] === 'all' || (allowed[kind] ?? []).includes(status);
			it(`${kind}, ${status}: ${may ? 'allowed' : 'denied'}`, () =>
				expect(rule(a, p, status)).toBe(may));
		}
}

const open: MaterialStatus[] = ['draft', 'offered', 'under_review', 'revision_requested'];
const notDraft = materialStatuses.filter((s) => s !== 'draft');

describe('seeing a material: drafts are their authors’ own, the rest the group’s work', () =>
	table(canSeeMaterial, {
		adminA: notDraft,
		leader: notDraft,
		member: notDraft,
		externalMember: notDraft,
		author: 'all',
		leaderAuthor: 'all',
		formerAuthor: 'all'
	}));

describe('editing: current authors, until the decision', () =>
	table(canEditMaterial, { author: open, leaderAuthor: open }));

describe('offering: a draft, or again after a revision asked', () =>
	table(canOfferMaterial, {
		author: ['draft', 'revision_requested'],
		leaderAuthor: ['draft', 'revision_requested']
	}));

describe('deciding: the leader alone (not the administration, not a member)', () =>
	table(canDecideMaterial, { leader: notDraft, leaderAuthor: notDraft }));

describe('commenting: members, external members too', () =>
	table(canCommentMaterial, {
		leader: notDraft,
		member: notDraft,
		author: notDraft,
		leaderAuthor: notDraft,
		externalMember: notDraft
	}));

describe('reviewing: members but the authors, while it is judged', () =>
	table(canReviewMaterial, {
		leader: ['offered', 'under_review'],
		member: ['offered', 'under_review'],
		externalMember: ['offered', 'under_review']
	}));

describe('offering a new material and setting criteria', () => {
	for (const [kind, [a, p]] of Object.entries(kinds)) {
		const member = p.role !== null;
		it(`${kind}: ${member ? 'may' : 'may not'} create`, () =>
			expect(canCreateMaterial(a, p)).toBe(member));
		const runs = kind === 'adminA' || p.role === 'leader';
		it(`${kind}: ${runs ? 'may' : 'may not'} set criteria`, () =>
			expect(canSetCriteria(a, p)).toBe(runs));
	}
});

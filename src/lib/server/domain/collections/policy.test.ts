import { policyActor } from '../../test/actors';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { editionStatuses, type EditionStatus } from '../../db/types';
import type { GroupPlace } from '../group-access/policy';
import {
	canApproveEdition,
	canCompile,
	canEditCollection,
	canReadEdition,
	canRetryEdition,
	canSeeCollections
} from './policy';

// Collections as tables: each kind of actor against each edition status, allowed and denied
// spelled out. The group's school is A.
const actor = policyActor;
const place = (over: Partial<GroupPlace>): GroupPlace => ({
	schoolId: 'A',
	role: null,
	isFormerMember: false,
	isInvited: false,
	...over
});
const kinds: Record<string, [Actor | null, GroupPlace]> = {
	anonymous: [null, place({})],
	staffA: [actor({}), place({})],
	adminA: [actor({ role: 'admin' }), place({})],
	adminB: [actor({ role: 'admin', schoolId: 'B' }), place({})],
	operator: [actor({ role: null, schoolId: null, isOperator: true }), place({})],
	leader: [actor({}), place({ role: 'leader' })],
	member: [actor({}), place({ role: 'member' })],
	externalMember: [actor({ role: 'scientist', schoolId: null }), place({ role: 'member' })],
	formerMember: [actor({}), place({ isFormerMember: true })],
	invitedScientist: [actor({ role: 'scientist', schoolId: null }), place({ isInvited: true })]
};
const viewers = ['adminA', 'leader', 'member', 'externalMember'];

function byKind(rule: (a: Actor | null, p: GroupPlace) => boolean, allowed: string[]) {
	for (const [kind, [a, p]] of Object.entries(kinds)) {
		const may = allowed.includes(kind);
		it(`${kind}: ${may ? 'allowed' : 'denied'}`, () => expect(rule(a, p)).toBe(may));
	}
}
function byStatus(
	rule: (a: Actor | null, p: GroupPlace, s: EditionStatus) => boolean,
	allowed: Partial<Record<string, EditionStatus[]>>
) {
	for (const [kind, [a, p]] of Object.entries(kinds))
		for (const status of editionStatuses) {
			const may = (allowed[kind] ?? []).includes(status);
			it(`${kind}, ${status}: ${may ? 'allowed' : 'denied'}`, () =>
				expect(rule(a, p, status)).toBe(may));
		}
}

describe('seeing collections and their drafts: members (external too) and the admin', () =>
	byKind(canSeeCollections, viewers));
describe('editing a collection: the leader only (§3.5), not the admin', () =>
	byKind(canEditCollection, ['leader']));
describe('compiling: the leader only', () => byKind(canCompile, ['leader']));
describe('reading an edition: those who see collections, once it is compiled', () =>
	byStatus(canReadEdition, Object.fromEntries(viewers.map((k) => [k, ['done']]))));
describe('compiling a failed edition again: the leader', () =>
	byStatus(canRetryEdition, { leader: ['failed'] }));
describe('approving an edition: the leader, compiled and not yet approved', () => {
	byStatus((a, p, status) => canApproveEdition(a, p, { status, isApproved: false }), {
		leader: ['done']
	});
	byStatus((a, p, status) => canApproveEdition(a, p, { status, isApproved: true }), {});
});

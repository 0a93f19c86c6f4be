import { policyActor } from '../test/actors';
import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { canChangeStatusOf, canInviteStaff, canManageStaffOf } from '../domain/accounts/policy';
import { canEditSchool, canManageSchools } from '../domain/schools/policy';
import { anyone, operator, schoolAdmin, schoolStaff, signedIn } from './rules';
import {
	canChangeLeader,
	canCreateGroup,
	canLeave,
	canManageGroup,
	canReopen,
	canRequestToJoin,
	canSeeGroup,
	canSeeMeetings,
	type GroupPlace
} from '../domain/group-access/policy';
import { canSetPlanStatus } from '../domain/plan/policy';
import { canCallMeeting, canKeepMinutes } from '../domain/meetings/policy';

// Pure permission tables: every rule, every kind of actor, allowed and denied spelled out.
const actor = policyActor;
const kinds = {
	anonymous: null,
	teacherA: actor({ id: 'tA' }),
	adminA: actor({ id: 'aA', role: 'admin' }),
	adminB: actor({ id: 'aB', role: 'admin', schoolId: 'B' }),
	operator: actor({ id: 'op', role: null, schoolId: null, isOperator: true }),
	scientist: actor({ id: 'sc', role: 'scientist', schoolId: null })
} as const;
type Kind = keyof typeof kinds;

function table(check: (a: Actor | null) => boolean, allowed: Kind[]) {
	for (const [kind, a] of Object.entries(kinds) as [Kind, Actor | null][]) {
		it(`${kind}: ${allowed.includes(kind) ? 'allowed' : 'denied'}`, () => {
			expect(check(a)).toBe(allowed.includes(kind));
		});
	}
}

describe('route rules', () => {
	describe('anyone', () =>
		table((a) => anyone.allows({ actor: a, params: {} }) as boolean, Object.keys(kinds) as Kind[]));
	describe('signed-in', () =>
		table(
			(a) => signedIn.allows({ actor: a, params: {} }) as boolean,
			['teacherA', 'adminA', 'adminB', 'operator', 'scientist']
		));
	describe('school-staff', () =>
		table(
			(a) => schoolStaff.allows({ actor: a, params: {} }) as boolean,
			['teacherA', 'adminA', 'adminB']
		));
	describe('school-admin', () =>
		table((a) => schoolAdmin.allows({ actor: a, params: {} }) as boolean, ['adminA', 'adminB']));
	describe('operator', () =>
		table((a) => operator.allows({ actor: a, params: {} }) as boolean, ['operator']));
});

describe('account policies (target: school A)', () => {
	describe('manage staff of A', () =>
		table((a) => canManageStaffOf(a, 'A'), ['adminA', 'operator']));
	describe('invite staff to A', () => table((a) => canInviteStaff(a, 'A'), ['adminA', 'operator']));
	describe('change status of a teacher of A', () =>
		table((a) => canChangeStatusOf(a, { id: 'other', schoolId: 'A' }), ['adminA', 'operator']));
	describe('change status of oneself', () =>
		table((a) => canChangeStatusOf(a, { id: a?.id ?? '', schoolId: 'A' }), []));
	describe('staff of no school', () => table((a) => canManageStaffOf(a, null), []));
});

describe('school policies', () => {
	describe('manage all schools', () => table((a) => canManageSchools(a), ['operator']));
	describe('edit school A', () => table((a) => canEditSchool(a, 'A'), ['adminA', 'operator']));
});

describe('group policies (a group of school A)', () => {
	const place = (over: Partial<GroupPlace> = {}): GroupPlace => ({
		schoolId: 'A',
		role: null,
		isFormerMember: false,
		isInvited: false,
		...over
	});
	// Each kind of actor with their place in the group.
	const inGroup = {
		anonymous: [null, place()],
		adminA: [kinds.adminA, place()],
		leader: [actor({ id: 'l' }), place({ role: 'leader' })],
		member: [actor({ id: 'm' }), place({ role: 'member' })],
		external: [kinds.scientist, place({ role: 'member' })],
		former: [kinds.scientist, place({ isFormerMember: true })],
		invited: [kinds.scientist, place({ isInvited: true })],
		staffA: [kinds.teacherA, place()],
		adminB: [kinds.adminB, place()],
		teacherB: [actor({ id: 'tB', schoolId: 'B' }), place()],
		operator: [kinds.operator, place()],
		outsider: [kinds.scientist, place()]
	} as const satisfies Record<string, readonly [Actor | null, GroupPlace]>;
	type Who = keyof typeof inGroup;
	function groupTable(check: (a: Actor | null, p: GroupPlace) => boolean, allowed: Who[]) {
		for (const [who, [a, p]] of Object.entries(inGroup) as [Who, [Actor | null, GroupPlace]][])
			it(`${who}: ${allowed.includes(who) ? 'allowed' : 'denied'}`, () => {
				expect(check(a, p)).toBe(allowed.includes(who));
			});
	}
	describe('see the group', () =>
		groupTable(canSeeGroup, [
			'adminA',
			'leader',
			'member',
			'external',
			'former',
			'invited',
			'staffA'
		]));
	describe('run it (charter, requests, plan, meetings, close)', () =>
		groupTable(canManageGroup, ['adminA', 'leader']));
	describe('see meetings', () =>
		groupTable(canSeeMeetings, ['adminA', 'leader', 'member', 'external']));
	describe('change the leader', () => groupTable(canChangeLeader, ['adminA']));
	describe('ask to join', () => groupTable(canRequestToJoin, ['adminA', 'staffA']));
	describe('leave', () => groupTable(canLeave, ['member', 'external']));
	describe('reopen', () => groupTable(canReopen, ['adminA']));
	describe('create a group in school A', () => table((a) => canCreateGroup(a, 'A'), ['adminA']));
	describe('set the status of a plan item the member is responsible for', () =>
		groupTable(
			(a, p) => canSetPlanStatus(a, p, { responsibleId: 'm' }),
			['adminA', 'leader', 'member']
		));
	describe('keep the minutes of a meeting whose secretary is the member', () =>
		groupTable(
			(a, p) => canKeepMinutes(a, p, { secretaryId: 'm' }),
			['adminA', 'leader', 'member']
		));
	describe('call a meeting', () => groupTable(canCallMeeting, ['adminA', 'leader']));
});

import { describe, expect, it } from 'vitest';
import type { Actor } from './actor';
import { canChangeStatusOf, canInviteStaff, canManageStaffOf } from '../domain/accounts/policy';
import { canEditSchool, canManageSchools } from '../domain/schools/policy';
import { anyone, operator, schoolAdmin, schoolStaff, signedIn } from './rules';

// Pure permission tables: every rule, every kind of actor, allowed and denied spelled out.
const actor = (over: Partial<Actor>): Actor => ({
	id: 'u',
	email: 'u@x.kg',
	fullName: 'U',
	schoolId: 'A',
	role: 'teacher',
	isOperator: false,
	locale: 'ky',
	...over
});
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

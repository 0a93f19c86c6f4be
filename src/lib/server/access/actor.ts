import type { AccountRole } from '../db/types';
import type { Locale } from '../../i18n/locale';
import type { SchoolId, UserId } from '../domain/ids';

/** Who is acting: the signed-in user, as every use case and policy sees them. */
export interface Actor {
	id: UserId;
	email: string;
	fullName: string;
	schoolId: SchoolId | null;
	role: AccountRole | null;
	isOperator: boolean;
	locale: Locale;
}

export function isSchoolAdmin(actor: Actor | null, schoolId?: string | null): boolean {
	if (!actor || actor.role !== 'admin' || !actor.schoolId) return false;
	return schoolId === undefined || actor.schoolId === schoolId;
}

export function isStaff(actor: Actor | null, schoolId?: string | null): boolean {
	if (!actor || !actor.schoolId || (actor.role !== 'admin' && actor.role !== 'teacher'))
		return false;
	return schoolId === undefined || actor.schoolId === schoolId;
}

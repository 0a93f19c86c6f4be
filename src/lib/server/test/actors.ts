import type { Actor } from '../access/actor';
import { asId, type SchoolId, type UserId } from '../domain/ids';

type Over = Partial<Omit<Actor, 'id' | 'schoolId'>> & { id?: string; schoolId?: string | null };

/** An actor for the pure policy tables: a teacher of school 'A' unless told otherwise. */
export function policyActor(over: Over = {}): Actor {
	const { id = 'u', schoolId = 'A', ...rest } = over;
	return {
		email: 'u@x.kg',
		fullName: 'U',
		role: 'teacher',
		isOperator: false,
		locale: 'ky',
		...rest,
		id: asId<UserId>(id),
		schoolId: schoolId === null ? null : asId<SchoolId>(schoolId)
	};
}

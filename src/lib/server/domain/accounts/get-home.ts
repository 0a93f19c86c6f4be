import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { isSchoolAdmin } from '../../access/actor';

export interface Home {
	schoolName: string | null;
	/** What the user should do next, e.g. fill in the subjects they teach. */
	profileIncomplete: boolean;
	admin: { activeStaff: number; pendingInvitations: number } | null;
	operator: { schools: number } | null;
}

/** What the home page shows: the user's school, and counts for admins and operators. */
export async function getHome(db: DB, actor: Actor, now = new Date()): Promise<Home> {
	const school = actor.schoolId
		? await db
				.selectFrom('schools')
				.select('name')
				.where('id', '=', actor.schoolId)
				.executeTakeFirst()
		: undefined;
	const subjects = await db
		.selectFrom('userSubjects')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('userId', '=', actor.id)
		.executeTakeFirstOrThrow();

	let admin: Home['admin'] = null;
	if (isSchoolAdmin(actor) && actor.schoolId) {
		const [staff, invitations] = await Promise.all([
			db
				.selectFrom('users')
				.select((eb) => eb.fn.countAll<number>().as('count'))
				.where('schoolId', '=', actor.schoolId)
				.where('isActive', '=', true)
				.executeTakeFirstOrThrow(),
			db
				.selectFrom('invitations')
				.select((eb) => eb.fn.countAll<number>().as('count'))
				.where('schoolId', '=', actor.schoolId)
				.where('acceptedAt', 'is', null)
				.where('revokedAt', 'is', null)
				.where('expiresAt', '>', now)
				.executeTakeFirstOrThrow()
		]);
		admin = { activeStaff: staff.count, pendingInvitations: invitations.count };
	}

	let operator: Home['operator'] = null;
	if (actor.isOperator) {
		const schools = await db
			.selectFrom('schools')
			.select((eb) => eb.fn.countAll<number>().as('count'))
			.executeTakeFirstOrThrow();
		operator = { schools: schools.count };
	}

	return {
		schoolName: school?.name ?? null,
		profileIncomplete: subjects.count === 0,
		admin,
		operator
	};
}

import { isSchoolAdmin } from '../../access/actor';
import { prepared } from '../../db/prepared';
import type { DB } from '../../db/types';
import type { Ctx } from '../context';

export interface Home {
	schoolName: string | null;
	/** What the user should do next, e.g. fill in the subjects they teach. */
	profileIncomplete: boolean;
	admin: { activeStaff: number; pendingInvitations: number } | null;
	operator: { schools: number } | null;
}

/** Every sign-in lands on the home page: one round trip, compiled once (db/prepared.ts). */
const homeCounts = prepared((db: DB, schoolId: string, userId: string, now: Date) =>
	db.selectNoFrom((eb) => [
		eb.selectFrom('schools').select('name').where('id', '=', schoolId).as('schoolName'),
		eb
			.selectFrom('userSubjects')
			.select(eb.fn.countAll<number>().as('n'))
			.where('userId', '=', userId)
			.as('subjects'),
		eb
			.selectFrom('users')
			.select(eb.fn.countAll<number>().as('n'))
			.where('schoolId', '=', schoolId)
			.where('isActive', '=', true)
			.as('activeStaff'),
		eb
			.selectFrom('invitations')
			.select(eb.fn.countAll<number>().as('n'))
			.where('schoolId', '=', schoolId)
			.where('acceptedAt', 'is', null)
			.where('revokedAt', 'is', null)
			.where('expiresAt', '>', now)
			.as('pendingInvitations'),
		eb.selectFrom('schools').select(eb.fn.countAll<number>().as('n')).as('schools')
	])
);

/** What the home page shows: the user's school, and counts for admins and operators. */
export async function getHome({ db, actor, now }: Ctx): Promise<Home> {
	const [row] = await homeCounts(db, actor.schoolId ?? '', actor.id, now);
	if (!row) throw new Error('home counts: no row');
	return {
		schoolName: row.schoolName ?? null,
		profileIncomplete: Number(row.subjects) === 0,
		admin: isSchoolAdmin(actor)
			? { activeStaff: Number(row.activeStaff), pendingInvitations: Number(row.pendingInvitations) }
			: null,
		operator: actor.isOperator ? { schools: Number(row.schools) } : null
	};
}

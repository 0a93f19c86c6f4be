import { isSchoolAdmin } from '../../access/actor';
import { prepared } from '../../db/prepared';
import type { DB } from '../../db/types';
import type { Ctx } from '../context';

// The head of home: the person's school, their next step, and counts for admins and
// operators. Every sign-in lands on home: one round trip, compiled once (db/prepared.ts).

export interface Overview {
	schoolName: string | null;
	/** The profile lacks the subjects the person teaches. */
	profileIncomplete: boolean;
	admin: { activeStaff: number; pendingInvitations: number } | null;
	operator: { schools: number } | null;
}

const counts = prepared((db: DB, schoolId: string, userId: string, now: Date) =>
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

export async function getOverview({ db, actor, now }: Ctx): Promise<Overview> {
	const [row] = await counts(db, actor.schoolId ?? '', actor.id, now);
	if (!row) throw new Error('home overview: no row');
	return {
		schoolName: row.schoolName ?? null,
		profileIncomplete: Number(row.subjects) === 0,
		admin: isSchoolAdmin(actor)
			? { activeStaff: Number(row.activeStaff), pendingInvitations: Number(row.pendingInvitations) }
			: null,
		operator: actor.isOperator ? { schools: Number(row.schools) } : null
	};
}

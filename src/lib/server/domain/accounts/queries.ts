import type { DB, School, User } from '../../db/types';

// Kysely queries of the accounts module. No rules here: use cases decide.

export function findUserByEmail(db: DB, email: string): Promise<User | undefined> {
	return db
		.selectFrom('users')
		.selectAll()
		.where('email', '=', email.toLowerCase())
		.executeTakeFirst();
}

export function findUserById(db: DB, id: string): Promise<User | undefined> {
	return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function subjectIdsOf(db: DB, userId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('userSubjects')
		.select('subjectId')
		.where('userId', '=', userId)
		.execute();
	return rows.map((r) => r.subjectId);
}

export async function countActiveAdmins(db: DB, schoolId: string): Promise<number> {
	const row = await db
		.selectFrom('users')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('schoolId', '=', schoolId)
		.where('role', '=', 'admin')
		.where('isActive', '=', true)
		.executeTakeFirstOrThrow();
	return row.count;
}

export async function endSessionsOf(db: DB, userId: string, exceptSessionId?: string) {
	let query = db.deleteFrom('sessions').where('userId', '=', userId);
	if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
	await query.execute();
}

export function findSchool(db: DB, id: string): Promise<School | undefined> {
	return db.selectFrom('schools').selectAll().where('id', '=', id).executeTakeFirst();
}

import type { DB, School } from '../../db/types';

export function findSchool(db: DB, id: string): Promise<School | undefined> {
	return db.selectFrom('schools').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function isSetupDone(db: DB): Promise<boolean> {
	const row = await db.selectFrom('deployment').select('id').executeTakeFirst();
	return row !== undefined;
}

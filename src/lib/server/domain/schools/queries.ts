import type { DB } from '../../db/types';

export async function isSetupDone(db: DB): Promise<boolean> {
	const row = await db.selectFrom('deployment').select('id').executeTakeFirst();
	return row !== undefined;
}

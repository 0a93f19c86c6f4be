import type { DB, User } from '../../db/types';
import { isPostgres } from '../../db/migrations/columns';
import { findUserById } from './queries';

// Queries about the deployment's operators (issue 16). No rules here: use cases decide.

/**
 * The active operators other than `exceptId`, their rows locked until the transaction ends
 * on PostgreSQL (SQLite serializes writers anyway): two operators revoking or deactivating
 * each other at the same moment cannot both pass the "one active operator stays" check.
 */
export async function otherActiveOperators(db: DB, exceptId: string): Promise<string[]> {
	const query = db
		.selectFrom('users')
		.select('id')
		.where('isOperator', '=', true)
		.where('isActive', '=', true)
		.orderBy('id');
	const rows = await (isPostgres(db as never) ? query.forUpdate() : query).execute();
	return rows.map((r) => r.id).filter((id) => id !== exceptId);
}

/** The account an admin action names, before its input is validated (a form may omit it). */
export function findTargetAccount(db: DB, userId: unknown): Promise<User | undefined> {
	return typeof userId === 'string' && userId.length <= 100
		? findUserById(db, userId)
		: Promise.resolve(undefined);
}

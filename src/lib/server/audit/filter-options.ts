import { auditedTableNames, onPostgres } from '../db/audit-capture';
import type { Ctx } from '../domain/context';
import { auditReach } from './policy';

export interface AuditFilterOptions {
	/** The school's people (the administration); the operator filters by email instead. */
	people: { id: string; name: string }[];
	groups: { id: string; name: string }[];
	tables: string[];
}

/** What the log's filters offer within the actor's reach. */
export async function auditFilterOptions(
	{ db, actor }: Ctx,
	input: { scope: 'school' | 'deployment' }
): Promise<AuditFilterOptions> {
	const { schoolId } = auditReach(actor, input.scope);
	const people =
		schoolId === null
			? []
			: await db
					.selectFrom('users')
					.select(['id', 'fullName as name'])
					.where('schoolId', '=', schoolId)
					.orderBy('fullName')
					.execute();
	let groups = db.selectFrom('groups').select(['id', 'name']).orderBy('name');
	if (schoolId !== null) groups = groups.where('schoolId', '=', schoolId);
	return {
		people,
		groups: await groups.execute(),
		tables: await auditedTableNames(db, onPostgres(db))
	};
}

import { newId } from '../../db/ids';
import type { DB } from '../../db/types';

/** §5.4: the criteria every new group starts with (catalog keys criterion_<key>). */
export const defaultCriteria = [
	'relevance',
	'novelty',
	'practical_value',
	'methodological_quality',
	'age_fit_and_law'
] as const;
export type BuiltinCriterion = (typeof defaultCriteria)[number];

export const MAX_CRITERIA = 12;

export interface Criterion {
	id: string;
	position: number;
	builtin: BuiltinCriterion | null;
	name: string | null;
	isActive: boolean;
}

/** Gives a new group the default criteria; the leader changes them later. */
export async function addDefaultCriteria(db: DB, groupId: string, now: Date): Promise<void> {
	await db
		.insertInto('reviewCriteria')
		.values(
			defaultCriteria.map((builtin, i) => ({
				id: newId(),
				groupId,
				position: i + 1,
				builtin,
				name: null,
				isActive: true,
				createdAt: now
			}))
		)
		.execute();
}

export async function listCriteria(
	db: DB,
	groupId: string,
	{ activeOnly }: { activeOnly: boolean }
): Promise<Criterion[]> {
	let query = db
		.selectFrom('reviewCriteria')
		.select(['id', 'position', 'builtin', 'name', 'isActive'])
		.where('groupId', '=', groupId);
	if (activeOnly) query = query.where('isActive', '=', true);
	const rows = await query.orderBy('position').orderBy('id').execute();
	return rows.map((r) => ({ ...r, builtin: r.builtin as BuiltinCriterion | null }));
}

import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { isCurrentMember } from '../group-access/members';

export async function findPlanItem(db: DB, groupId: string, itemId: string) {
	const item = await db
		.selectFrom('planItems')
		.selectAll()
		.where('id', '=', itemId)
		.where('groupId', '=', groupId)
		.executeTakeFirst();
	if (!item) throw new AppError('not_found', 'error_plan_item_not_found');
	return item;
}

/** The responsible person must be a current member of the group, or the one already set. */
export async function assertResponsible(
	db: DB,
	groupId: string,
	userId: string | undefined,
	kept: string | null = null
) {
	if (!userId) return null;
	if (userId === kept) return userId;
	if (!(await isCurrentMember(db, groupId, userId)))
		throw new AppError('invalid', 'error_choice', { field: 'responsibleId' });
	return userId;
}

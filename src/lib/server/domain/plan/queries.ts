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

/**
 * The approbation a plan item links to: one of the group's, and only for an item of kind
 * approbation (another kind keeps no link).
 */
export async function assertApprobation(
	db: DB,
	groupId: string,
	kind: string,
	approbationId: string | undefined
): Promise<string | null> {
	if (!approbationId || kind !== 'approbation') return null;
	const found = await db
		.selectFrom('approbations')
		.select('id')
		.where('id', '=', approbationId)
		.where('groupId', '=', groupId)
		.executeTakeFirst();
	if (!found) throw new AppError('invalid', 'error_choice', { field: 'approbationId' });
	return found.id;
}

/** The group's approbations, newest first: the choices of a plan item's link. */
export function approbationChoices(db: DB, groupId: string) {
	return db
		.selectFrom('approbations')
		.select(['id', 'title', 'startsOn'])
		.where('groupId', '=', groupId)
		.orderBy('startsOn', 'desc')
		.execute();
}

/**
 * The group's meetings and vote deadlines within a range of days, for the plan's month view.
 * Deadlines are instants: the range is widened by a day either side, and the caller keeps
 * those whose day in the school's time zone falls inside.
 */
export async function meetingsAndDeadlines(db: DB, groupId: string, from: string, to: string) {
	const widen = (day: string, by: number) => {
		const date = new Date(`${day}T00:00:00Z`);
		date.setUTCDate(date.getUTCDate() + by);
		return date;
	};
	const [meetings, votes] = await Promise.all([
		db
			.selectFrom('meetings')
			.select(['id', 'number', 'heldOn', 'startTime'])
			.where('groupId', '=', groupId)
			// Called off: not on the month view (as on the calendar feed), nobody keeps the day.
			.where('cancelledAt', 'is', null)
			.where('heldOn', '>=', from)
			.where('heldOn', '<=', to)
			.orderBy('heldOn')
			.orderBy('number')
			// A month holds a few meetings; the bound keeps a runaway group's page small.
			.limit(200)
			.execute(),
		db
			.selectFrom('votes')
			.select(['id', 'number', 'question', 'closesAt', 'status'])
			.where('groupId', '=', groupId)
			.where('closesAt', 'is not', null)
			.where('closesAt', '>=', widen(from, -1))
			.where('closesAt', '<', widen(to, 2))
			.orderBy('closesAt')
			.limit(200)
			.execute()
	]);
	return {
		meetings: meetings.map((r) => ({ ...r, number: Number(r.number) })),
		deadlines: votes.map((r) => ({
			id: r.id,
			number: Number(r.number),
			question: r.question,
			closesAt: new Date(r.closesAt!),
			isOpen: r.status === 'open'
		}))
	};
}

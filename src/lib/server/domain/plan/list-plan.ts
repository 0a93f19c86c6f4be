import type { PlanItemKind, PlanItemStatus } from '../../db/types';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { currentMemberNames } from '../group-access/members';
import { groupAccess } from '../group-access/access';
import { canSeeGroupWork } from '../group-access/policy';
import { listPlanInput, type ListPlanInput } from './input';
import { canManagePlan, canSetPlanStatus } from './policy';
import { approbationChoices } from './queries';

export interface PlanItemView {
	id: string;
	kind: PlanItemKind;
	title: string;
	dueOn: string;
	status: PlanItemStatus;
	notes: string;
	responsibleId: string | null;
	responsibleName: string | null;
	/** The approbation it links to (kind approbation). */
	approbationId: string | null;
	approbationTitle: string | null;
	/** Planned, and its day has passed. */
	isOverdue: boolean;
	canSetStatus: boolean;
}

export interface PlanPage {
	groupName: string;
	items: PlanItemView[];
	overdue: number;
	canManage: boolean;
	/** Current members, for the "responsible" choice. */
	members: { id: string; fullName: string }[];
	/** The group's approbations, for an approbation item's link. */
	approbations: { id: string; title: string }[];
}

/** The work plan in date order; what is overdue is told by the school's `today`. */
export async function listPlan({ db, actor }: Ctx, input: ListPlanInput): Promise<PlanPage> {
	const access = await groupAccess(db, actor, input.groupId);
	const { groupId, today, range } = validate(listPlanInput, input);
	let query = db
		.selectFrom('planItems as p')
		.leftJoin('users as u', 'u.id', 'p.responsibleId')
		.leftJoin('approbations as a', 'a.id', 'p.approbationId')
		.select([
			'p.id',
			'p.kind',
			'p.title',
			'p.dueOn',
			'p.status',
			'p.notes',
			'p.responsibleId',
			'u.fullName as responsibleName',
			'p.approbationId',
			'a.title as approbationTitle'
		])
		.where('p.groupId', '=', groupId);
	if (range) query = query.where('p.dueOn', '>=', range.from).where('p.dueOn', '<=', range.to);
	const [rows, members, approbations] = await Promise.all([
		query.orderBy('p.dueOn').orderBy('p.createdAt').execute(),
		currentMemberNames(db, groupId),
		approbationChoices(db, groupId)
	]);
	const open = !access.isClosed;
	// Approbations are the group's own work: the teaching staff see the plan, not their titles.
	const seesWork = canSeeGroupWork(actor, access);
	const items = rows.map((r) => ({
		...r,
		approbationId: seesWork ? r.approbationId : null,
		approbationTitle: seesWork ? r.approbationTitle : null,
		isOverdue: r.status === 'planned' && r.dueOn < today,
		canSetStatus: open && canSetPlanStatus(actor, access, r)
	}));
	return {
		groupName: access.group.name,
		items,
		overdue: items.filter((i) => i.isOverdue).length,
		canManage: open && canManagePlan(actor, access),
		members,
		approbations: seesWork ? approbations.map((a) => ({ id: a.id, title: a.title })) : []
	};
}

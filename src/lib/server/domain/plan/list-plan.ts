import type { PlanItemKind, PlanItemStatus } from '../../db/types';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { currentMemberNames } from '../group-access/members';
import { groupAccess } from '../group-access/access';
import { canSeeGroupWork } from '../group-access/policy';
import { listPlanInput, type ListPlanInput } from './input';
import { canManagePlan, canSetPlanStatus } from './policy';
import { approbationChoices, meetingsAndDeadlines } from './queries';

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

/** A meeting of the group on the month view. */
export interface PlanMeetingView {
	id: string;
	number: number;
	heldOn: string;
	startTime: string | null;
}

/** A vote's deadline on the month view (an instant: the page puts it on its school day). */
export interface PlanDeadlineView {
	id: string;
	number: number;
	question: string;
	closesAt: Date;
	isOpen: boolean;
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
	/**
	 * With a range (the month view), the group's meetings and vote deadlines in it, for
	 * those who see the group's work (members, the administration); empty for the others.
	 */
	meetings: PlanMeetingView[];
	deadlines: PlanDeadlineView[];
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
	// Approbations, meetings and votes are the group's own work: the teaching staff see the
	// plan, not them.
	const seesWork = canSeeGroupWork(actor, access);
	const [rows, members, approbations, extras] = await Promise.all([
		query.orderBy('p.dueOn').orderBy('p.createdAt').execute(),
		currentMemberNames(db, groupId),
		approbationChoices(db, groupId),
		range && seesWork
			? meetingsAndDeadlines(db, groupId, range.from, range.to)
			: { meetings: [], deadlines: [] }
	]);
	const open = !access.isClosed;
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
		approbations: seesWork ? approbations.map((a) => ({ id: a.id, title: a.title })) : [],
		meetings: extras.meetings,
		deadlines: extras.deadlines
	};
}

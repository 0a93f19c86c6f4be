import { validate } from '../../validation';
import type { Ctx } from '../context';
import { listApprobationsInput, type ListApprobationsInput } from './input';
import { canRecordApprobation, isConfirmed } from './policy';
import { approbationsAccess, observationCounts, requiredOf } from './queries';

export interface ApprobationLine {
	id: string;
	title: string;
	authorId: string;
	authorName: string;
	startsOn: string;
	endsOn: string;
	classes: number;
	observations: number;
	confirmed: boolean;
	/** The leader asked the actor to observe, and the actor has not yet. */
	askedToObserve: boolean;
	tried:
		| { kind: 'material'; id: string; title: string }
		| { kind: 'proposal'; id: string; title: string; number: number };
}

/** The Approbation tab: what was tried, by whom, when, in how many classes, confirmed or not. */
export async function listApprobations({ db, actor }: Ctx, input: ListApprobationsInput) {
	const access = await approbationsAccess(db, actor, input.groupId);
	const { groupId } = validate(listApprobationsInput, input);
	const rows = await db
		.selectFrom('approbations as a')
		.innerJoin('users as u', 'u.id', 'a.authorId')
		.leftJoin('materials as m', 'm.id', 'a.materialId')
		.leftJoin('proposals as p', 'p.id', 'a.proposalId')
		.select([
			'a.id',
			'a.title',
			'a.authorId',
			'u.fullName as authorName',
			'a.startsOn',
			'a.endsOn',
			'a.materialId',
			'm.title as materialTitle',
			'a.proposalId',
			'p.title as proposalTitle',
			'p.number as proposalNumber'
		])
		.where('a.groupId', '=', groupId)
		.orderBy('a.startsOn', 'desc')
		.orderBy('a.createdAt', 'desc')
		.execute();
	const ids = rows.map((r) => r.id);
	const [counts, classes, asked, observed] = await Promise.all([
		observationCounts(db, ids),
		ids.length === 0
			? []
			: db
					.selectFrom('approbationClasses')
					.select(['approbationId', (eb) => eb.fn.countAll().as('count')])
					.where('approbationId', 'in', ids)
					.groupBy('approbationId')
					.execute(),
		db
			.selectFrom('observationRequests as r')
			.innerJoin('approbations as a', 'a.id', 'r.approbationId')
			.select('r.approbationId')
			.where('a.groupId', '=', groupId)
			.where('r.observerId', '=', actor.id)
			.execute(),
		db
			.selectFrom('observations as o')
			.innerJoin('approbations as a', 'a.id', 'o.approbationId')
			.select('o.approbationId')
			.where('a.groupId', '=', groupId)
			.where('o.observerId', '=', actor.id)
			.execute()
	]);
	const classCount = new Map(classes.map((c) => [c.approbationId, Number(c.count)]));
	const askedIds = new Set(asked.map((r) => r.approbationId));
	const observedIds = new Set(observed.map((r) => r.approbationId));
	const required = requiredOf(access.group);
	const items: ApprobationLine[] = rows.map((r) => {
		const observations = counts.get(r.id) ?? 0;
		return {
			id: r.id,
			title: r.title,
			authorId: r.authorId,
			authorName: r.authorName,
			startsOn: r.startsOn,
			endsOn: r.endsOn,
			classes: classCount.get(r.id) ?? 0,
			observations,
			confirmed: isConfirmed(observations, required),
			askedToObserve: askedIds.has(r.id) && !observedIds.has(r.id) && access.role !== null,
			tried:
				r.materialId !== null
					? { kind: 'material', id: r.materialId, title: r.materialTitle ?? '' }
					: {
							kind: 'proposal',
							id: r.proposalId ?? '',
							title: r.proposalTitle ?? '',
							number: Number(r.proposalNumber ?? 0)
						}
		};
	});
	return {
		items,
		required,
		askedCount: items.filter((i) => i.askedToObserve).length,
		canRecord: !access.isClosed && canRecordApprobation(actor, access)
	};
}

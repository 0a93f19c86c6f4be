import { validate } from '../../validation';
import type { Ctx } from '../context';
import { currentMemberNames } from '../group-access/members';
import { countsOf, markIndicators } from './indicators';
import { ofApprobation, type OfApprobation } from './input';
import { canAskToObserve, canEditApprobation, canObserve, isConfirmed } from './policy';
import { approbationAccess, classesOf, requiredOf } from './queries';
import { responseView } from './report';

/** One approbation as its page shows it: classes and figures, evidence, observations. */
export async function getApprobation({ db, actor }: Ctx, input: OfApprobation) {
	const access = await approbationAccess(db, actor, input.groupId, input.approbationId);
	const { groupId, approbationId } = validate(ofApprobation, input);
	const { approbation: a } = access;
	const [author, tried, classes, files, observations, requests, planItems] = await Promise.all([
		db.selectFrom('users').select('fullName').where('id', '=', a.authorId).executeTakeFirst(),
		triedOf(db, a),
		classesOf(db, [a.id]),
		db
			.selectFrom('approbationFiles')
			.select(['id', 'name', 'mime', 'size'])
			.where('approbationId', '=', a.id)
			.orderBy('createdAt')
			.orderBy('id')
			.execute(),
		db
			.selectFrom('observations as o')
			.innerJoin('users as u', 'u.id', 'o.observerId')
			.leftJoin('approbationClasses as c', 'c.id', 'o.classId')
			.select([
				'o.id',
				'o.observerId',
				'u.fullName as observerName',
				'o.observedOn',
				'c.name as className',
				'o.comments',
				'o.conclusion',
				'o.responseId'
			])
			.where('o.approbationId', '=', a.id)
			.orderBy('o.observedOn')
			.orderBy('o.createdAt')
			.execute(),
		db
			.selectFrom('observationRequests as r')
			.innerJoin('users as u', 'u.id', 'r.observerId')
			.select(['r.observerId', 'u.fullName as observerName'])
			.where('r.approbationId', '=', a.id)
			.orderBy('u.fullName')
			.execute(),
		db
			.selectFrom('planItems')
			.select(['id', 'title', 'dueOn'])
			.where('approbationId', '=', a.id)
			.where('groupId', '=', groupId)
			.orderBy('dueOn')
			.execute()
	]);
	const required = requiredOf(access.group);
	const open = !access.isClosed;
	const canAsk = open && canAskToObserve(actor, access);
	const observed = new Set(observations.map((o) => o.observerId));
	// Members who observed: one who observed twice counts once.
	const observers = observed.size;
	return {
		approbation: {
			id: approbationId,
			title: a.title,
			authorId: a.authorId,
			authorName: author?.fullName ?? '',
			startsOn: a.startsOn,
			endsOn: a.endsOn,
			plan: a.plan,
			observations: a.observations,
			conclusion: a.conclusion,
			updatedAt: a.updatedAt
		},
		tried,
		classes: classes.map((c) => {
			const before = countsOf({
				fives: c.beforeFives,
				fours: c.beforeFours,
				threes: c.beforeThrees,
				twos: c.beforeTwos
			});
			const after = countsOf({
				fives: c.afterFives,
				fours: c.afterFours,
				threes: c.afterThrees,
				twos: c.afterTwos
			});
			return {
				id: c.id,
				name: c.name,
				grade: c.grade,
				pupils: c.pupils,
				before,
				after,
				beforeIndicators: before && markIndicators(before),
				afterIndicators: after && markIndicators(after),
				indicators: c.indicators.map((i) => ({
					name: i.name,
					unit: i.unit,
					before: i.beforeValue,
					after: i.afterValue
				}))
			};
		}),
		files: files.map((f) => ({ ...f, size: Number(f.size) })),
		report: a.reportResponseId ? await responseView(db, a.reportResponseId) : null,
		observations: await Promise.all(
			observations.map(async (o) => ({
				...o,
				sheet: o.responseId ? await responseView(db, o.responseId) : null
			}))
		),
		requests: requests.filter((r) => !observed.has(r.observerId)),
		planItems,
		required,
		observationCount: observers,
		confirmed: isConfirmed(observers, required),
		askedMe: requests.some((r) => r.observerId === actor.id) && !observed.has(actor.id),
		can: {
			edit: open && canEditApprobation(actor, access),
			observe: open && canObserve(actor, access),
			ask: canAsk
		},
		/** Members the leader may ask: not the author, not an author of the material. */
		observerChoices: canAsk ? await observerChoices(db, groupId, a) : []
	};
}

async function triedOf(
	db: Ctx['db'],
	a: { materialId: string | null; materialVersionId: string | null; proposalId: string | null }
) {
	if (a.materialId) {
		const m = await db
			.selectFrom('materials')
			.select(['id', 'title'])
			.where('id', '=', a.materialId)
			.executeTakeFirst();
		const v = a.materialVersionId
			? await db
					.selectFrom('materialVersions')
					.select('number')
					.where('id', '=', a.materialVersionId)
					.executeTakeFirst()
			: undefined;
		return {
			kind: 'material' as const,
			id: a.materialId,
			title: m?.title ?? '',
			versionNumber: v ? Number(v.number) : null
		};
	}
	const p = await db
		.selectFrom('proposals')
		.select(['id', 'title', 'number'])
		.where('id', '=', a.proposalId ?? '')
		.executeTakeFirst();
	return {
		kind: 'proposal' as const,
		id: a.proposalId ?? '',
		title: p?.title ?? '',
		number: p ? Number(p.number) : 0
	};
}

async function observerChoices(
	db: Ctx['db'],
	groupId: string,
	a: { authorId: string; materialId: string | null }
) {
	const [members, authors] = await Promise.all([
		currentMemberNames(db, groupId),
		a.materialId
			? db
					.selectFrom('materialAuthors')
					.select('userId')
					.where('materialId', '=', a.materialId)
					.execute()
			: []
	]);
	const excluded = new Set([a.authorId, ...authors.map((r) => r.userId)]);
	return members.filter((m) => !excluded.has(m.id));
}

import type { Actor } from '../../access/actor';
import type { Approbation, DB } from '../../db/types';
import { AppError } from '../../errors';
import { ValidationError } from '../../validation';
import { assertAllowed, groupWorkAccess, type GroupAccess } from '../group-access/access';
import { canSeeApprobations, triable, untriable, type ApprobationPlace } from './policy';

export interface ApprobationAccess extends GroupAccess, ApprobationPlace {
	approbation: Approbation;
}

/** The group, if the actor may see its approbations (members and the administration). */
export async function approbationsAccess(
	db: DB,
	actor: Actor,
	groupId: string
): Promise<GroupAccess> {
	const access = await groupWorkAccess(db, actor, groupId);
	assertAllowed(canSeeApprobations(actor, access));
	return access;
}

/** One approbation of the group and the actor's place: 404 when it is not the group's. */
export async function approbationAccess(
	db: DB,
	actor: Actor,
	groupId: string,
	approbationId: string
): Promise<ApprobationAccess> {
	const access = await approbationsAccess(db, actor, groupId);
	const approbation = await db
		.selectFrom('approbations')
		.selectAll()
		.where('id', '=', approbationId)
		.where('groupId', '=', groupId)
		.executeTakeFirst();
	if (!approbation) throw new AppError('not_found', 'approbation_error_not_found');
	const isMaterialAuthor =
		approbation.materialId !== null &&
		(await isMaterialAuthorOf(db, approbation.materialId, actor.id));
	return {
		...access,
		approbation,
		isAuthor: approbation.authorId === actor.id,
		isMaterialAuthor
	};
}

export async function isMaterialAuthorOf(
	db: DB,
	materialId: string,
	userId: string
): Promise<boolean> {
	const row = await db
		.selectFrom('materialAuthors')
		.select('userId')
		.where('materialId', '=', materialId)
		.where('userId', '=', userId)
		.executeTakeFirst();
	return row !== undefined;
}

/** For writes: a closed group is read-only (§3.6). */
export function assertOpenGroup(access: GroupAccess): void {
	if (access.isClosed) throw new AppError('conflict', 'error_group_closed');
}

/**
 * How many members observed each approbation: a member who observes twice counts once, so
 * that nobody confirms a result alone when the group asks for two.
 */
export async function observationCounts(
	db: DB,
	approbationIds: string[]
): Promise<Map<string, number>> {
	if (approbationIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('observations')
		.select(['approbationId', (eb) => eb.fn.count('observerId').distinct().as('count')])
		.where('approbationId', 'in', approbationIds)
		.groupBy('approbationId')
		.execute();
	return new Map(rows.map((r) => [r.approbationId, Number(r.count)]));
}

/** The classes of approbations in order, with their custom indicators. */
export async function classesOf(db: DB, approbationIds: string[]) {
	if (approbationIds.length === 0) return [];
	const classes = await db
		.selectFrom('approbationClasses')
		.selectAll()
		.where('approbationId', 'in', approbationIds)
		.orderBy('approbationId')
		.orderBy('position')
		.execute();
	const indicators =
		classes.length === 0
			? []
			: await db
					.selectFrom('approbationIndicators')
					.selectAll()
					.where(
						'classId',
						'in',
						classes.map((c) => c.id)
					)
					.orderBy('classId')
					.orderBy('position')
					.execute();
	return classes.map((c) => ({
		...c,
		grade: Number(c.grade),
		pupils: Number(c.pupils),
		indicators: indicators
			.filter((i) => i.classId === c.id)
			.map((i) => ({
				...i,
				beforeValue: Number(i.beforeValue),
				afterValue: Number(i.afterValue)
			}))
	}));
}
export type ClassRow = Awaited<ReturnType<typeof classesOf>>[number];

/** Materials of the group a member may try, newest first. */
export function triableMaterials(db: DB, groupId: string) {
	return db
		.selectFrom('materials')
		.select(['id', 'title', 'versionNumber', 'status'])
		.where('groupId', '=', groupId)
		.where('status', 'in', triable)
		.orderBy('updatedAt', 'desc')
		.execute();
}

/** Proposals of the group whose idea may be tried, newest first. */
export function triableProposals(db: DB, groupId: string) {
	return db
		.selectFrom('proposals')
		.select(['id', 'number', 'title', 'status'])
		.where('groupId', '=', groupId)
		.where('status', 'not in', untriable)
		.orderBy('number', 'desc')
		.execute();
}

/**
 * What was tried: a material of the group that may be tried, at its current version, or a
 * proposal of the group. Exactly one; anything else is a wrong choice on the form.
 */
export async function resolveTried(
	db: DB,
	groupId: string,
	choice: { materialId?: string; proposalId?: string }
): Promise<{
	materialId: string | null;
	materialVersionId: string | null;
	proposalId: string | null;
	title: string;
}> {
	const wrong = () => new ValidationError([{ field: 'tried', key: 'approbation_error_tried' }]);
	if ((choice.materialId === undefined) === (choice.proposalId === undefined)) throw wrong();
	if (choice.materialId !== undefined) {
		const material = await db
			.selectFrom('materials')
			.select(['id', 'title', 'versionNumber'])
			.where('id', '=', choice.materialId)
			.where('groupId', '=', groupId)
			.where('status', 'in', triable)
			.executeTakeFirst();
		if (!material) throw wrong();
		const version = await db
			.selectFrom('materialVersions')
			.select('id')
			.where('materialId', '=', material.id)
			.where('number', '=', Number(material.versionNumber))
			.executeTakeFirst();
		return {
			materialId: material.id,
			materialVersionId: version?.id ?? null,
			proposalId: null,
			title: material.title
		};
	}
	const proposal = await db
		.selectFrom('proposals')
		.select(['id', 'title'])
		.where('id', '=', choice.proposalId!)
		.where('groupId', '=', groupId)
		.where('status', 'not in', untriable)
		.executeTakeFirst();
	if (!proposal) throw wrong();
	return {
		materialId: null,
		materialVersionId: null,
		proposalId: proposal.id,
		title: proposal.title
	};
}

/** The group's required number of observations (§5.4), 1 unless the leader set more. */
export const requiredOf = (group: { requiredObservations: number }): number =>
	Math.max(1, Number(group.requiredObservations));

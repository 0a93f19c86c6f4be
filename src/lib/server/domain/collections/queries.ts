import type { z } from 'zod';
import type { collectionFields } from './input';
import type { Actor } from '../../access/actor';
import type { Collection, CollectionEdition, DB } from '../../db/types';
import { AppError } from '../../errors';
import { assertAllowed, assertOpen, groupAccess, type GroupAccess } from '../group-access/access';
import type { CollectionModel } from '../../export/collection/model';
import { canEditCollection, canReadEdition, canSeeCollections } from './policy';

export interface CollectionAccess extends GroupAccess {
	collection: Collection;
}

/** The group, if the actor may see its collections. */
export async function collectionsAccess(
	db: DB,
	actor: Actor,
	groupId: string
): Promise<GroupAccess> {
	const access = await groupAccess(db, actor, groupId);
	assertAllowed(canSeeCollections(actor, access));
	return access;
}

/** A collection of the group the actor may see. */
export async function collectionAccess(
	db: DB,
	actor: Actor,
	groupId: string,
	collectionId: string
): Promise<CollectionAccess> {
	const access = await collectionsAccess(db, actor, groupId);
	const collection = await db
		.selectFrom('collections')
		.selectAll()
		.where('id', '=', collectionId)
		.where('groupId', '=', groupId)
		.executeTakeFirst();
	if (!collection) throw new AppError('not_found', 'error_collection_not_found');
	return { ...access, collection };
}

/** For the leader's edits: 403 for anyone else, 409 in a closed group. */
export async function editableCollection(
	db: DB,
	actor: Actor,
	groupId: string,
	collectionId: string
): Promise<CollectionAccess> {
	const access = await collectionAccess(db, actor, groupId, collectionId);
	assertAllowed(canEditCollection(actor, access));
	assertOpen(access);
	return access;
}

/** Marks the collection changed (the list shows the latest first). */
export async function touchCollection(db: DB, collectionId: string, now: Date): Promise<void> {
	await db
		.updateTable('collections')
		.set({ updatedAt: now })
		.where('id', '=', collectionId)
		.execute();
}

/**
 * Materials that may go into a collection: accepted for it (§3.3), with the version the
 * decision was made on (the latest "accepted" event).
 */
export async function acceptedVersions(
	db: DB,
	groupId: string,
	materialIds?: string[]
): Promise<Map<string, number>> {
	if (materialIds && materialIds.length === 0) return new Map();
	let query = db
		.selectFrom('materials as m')
		.innerJoin('materialEvents as e', 'e.materialId', 'm.id')
		.select(['m.id', (eb) => eb.fn.max('e.versionNumber').as('versionNumber')])
		.where('m.groupId', '=', groupId)
		.where('m.status', '=', 'accepted')
		.where('e.kind', '=', 'status')
		.where('e.toStatus', '=', 'accepted')
		.groupBy('m.id');
	if (materialIds) query = query.where('m.id', 'in', materialIds);
	const rows = await query.execute();
	return new Map(rows.map((r) => [r.id, Number(r.versionNumber)]));
}

/** A section of the collection, or 404 (also when the form named none). */
export async function sectionOf(db: DB, collectionId: string, sectionId: string | undefined) {
	if (!sectionId) throw new AppError('not_found', 'error_collection_section_not_found');
	const section = await db
		.selectFrom('collectionSections')
		.selectAll()
		.where('id', '=', sectionId)
		.where('collectionId', '=', collectionId)
		.executeTakeFirst();
	if (!section) throw new AppError('not_found', 'error_collection_section_not_found');
	return section;
}

/** An item of the collection, or 404 (also when the form named none). */
export async function itemOf(db: DB, collectionId: string, itemId: string | undefined) {
	if (!itemId) throw new AppError('not_found', 'error_collection_item_not_found');
	const item = await db
		.selectFrom('collectionItems')
		.selectAll()
		.where('id', '=', itemId)
		.where('collectionId', '=', collectionId)
		.executeTakeFirst();
	if (!item) throw new AppError('not_found', 'error_collection_item_not_found');
	return item;
}

export type EditionRow = Omit<CollectionEdition, 'model'>;

export interface EditionAccess extends CollectionAccess {
	edition: EditionRow;
}

const editionColumns = [
	'id',
	'collectionId',
	'number',
	'status',
	'progress',
	'itemCount',
	'jobId',
	'docxKey',
	'docxSize',
	'pdfKey',
	'pdfSize',
	'pdfPages',
	'docxMs',
	'pdfMs',
	'droppedImages',
	'errorCode',
	'requestedBy',
	'requestedAt',
	'startedAt',
	'finishedAt',
	'approvedBy',
	'approvedAt'
] as const;

/** An edition of a collection the actor may see (without its frozen model: it can be large). */
export async function editionAccess(
	db: DB,
	actor: Actor,
	groupId: string,
	collectionId: string,
	number: number
): Promise<EditionAccess> {
	const access = await collectionAccess(db, actor, groupId, collectionId);
	const edition = await db
		.selectFrom('collectionEditions')
		.select(editionColumns)
		.where('collectionId', '=', collectionId)
		.where('number', '=', number)
		.executeTakeFirst();
	if (!edition) throw new AppError('not_found', 'error_edition_not_found');
	return { ...access, edition };
}

/** An edition that was compiled, so its files and web edition can be read; 409 before. */
export async function readableEdition(
	db: DB,
	actor: Actor,
	groupId: string,
	collectionId: string,
	number: number
): Promise<EditionAccess> {
	const access = await editionAccess(db, actor, groupId, collectionId, number);
	// Seen but not compiled (yet, or it failed): nothing to download.
	if (!canReadEdition(actor, access, access.edition.status))
		throw new AppError('conflict', 'error_edition_not_ready');
	return access;
}

/** An edition's frozen content, read whole (it can be large). */
export async function editionModel(db: DB, editionId: string): Promise<CollectionModel> {
	const row = await db
		.selectFrom('collectionEditions')
		.select('model')
		.where('id', '=', editionId)
		.executeTakeFirstOrThrow();
	return JSON.parse(row.model) as CollectionModel;
}

/**
 * An edition still "queued" or "compiling" whose job is over or gone (its worker died at the
 * wrong moment) is marked failed: it can be compiled again and never blocks the collection.
 */
export async function failOrphanEditions(db: DB, collectionId: string): Promise<void> {
	await db
		.updateTable('collectionEditions')
		.set({ status: 'failed', errorCode: 'render_failed' })
		.where('collectionId', '=', collectionId)
		.where('status', 'in', ['queued', 'compiling'])
		.where((eb) =>
			eb.not(
				eb.exists(
					eb
						.selectFrom('jobs')
						.select('jobs.id')
						.whereRef('jobs.id', '=', 'collectionEditions.jobId')
						.where('jobs.status', 'in', ['queued', 'running'])
				)
			)
		)
		.execute();
}

/**
 * 409 while an edition of the collection waits or compiles. An edition whose job is over
 * (or gone) without telling it is marked failed first, so it can never block the collection.
 */
export async function assertNotCompiling(db: DB, collectionId: string): Promise<void> {
	await failOrphanEditions(db, collectionId);
	const running = await db
		.selectFrom('collectionEditions')
		.select('number')
		.where('collectionId', '=', collectionId)
		.where('status', 'in', ['queued', 'compiling'])
		.executeTakeFirst();
	if (running) throw new AppError('conflict', 'error_collection_compiling');
}

/**
 * The title page's columns as the collections table stores them (empty text for none); the
 * posts only of `compilers` (the leader and the chosen editors).
 */
export function titlePageColumns(fields: z.output<typeof collectionFields>, compilers: string[]) {
	const posts = Object.entries(fields.editorPosts).filter(([id]) => compilers.includes(id));
	return {
		title: fields.title,
		subtitle: fields.subtitle ?? '',
		year: fields.year,
		language: fields.language,
		city: fields.city ?? '',
		approvalNote: fields.approvalNote ?? '',
		approvalBody: fields.approvalBody,
		approvalProtocol: fields.approvalProtocol ?? '',
		approvalDate: fields.approvalDate ?? null,
		isItemNewPage: fields.itemsFlow === 'page',
		editorPosts: JSON.stringify(Object.fromEntries(posts)),
		preface: fields.preface,
		reviewers: JSON.stringify(fields.reviewers)
	};
}

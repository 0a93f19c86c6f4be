import { newId } from '../../db/ids';
import type { DB, Material } from '../../db/types';
import { authorsOf, currentAttachments, gradesOf, subjectsOf } from './queries';

// Every edit after offering keeps the whole material as the next numbered version, so
// reviews stay tied to what they judged and any two versions can be compared.

export interface VersionSnapshot {
	type: string;
	title: string;
	language: string;
	abstract: string;
	bodyHtml: string;
	bodyText: string;
	tags: string[];
	subjects: string[];
	grades: number[];
	coauthors: string[];
	attachments: { id: string; name: string; size: number }[];
}

export const snapshotFields = [
	'type',
	'title',
	'language',
	'abstract',
	'body',
	'tags',
	'subjects',
	'grades',
	'coauthors',
	'attachments'
] as const;
export type SnapshotField = (typeof snapshotFields)[number];

export async function snapshotOf(db: DB, material: Material): Promise<VersionSnapshot> {
	const [authors, subjects, grades, attachments] = await Promise.all([
		authorsOf(db, material.id),
		subjectsOf(db, material.id),
		gradesOf(db, material.id),
		currentAttachments(db, material.id)
	]);
	return {
		type: material.type,
		title: material.title,
		language: material.language,
		abstract: material.abstract,
		bodyHtml: material.bodyHtml,
		bodyText: material.bodyText,
		tags: JSON.parse(material.tags) as string[],
		subjects,
		grades,
		coauthors: authors.filter((a) => !a.isMain).map((a) => a.id),
		attachments: attachments.map((a) => ({ id: a.id, name: a.name, size: Number(a.size) }))
	};
}

function valueOf(s: VersionSnapshot, field: SnapshotField): string {
	if (field === 'body') return s.bodyHtml;
	const value = s[field];
	return typeof value === 'string' ? value : JSON.stringify(value);
}

export function changedSnapshotFields(
	before: VersionSnapshot | null,
	after: VersionSnapshot
): SnapshotField[] {
	return snapshotFields.filter((f) => !before || valueOf(before, f) !== valueOf(after, f));
}

export async function latestSnapshot(db: DB, materialId: string): Promise<VersionSnapshot | null> {
	const row = await db
		.selectFrom('materialVersions')
		.select('snapshot')
		.where('materialId', '=', materialId)
		.orderBy('number', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row ? (JSON.parse(row.snapshot) as VersionSnapshot) : null;
}

/**
 * Records the material as it now is as the next version, when anything changed since the
 * last one. Returns the material's version number afterwards. Runs inside the caller's
 * transaction; the unique (material, number) index turns a race into a retried conflict.
 */
export async function recordVersion(
	db: DB,
	material: Material,
	authorId: string,
	now: Date
): Promise<number> {
	const after = await snapshotOf(db, material);
	const before = await latestSnapshot(db, material.id);
	const changed = changedSnapshotFields(before, after);
	if (before && changed.length === 0) return material.versionNumber;
	const number = material.versionNumber + 1;
	await db
		.insertInto('materialVersions')
		.values({
			id: newId(),
			materialId: material.id,
			number,
			authorId,
			createdAt: now,
			snapshot: JSON.stringify(after),
			changed: JSON.stringify(before ? changed : [])
		})
		.execute();
	await db
		.updateTable('materials')
		.set({ versionNumber: number })
		.where('id', '=', material.id)
		.execute();
	return number;
}

/** The dated workflow history of a material. */
export async function recordMaterialEvent(
	db: DB,
	event: {
		materialId: string;
		kind: 'created' | 'offered' | 'status' | 'edited';
		fromStatus?: Material['status'] | null;
		toStatus?: Material['status'] | null;
		versionNumber: number;
		actorId: string | null;
		reason?: string | null;
	},
	now: Date
): Promise<void> {
	await db
		.insertInto('materialEvents')
		.values({
			id: newId(),
			materialId: event.materialId,
			kind: event.kind,
			fromStatus: event.fromStatus ?? null,
			toStatus: event.toStatus ?? null,
			versionNumber: event.versionNumber,
			actorId: event.actorId,
			reason: event.reason ?? null,
			createdAt: now
		})
		.execute();
}

/**
 * After an edit inside a write: an offered material gets its next version (and the edit
 * goes into its history) when anything changed; a draft just changes. Returns the material's
 * version number afterwards (0 for a draft).
 */
export async function newVersionIfOffered(
	db: DB,
	materialId: string,
	actorId: string,
	now: Date
): Promise<number> {
	const material = await db
		.selectFrom('materials')
		.selectAll()
		.where('id', '=', materialId)
		.executeTakeFirstOrThrow();
	if (material.status === 'draft') return 0;
	const versionNumber = await recordVersion(db, material, actorId, now);
	if (versionNumber !== material.versionNumber)
		await recordMaterialEvent(db, { materialId, kind: 'edited', versionNumber, actorId }, now);
	return versionNumber;
}

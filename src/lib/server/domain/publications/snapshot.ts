import type { DB, MaterialLanguage } from '../../db/types';
import { AppError } from '../../errors';
import { materialResults } from '../approbations/material-results';
import type { MaterialResults } from '../approbations/results-model';
import { editionModel } from '../collections/queries';
import { authorsOf } from '../materials/queries';
import type { VersionSnapshot } from '../materials/versions';
import type { PublicationTarget } from './input';

// What a publication shows, frozen when it is asked: the author asked for consent agrees to
// exactly this, and a later edit of the material or a new approbation does not change it.
// Editions and material versions never change, so for them the snapshot holds a reference
// and the metadata; the results (which grow with every approbation) are copied whole.

export interface PublicationAuthor {
	id: string;
	name: string;
}

export interface PublicationMeta {
	title: string;
	subtitle: string;
	/** Plain text. */
	abstract: string;
	/** In the order they are cited. */
	authors: PublicationAuthor[];
	subjectIds: string[];
	grades: number[];
	language: MaterialLanguage;
	year: number;
	/** A material type, 'collection' for an edition, 'results' for results. */
	type: string;
	schoolName: string;
	schoolSlug: string;
	city: string;
	region: string;
	groupName: string;
}

export interface EditionContents {
	title: string;
	items: { number: number; title: string; authors: string[] }[];
}

export type PublicationSnapshot =
	| {
			kind: 'edition';
			meta: PublicationMeta;
			collectionId: string;
			number: number;
			contents: EditionContents[];
	  }
	| { kind: 'material'; meta: PublicationMeta; materialId: string; versionNumber: number }
	| {
			kind: 'results';
			meta: PublicationMeta;
			materials: {
				materialId: string;
				title: string;
				authors: string[];
				/** The approbations the figures come from: their titles and who tried. */
				approbations: { id: string; title: string; author: string }[];
				results: MaterialResults;
			}[];
	  };

export interface Frozen {
	snapshot: PublicationSnapshot;
	editionId: string | null;
	materialId: string | null;
	materialVersion: number | null;
}

interface GroupContext {
	groupId: string;
	groupName: string;
	school: { name: string; slug: string | null; city: string; region: string };
	now: Date;
}

const unique = <T>(values: T[]) => [...new Set(values)];

/** Users' names in the order of `ids`, each once. */
async function people(db: DB, ids: string[]): Promise<PublicationAuthor[]> {
	const order = unique(ids);
	if (order.length === 0) return [];
	const rows = await db
		.selectFrom('users')
		.select(['id', 'fullName'])
		.where('id', 'in', order)
		.execute();
	const names = new Map(rows.map((r) => [r.id, r.fullName]));
	return order.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : []));
}

async function subjectsAndGrades(db: DB, materialIds: string[]) {
	if (materialIds.length === 0) return { subjectIds: [], grades: [] };
	const [subjects, grades] = await Promise.all([
		db
			.selectFrom('materialSubjects')
			.select('subjectId')
			.distinct()
			.where('materialId', 'in', materialIds)
			.execute(),
		db
			.selectFrom('materialGrades')
			.select('grade')
			.distinct()
			.where('materialId', 'in', materialIds)
			.execute()
	]);
	return {
		subjectIds: subjects.map((s) => s.subjectId).sort(),
		grades: grades.map((g) => Number(g.grade)).sort((a, b) => a - b)
	};
}

async function materialAuthorIds(db: DB, materialIds: string[]): Promise<string[]> {
	const ids: string[] = [];
	for (const id of materialIds) ids.push(...(await authorsOf(db, id)).map((a) => a.id));
	return ids;
}

function place(group: GroupContext) {
	return {
		schoolName: group.school.name,
		schoolSlug: group.school.slug ?? '',
		city: group.school.city,
		region: group.school.region,
		groupName: group.groupName
	};
}

/** An approved edition of one of the group's collections. */
async function freezeEdition(db: DB, group: GroupContext, editionId: string): Promise<Frozen> {
	const edition = await db
		.selectFrom('collectionEditions as e')
		.innerJoin('collections as c', 'c.id', 'e.collectionId')
		.select(['e.id', 'e.number', 'e.approvedAt', 'e.status', 'c.id as collectionId', 'c.year'])
		.where('e.id', '=', editionId)
		.where('c.groupId', '=', group.groupId)
		.executeTakeFirst();
	if (!edition) throw new AppError('not_found', 'error_publication_target');
	if (edition.approvedAt === null || edition.status !== 'done')
		throw new AppError('conflict', 'error_publication_edition_not_approved');
	const model = await editionModel(db, edition.id);
	const items = model.sections.flatMap((s) => s.items);
	const materialIds = unique(items.map((i) => i.materialId));
	const editors = await db
		.selectFrom('collectionEditors')
		.select('userId')
		.where('collectionId', '=', edition.collectionId)
		.orderBy('position')
		.execute();
	const authors = await people(db, [
		...editors.map((e) => e.userId),
		...(await materialAuthorIds(db, materialIds))
	]);
	const snapshot: PublicationSnapshot = {
		kind: 'edition',
		collectionId: edition.collectionId,
		number: Number(edition.number),
		contents: model.sections.map((s) => ({
			title: s.title,
			items: s.items.map((i) => ({ number: i.number, title: i.title, authors: i.authors }))
		})),
		meta: {
			title: model.title,
			subtitle: model.subtitle,
			abstract: model.preface.join('\n\n'),
			authors,
			...(await subjectsAndGrades(db, materialIds)),
			language: model.language,
			year: Number(edition.year),
			type: 'collection',
			...place(group)
		}
	};
	return { snapshot, editionId: edition.id, materialId: null, materialVersion: null };
}

/** An accepted material of the group, at the version that was accepted. */
async function freezeMaterial(db: DB, group: GroupContext, materialId: string): Promise<Frozen> {
	const material = await db
		.selectFrom('materials')
		.select(['id', 'status', 'versionNumber', 'authorId'])
		.where('id', '=', materialId)
		.where('groupId', '=', group.groupId)
		.executeTakeFirst();
	if (!material) throw new AppError('not_found', 'error_publication_target');
	if (material.status !== 'accepted')
		throw new AppError('conflict', 'error_publication_material_not_accepted');
	const version = await db
		.selectFrom('materialVersions')
		.select('snapshot')
		.where('materialId', '=', materialId)
		.where('number', '=', material.versionNumber)
		.executeTakeFirstOrThrow();
	const frozen = JSON.parse(version.snapshot) as VersionSnapshot;
	const authors = await people(db, [material.authorId, ...frozen.coauthors]);
	const snapshot: PublicationSnapshot = {
		kind: 'material',
		materialId,
		versionNumber: Number(material.versionNumber),
		meta: {
			title: frozen.title,
			subtitle: '',
			abstract: frozen.abstract,
			authors,
			subjectIds: [...frozen.subjects].sort(),
			grades: [...frozen.grades].sort((a, b) => a - b),
			language: frozen.language as MaterialLanguage,
			year: group.now.getUTCFullYear(),
			type: frozen.type,
			...place(group)
		}
	};
	return {
		snapshot,
		editionId: null,
		materialId,
		materialVersion: Number(material.versionNumber)
	};
}

/** The group's results: every accepted material that was tried in class, as it stands now. */
async function freezeResults(db: DB, group: GroupContext, title: string): Promise<Frozen> {
	const materials = await db
		.selectFrom('materials as m')
		.select(['m.id', 'm.title', 'm.language'])
		.where('m.groupId', '=', group.groupId)
		.where('m.status', '=', 'accepted')
		.where((eb) =>
			eb.exists(
				eb.selectFrom('approbations as a').select('a.id').whereRef('a.materialId', '=', 'm.id')
			)
		)
		.orderBy('m.title')
		.execute();
	if (materials.length === 0) throw new AppError('conflict', 'error_publication_no_results');
	const ids = materials.map((m) => m.id);
	const approbationAuthors = await db
		.selectFrom('approbations')
		.select('authorId')
		.where('materialId', 'in', ids)
		.orderBy('createdAt')
		.execute();
	const authors = await people(db, [
		...(await materialAuthorIds(db, ids)),
		...approbationAuthors.map((a) => a.authorId)
	]);
	const tried = await db
		.selectFrom('approbations as a')
		.innerJoin('users as u', 'u.id', 'a.authorId')
		.select(['a.id', 'a.title', 'a.materialId', 'u.fullName'])
		.where('a.materialId', 'in', ids)
		.orderBy('a.startsOn')
		.orderBy('a.createdAt')
		.execute();
	const list = [];
	for (const m of materials)
		list.push({
			materialId: m.id,
			title: m.title,
			authors: (await authorsOf(db, m.id)).map((a) => a.fullName),
			approbations: tried
				.filter((a) => a.materialId === m.id)
				.map((a) => ({ id: a.id, title: a.title, author: a.fullName })),
			results: await materialResults(db, m.id)
		});
	const languages = materials.map((m) => m.language);
	const language = (['ky', 'ru', 'en'] as const).reduce((best, l) =>
		languages.filter((x) => x === l).length > languages.filter((x) => x === best).length ? l : best
	);
	const snapshot: PublicationSnapshot = {
		kind: 'results',
		materials: list,
		meta: {
			title,
			subtitle: '',
			abstract: '',
			authors,
			...(await subjectsAndGrades(db, ids)),
			language,
			year: group.now.getUTCFullYear(),
			type: 'results',
			...place(group)
		}
	};
	return { snapshot, editionId: null, materialId: null, materialVersion: null };
}

/** Freezes what `target` names, refusing what is not ready (not approved, not accepted). */
export async function freezeTarget(
	db: DB,
	group: GroupContext,
	target: PublicationTarget,
	resultsTitle: string
): Promise<Frozen> {
	switch (target.kind) {
		case 'edition':
			return freezeEdition(db, group, target.editionId);
		case 'material':
			return freezeMaterial(db, group, target.materialId);
		case 'results':
			return freezeResults(db, group, resultsTitle);
	}
}

/** A body's words for search, without markup. */
export function stripTags(html: string): string {
	return html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&amp;/g, '&')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/\s+/g, ' ')
		.trim();
}

export function parseSnapshot(json: string): PublicationSnapshot {
	return JSON.parse(json) as PublicationSnapshot;
}

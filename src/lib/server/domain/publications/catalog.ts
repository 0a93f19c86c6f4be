import type { DB, Publication } from '../../db/types';
import { indexPublication, removePublication } from '../../search';
import { editionModel } from '../collections/queries';
import type { VersionSnapshot } from '../materials/versions';
import { parseSnapshot, stripTags } from './snapshot';

// The public catalog's index holds exactly the publications for interested parties that are
// published: added when one goes live, removed when it ends, in the same transaction.

/** The index keeps this much of a body (a collection's bodies together can be megabytes). */
const MAX_BODY = 100_000;

/** The words of what is published: the bodies of an edition's items or of the material. */
async function bodyOf(db: DB, publication: Publication): Promise<string> {
	const snapshot = parseSnapshot(publication.snapshot);
	switch (snapshot.kind) {
		case 'edition': {
			if (!publication.editionId) return '';
			const model = await editionModel(db, publication.editionId);
			return model.sections
				.flatMap((s) => s.items)
				.map((i) => `${i.title}\n${i.abstract.join(' ')}\n${stripTags(i.bodyHtml)}`)
				.join('\n\n');
		}
		case 'material': {
			const row = await db
				.selectFrom('materialVersions')
				.select('snapshot')
				.where('materialId', '=', snapshot.materialId)
				.where('number', '=', snapshot.versionNumber)
				.executeTakeFirst();
			return row ? (JSON.parse(row.snapshot) as VersionSnapshot).bodyText : '';
		}
		case 'results':
			return snapshot.materials.map((m) => m.title).join('\n');
	}
}

export async function indexInCatalog(db: DB, publication: Publication): Promise<void> {
	const { meta, kind } = parseSnapshot(publication.snapshot);
	const body = await bodyOf(db, publication);
	await indexPublication(db, {
		publicationId: publication.id,
		code: publication.code,
		kind,
		type: meta.type,
		title: meta.subtitle ? `${meta.title}. ${meta.subtitle}` : meta.title,
		abstract: meta.abstract,
		body: body.slice(0, MAX_BODY),
		authors: meta.authors.map((a) => a.name),
		language: meta.language,
		schoolId: publication.schoolId,
		schoolName: meta.schoolName,
		schoolSlug: meta.schoolSlug,
		region: meta.region,
		groupName: meta.groupName,
		subjectIds: meta.subjectIds,
		grades: meta.grades,
		year: meta.year,
		publishedAt: publication.publishedAt ?? publication.requestedAt,
		licence: publication.licence
	});
}

export async function removeFromCatalog(db: DB, publicationId: string): Promise<void> {
	await removePublication(db, publicationId);
}

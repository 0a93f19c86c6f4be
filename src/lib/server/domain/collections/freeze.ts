import { currentLeader } from '../group-access/members';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import {
	EDITION_IMAGE,
	type CollectionImage,
	type CollectionItemModel,
	type CollectionLanguage,
	type CollectionModel,
	type ResultsModel
} from '../../export/collection/model';
import { imagePlaceholder } from '../../richtext/images';
import { sanitizeWithImages } from '../../richtext/sanitize';
import type { VersionSnapshot } from '../materials/versions';
import { freezeResults } from './freeze-results';
import { MAX_EDITION_CHARS, MAX_TABLE_ROWS } from './input';
import { acceptedVersions } from './queries';
import type { ApprovalBody } from './input';
import {
	approvalNote,
	collectionLabels,
	gradeRanges,
	materialTypeName,
	paragraphs,
	shortName
} from './labels';

const TABLE_ROW = /<tr[\s>]/gi;

/** Refuses content beyond what one compile can hold (input.ts), naming the material. */
function assertCompilable(items: CollectionItemModel[]): void {
	for (const item of items) {
		const rows = item.bodyHtml.match(TABLE_ROW)?.length ?? 0;
		if (rows > MAX_TABLE_ROWS)
			throw new AppError('conflict', 'error_collection_table_rows', {
				params: { title: item.title, rows, max: MAX_TABLE_ROWS }
			});
	}
	const chars = items.reduce((sum, item) => sum + item.bodyHtml.length, 0);
	if (chars > MAX_EDITION_CHARS)
		throw new AppError('conflict', 'error_collection_too_large', {
			params: { max: Math.round(MAX_EDITION_CHARS / 1_000_000) }
		});
}

const OWN_IMAGE = /^\/groups\/[0-9a-f-]{36}\/materials\/([0-9a-f-]{36})\/images\/([0-9a-f]{64})$/;
const PLACEHOLDER_SRC = /src="ustat-image:(\d{1,6})"/g;

/**
 * The edition's content as it is now: each material at the version the group accepted, every
 * fixed text in the collection's language. Stored with the edition, so what was compiled
 * never changes afterwards. Refuses an empty collection and one holding a material that is
 * no longer accepted (archived since): the leader removes it or has it accepted again.
 */
export async function freezeCollection(
	db: DB,
	collectionId: string,
	edition: number
): Promise<CollectionModel> {
	const collection = await db
		.selectFrom('collections as c')
		.innerJoin('groups as g', 'g.id', 'c.groupId')
		.innerJoin('schools as s', 's.id', 'g.schoolId')
		.selectAll('c')
		.select(['g.name as groupName', 's.name as schoolName', 's.city as schoolCity'])
		.where('c.id', '=', collectionId)
		.executeTakeFirstOrThrow();
	const language = collection.language as CollectionLanguage;
	const sections = await db
		.selectFrom('collectionSections')
		.select(['id', 'title', 'intro'])
		.where('collectionId', '=', collectionId)
		.orderBy('position')
		.execute();
	const items = await db
		.selectFrom('collectionItems as i')
		.innerJoin('materials as m', 'm.id', 'i.materialId')
		.select(['i.sectionId', 'i.materialId', 'i.note', 'i.hasResults', 'm.authorId', 'm.title'])
		.where('i.collectionId', '=', collectionId)
		.orderBy('i.position')
		.execute();
	if (items.length === 0) throw new AppError('conflict', 'error_collection_empty');
	const accepted = await acceptedVersions(
		db,
		collection.groupId,
		items.map((i) => i.materialId)
	);
	const notAccepted = items.filter((i) => !accepted.has(i.materialId));
	if (notAccepted.length > 0)
		throw new AppError('conflict', 'error_collection_not_accepted', {
			params: { titles: notAccepted.map((i) => `«${i.title}»`).join(', ') }
		});

	// Every accepted version in one query (the pairs are matched here).
	const rows = await db
		.selectFrom('materialVersions')
		.select(['materialId', 'number', 'snapshot'])
		.where('materialId', 'in', [...accepted.keys()])
		.where('number', 'in', [...new Set(accepted.values())])
		.execute();
	const versions = new Map(
		rows
			.filter((row) => accepted.get(row.materialId) === Number(row.number))
			.map((row) => [row.materialId, JSON.parse(row.snapshot) as VersionSnapshot])
	);
	const userIds = new Set<string>();
	for (const item of items) {
		userIds.add(item.authorId);
		for (const id of versions.get(item.materialId)!.coauthors) userIds.add(id);
	}
	const editorRows = await db
		.selectFrom('collectionEditors as e')
		.innerJoin('users as u', 'u.id', 'e.userId')
		.select(['u.id', 'u.fullName'])
		.where('e.collectionId', '=', collectionId)
		.orderBy('e.position')
		.execute();
	const leader = await currentLeader(db, collection.groupId);
	const [users, subjects, images] = await Promise.all([
		db
			.selectFrom('users')
			.select(['id', 'fullName'])
			.where('id', 'in', [...userIds])
			.execute(),
		db.selectFrom('subjects').selectAll().execute(),
		db
			.selectFrom('materialImages')
			.select(['materialId', 'blobKey', 'mime'])
			.where(
				'materialId',
				'in',
				items.map((i) => i.materialId)
			)
			.execute()
	]);
	const nameOf = new Map(users.map((u) => [u.id, u.fullName]));
	const results = new Map<string, ResultsModel | undefined>();
	for (const item of items.filter((i) => i.hasResults))
		results.set(item.materialId, await freezeResults(db, item.materialId, language));
	const subjectName = new Map(
		subjects.map((s) => [
			s.id,
			language === 'ky' ? s.nameKy : language === 'ru' ? s.nameRu : s.nameEn
		])
	);
	const imageMime = new Map(images.map((i) => [`${i.materialId}/${i.blobKey}`, i.mime]));

	const usedImages = new Map<string, CollectionImage>();
	const authorsIndex = new Map<string, number[]>();
	let number = 0;
	const sectionModels = sections.map((section) => ({
		title: section.title,
		intro: paragraphs(section.intro),
		items: items
			.filter((i) => i.sectionId === section.id)
			.map((item): CollectionItemModel => {
				number++;
				const v = versions.get(item.materialId)!;
				const authorIds = [item.authorId, ...v.coauthors.filter((id) => id !== item.authorId)];
				const authors = authorIds.map((id) => nameOf.get(id) ?? '');
				// By person, not by name: two teachers of the same name stay two entries.
				for (const id of authorIds) authorsIndex.set(id, [...(authorsIndex.get(id) ?? []), number]);
				// Body pictures point at the edition's own copies, by blob key.
				const keys: string[] = [];
				const html = sanitizeWithImages(v.bodyHtml, (src) => {
					const own = OWN_IMAGE.exec(src);
					const key = own?.[2];
					if (!own || !key || own[1] !== item.materialId) return null;
					const mime = imageMime.get(`${item.materialId}/${key}`);
					if (!mime) return null;
					usedImages.set(key, { key, mime });
					keys.push(key);
					return imagePlaceholder(keys.length);
				}).replace(
					PLACEHOLDER_SRC,
					(_, n: string) => `src="${EDITION_IMAGE}${keys[Number(n) - 1]}"`
				);
				return {
					number,
					materialId: item.materialId,
					versionNumber: accepted.get(item.materialId)!,
					title: v.title,
					authors,
					type: materialTypeName(language, v.type),
					subjects: v.subjects.map((id) => subjectName.get(id) ?? id),
					grades: gradeRanges(v.grades),
					language: v.language as CollectionLanguage,
					abstract: paragraphs(v.abstract),
					note: paragraphs(item.note),
					bodyHtml: html,
					...(results.get(item.materialId) ? { results: results.get(item.materialId) } : {})
				};
			})
	}));
	assertCompilable(sectionModels.flatMap((s) => s.items));
	// Kyrgyz collation (ICU's ky): Ң after Н, Ө after О, Ү after У.
	const order = new Intl.Collator(language);
	const posts = JSON.parse(collection.editorPosts || '{}') as Record<string, string>;
	const editors = [leader, ...editorRows.filter((e) => e.id !== leader?.id)]
		.filter((e) => e !== undefined)
		.map((e) => [shortName(e.fullName), posts[e.id]].filter(Boolean).join(', '));
	const reviewers = JSON.parse(collection.reviewers) as string[];
	return {
		language,
		edition,
		title: collection.title,
		subtitle: collection.subtitle,
		year: Number(collection.year),
		city: collection.city || collection.schoolCity,
		school: collection.schoolName,
		group: collection.groupName,
		editors,
		reviewers,
		approval:
			collection.approvalNote ||
			approvalNote(language, {
				group: collection.groupName,
				body: collection.approvalBody as ApprovalBody,
				protocol: collection.approvalProtocol,
				date: collection.approvalDate
			}),
		preface: paragraphs(collection.preface),
		sections: sectionModels,
		// By surname: the short form starts with it; the full name breaks a tie.
		authorsIndex: [...authorsIndex.entries()]
			.map(([id, numbers]) => ({ full: nameOf.get(id) ?? '', items: numbers }))
			.filter((entry) => entry.full !== '')
			.map((entry) => ({ ...entry, name: shortName(entry.full) }))
			.sort((a, b) => order.compare(a.name, b.name) || order.compare(a.full, b.full))
			.map(({ name, items }) => ({ name, items })),
		itemsOnNewPage: collection.isItemNewPage,
		images: [...usedImages.values()],
		labels: collectionLabels(language, collection.groupName, edition, {
			editors: editors.length,
			reviewers: reviewers.length
		})
	};
}

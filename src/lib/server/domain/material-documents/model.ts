import { documentDate } from '../../../i18n/document-date';
import * as m from '../../../paraglide/messages.js';
import { config } from '../../config.js';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import {
	EDITION_IMAGE,
	type CollectionImage,
	type CollectionLanguage,
	type MaterialDetail,
	type MaterialDocument
} from '../../export/collection/model';
import { imagePlaceholder } from '../../richtext/images';
import { sanitizeWithImages } from '../../richtext/sanitize';
import { toWallClock } from '../../zoned';
import { gradeRanges, materialTypeName, paragraphs } from '../collections/labels';
import type { VersionSnapshot } from '../materials/versions';

// One version of a material as a document: what its DOCX, its PDF and its print view show,
// read from the version's snapshot (never from the material as it is now), so an older
// version's document shows that version's text. No access check here: the callers (the
// member's use cases, the publication pages) decide who may see which version.

export interface MaterialDocumentAttachment {
	id: string;
	name: string;
	/** docx, pdf, png… (as the upload was sniffed). */
	kind: string;
	size: number;
}

export interface MaterialDocumentModel {
	materialId: string;
	groupId: string;
	versionNumber: number;
	versionDate: Date;
	/** The language the labels are in (by default the material's own). */
	locale: CollectionLanguage;
	/** The material's own language (its texts keep it). */
	language: CollectionLanguage;
	title: string;
	abstract: string;
	/**
	 * Sanitized HTML of the version. Pictures are `<img src="edition-image:KEY">` (KEY: the blob
	 * key of a picture of this material), as in an edition's model: a web page turns them into
	 * URLs with editionBodyHtml, the renderers read them from the file store.
	 */
	bodyHtml: string;
	images: CollectionImage[];
	/** Main author first, then co-authors as the version named them. */
	authors: string[];
	/** The material type's code and its name in `locale`. */
	type: string;
	typeName: string;
	/** Subject names in `locale`. */
	subjects: string[];
	grades: number[];
	tags: string[];
	school: string;
	group: string;
	/** The files the version listed (some may be removed from the material since). */
	attachments: MaterialDocumentAttachment[];
	/** The title block's "label: value" lines and the texts around them, in `locale`. */
	details: MaterialDetail[];
	labels: { authors: string; abstract: string; attachments: string; emptyBody: string };
	/** "Plan.docx — DOCX, 24 KB" for each attachment, in `locale`. */
	attachmentLines: string[];
}

const OWN_IMAGE = /^\/groups\/[0-9a-f-]{36}\/materials\/([0-9a-f-]{36})\/images\/([0-9a-f]{64})$/;
const PLACEHOLDER_SRC = /src="ustat-image:(\d{1,6})"/g;

const languageNames: Record<
	CollectionLanguage,
	(p: object, o: { locale: CollectionLanguage }) => string
> = {
	ky: m.material_language_ky,
	ru: m.material_language_ru,
	en: m.material_language_en
};

function asLanguage(value: string): CollectionLanguage {
	return value === 'ru' || value === 'en' ? value : 'ky';
}

/** "24 KB" / "1,2 MB" in the locale. */
export function documentFileSize(bytes: number, locale: CollectionLanguage): string {
	const number = new Intl.NumberFormat(locale);
	if (bytes >= 1024 * 1024)
		return m.file_size_mb({ size: number.format(Math.round(bytes / 104857.6) / 10) }, { locale });
	return m.file_size_kb({ size: number.format(Math.max(1, Math.round(bytes / 1024))) }, { locale });
}

/**
 * Everything one version of a material shows as a document. 404 when the material or the
 * version does not exist. `locale`: the language of the labels and of the subjects' and
 * type's names; by default the material's own language (as the documents are made).
 */
export async function materialDocumentModel(
	db: DB,
	input: { materialId: string; versionNumber: number; locale?: CollectionLanguage }
): Promise<MaterialDocumentModel> {
	const row = await db
		.selectFrom('materialVersions as v')
		.innerJoin('materials as mt', 'mt.id', 'v.materialId')
		.innerJoin('groups as g', 'g.id', 'mt.groupId')
		.innerJoin('schools as s', 's.id', 'g.schoolId')
		.select([
			'v.snapshot',
			'v.createdAt',
			'mt.authorId',
			'mt.groupId',
			'g.name as groupName',
			's.name as schoolName'
		])
		.where('v.materialId', '=', input.materialId)
		.where('v.number', '=', input.versionNumber)
		.executeTakeFirst();
	if (!row) throw new AppError('not_found', 'error_material_not_found');
	const snapshot = JSON.parse(row.snapshot) as VersionSnapshot;
	const language = asLanguage(snapshot.language);
	const locale = input.locale ?? language;

	const authorIds = [row.authorId, ...snapshot.coauthors.filter((id) => id !== row.authorId)];
	const attachmentIds = snapshot.attachments.map((a) => a.id);
	const [users, subjects, images, files] = await Promise.all([
		db.selectFrom('users').select(['id', 'fullName']).where('id', 'in', authorIds).execute(),
		snapshot.subjects.length > 0
			? db.selectFrom('subjects').selectAll().where('id', 'in', snapshot.subjects).execute()
			: Promise.resolve([]),
		db
			.selectFrom('materialImages')
			.select(['blobKey', 'mime'])
			.where('materialId', '=', input.materialId)
			.execute(),
		attachmentIds.length > 0
			? db
					.selectFrom('materialAttachments')
					.select(['id', 'kind'])
					.where('materialId', '=', input.materialId)
					.where('id', 'in', attachmentIds)
					.execute()
			: Promise.resolve([])
	]);
	const nameOf = new Map(users.map((u) => [u.id, u.fullName]));
	const authors = authorIds.map((id) => nameOf.get(id)).filter((name) => name !== undefined);
	const subjectName = new Map(
		subjects.map((s) => [s.id, locale === 'ky' ? s.nameKy : locale === 'ru' ? s.nameRu : s.nameEn])
	);
	const subjectNames = snapshot.subjects.map((id) => subjectName.get(id) ?? id);
	const kindOf = new Map(files.map((f) => [f.id, f.kind]));
	const attachments = snapshot.attachments.map((a) => ({
		id: a.id,
		name: a.name,
		kind: kindOf.get(a.id) ?? '',
		size: Number(a.size)
	}));

	// Body pictures become references to this material's own pictures, by blob key; any other
	// source is dropped.
	const imageMime = new Map(images.map((i) => [i.blobKey, i.mime]));
	const used = new Map<string, CollectionImage>();
	const keys: string[] = [];
	const bodyHtml = sanitizeWithImages(snapshot.bodyHtml, (src) => {
		const own = OWN_IMAGE.exec(src);
		const key = own?.[2];
		if (!own || !key || own[1] !== input.materialId) return null;
		const mime = imageMime.get(key);
		if (!mime) return null;
		used.set(key, { key, mime });
		keys.push(key);
		return imagePlaceholder(keys.length);
	}).replace(PLACEHOLDER_SRC, (_, n: string) => `src="${EDITION_IMAGE}${keys[Number(n) - 1]}"`);

	const versionDate = new Date(row.createdAt);
	const o = { locale };
	const typeName = materialTypeName(locale, snapshot.type);
	const grades = [...snapshot.grades].map(Number).sort((a, b) => a - b);
	const details: MaterialDetail[] = [
		{ label: m.documents_doc_type({}, o), value: typeName },
		...(subjectNames.length > 0
			? [
					{
						label: m.documents_doc_subjects({ count: subjectNames.length }, o),
						value: subjectNames.join(', ')
					}
				]
			: []),
		...(grades.length > 0
			? [{ label: m.documents_doc_grades({}, o), value: gradeRanges(grades) }]
			: []),
		{ label: m.documents_doc_language({}, o), value: languageNames[language]({}, o) },
		{ label: m.documents_doc_school({}, o), value: row.schoolName },
		{ label: m.documents_doc_group({}, o), value: row.groupName },
		{ label: m.documents_doc_version({}, o), value: String(input.versionNumber) },
		{
			label: m.documents_doc_version_date({}, o),
			// As a school writes a date in a document («2026-жылдын 23-сентябры»), the school's day.
			value: documentDate(toWallClock(versionDate, config().timeZone).slice(0, 10), locale)
		},
		...(snapshot.tags.length > 0
			? [{ label: m.documents_doc_tags({}, o), value: snapshot.tags.join(', ') }]
			: [])
	];
	return {
		materialId: input.materialId,
		groupId: row.groupId,
		versionNumber: input.versionNumber,
		versionDate,
		locale,
		language,
		title: snapshot.title,
		abstract: snapshot.abstract,
		bodyHtml,
		images: [...used.values()],
		authors,
		type: snapshot.type,
		typeName,
		subjects: subjectNames,
		grades,
		tags: snapshot.tags,
		school: row.schoolName,
		group: row.groupName,
		attachments,
		details,
		labels: {
			authors: m.documents_doc_authors({ count: Math.max(1, authors.length) }, o),
			abstract: m.documents_doc_abstract({}, o),
			attachments: m.documents_doc_attachments({}, o),
			emptyBody: m.documents_doc_empty_body({}, o)
		},
		attachmentLines: attachments.map((a) =>
			[a.name, [a.kind.toUpperCase(), documentFileSize(a.size, locale)].filter(Boolean).join(', ')]
				.filter(Boolean)
				.join(' — ')
		)
	};
}

/** The model as the DOCX and PDF renderers take it. */
export function toMaterialDocument(model: MaterialDocumentModel): MaterialDocument {
	const abstract = paragraphs(model.abstract);
	return {
		title: model.title,
		authors: model.authors,
		language: model.language,
		bodyHtml: model.bodyHtml,
		details: model.details,
		...(abstract.length > 0
			? { abstract: { heading: model.labels.abstract, paragraphs: abstract } }
			: {}),
		...(model.attachmentLines.length > 0
			? { attachments: { heading: model.labels.attachments, files: model.attachmentLines } }
			: {})
	};
}

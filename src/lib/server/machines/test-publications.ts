import { newId } from '../db/ids';
import type { DB, Licence } from '../db/types';
import type { PublicationMeta, PublicationSnapshot } from '../domain/publications/snapshot';

// For the machines' tests: publication rows written straight into the table, in every state
// (the publications module tests how they get there).

let counter = 0;

export interface PublicationRow {
	schoolId: string;
	groupId: string;
	requestedBy: string;
	title: string;
	code?: string;
	audience?: 'public' | 'staff';
	status?: 'awaiting_consent' | 'published' | 'refused' | 'withdrawn' | 'unpublished';
	licence?: Licence;
	publishedAt?: Date | null;
	endedAt?: Date | null;
	meta?: Partial<PublicationMeta>;
}

export async function insertPublication(
	db: DB,
	row: PublicationRow
): Promise<{ id: string; code: string }> {
	const id = newId();
	const code =
		row.code ??
		`t${(counter++).toString(36).padStart(4, '0')}${Math.random().toString(36).slice(2, 5)}`;
	const school = await db
		.selectFrom('schools')
		.select(['name', 'slug', 'city', 'region'])
		.where('id', '=', row.schoolId)
		.executeTakeFirstOrThrow();
	const meta: PublicationMeta = {
		title: row.title,
		subtitle: '',
		abstract: `${row.title}: кыскача мазмуну.`,
		authors: [{ id: row.requestedBy, name: 'Айгүл Өмүрбекова' }],
		subjectIds: ['mathematics'],
		grades: [5, 6],
		language: 'ky',
		year: 2026,
		type: 'lesson_plan',
		schoolName: school.name,
		schoolSlug: school.slug ?? '',
		city: school.city,
		region: school.region,
		groupName: 'Топ',
		...row.meta
	};
	const snapshot: PublicationSnapshot = {
		kind: 'material',
		materialId: newId(),
		versionNumber: 1,
		meta
	};
	const status = row.status ?? 'published';
	const publishedAt =
		row.publishedAt !== undefined
			? row.publishedAt
			: status === 'published' || status === 'unpublished'
				? new Date()
				: null;
	await db
		.insertInto('publications')
		.values({
			id,
			code,
			schoolId: row.schoolId,
			groupId: row.groupId,
			kind: 'material',
			editionId: null,
			materialId: null,
			materialVersion: 1,
			audience: row.audience ?? 'public',
			licence: row.licence ?? 'cc_by',
			status,
			title: row.title,
			snapshot: JSON.stringify(snapshot),
			language: meta.language,
			year: meta.year,
			requestedBy: row.requestedBy,
			requestedAt: publishedAt ?? new Date(),
			publishedAt,
			endedAt: row.endedAt ?? null,
			endedBy: row.endedAt ? row.requestedBy : null,
			endReason: row.endedAt ? 'Эскирди.' : null
		})
		.execute();
	return { id, code };
}

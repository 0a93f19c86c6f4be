import { sql } from 'kysely';
import type { DB, Licence, PublicationKind } from '../../db/types';
import { parseSnapshot } from './snapshot';

// What machines read (feeds, the sitemap, OAI-PMH): the publications to interested parties,
// live or taken down (a harvester must learn that a record was deleted). No actor: public by
// definition; nothing for the staff and nothing never published is ever selected here.

export interface PublicRecord {
	id: string;
	code: string;
	kind: PublicationKind;
	/** A material type, 'collection' or 'results'. */
	type: string;
	title: string;
	subtitle: string;
	abstract: string;
	authors: string[];
	subjectIds: string[];
	grades: number[];
	language: 'ky' | 'ru' | 'en';
	year: number;
	licence: Licence;
	schoolName: string;
	schoolSlug: string;
	city: string;
	region: string;
	groupName: string;
	publishedAt: Date;
	/** Taken down: when (the tombstone's date); null while published. */
	deletedAt: Date | null;
	/** When it last changed: taken down, else published (OAI-PMH's datestamp). */
	datestamp: Date;
}

export interface PublicRecordQuery {
	/** Datestamps from/until (inclusive). */
	from?: Date;
	until?: Date;
	schoolSlug?: string;
	subjectId?: string;
	/** Taken-down records too (OAI-PMH); feeds and the sitemap leave them out. */
	withDeleted?: boolean;
	/** Resume after this record (datestamp, id), for paging through everything. */
	after?: { datestamp: Date; id: string };
	/** Newest first (feeds) or oldest first (harvesting). */
	order: 'newest' | 'oldest';
	limit: number;
}

const datestamp = sql<Date>`coalesce(p.ended_at, p.published_at)`;

/** Public publications that were ever published (live, or taken down when `withDeleted`). */
function publicRows(db: DB, withDeleted: boolean) {
	return db
		.selectFrom('publications as p')
		.innerJoin('schools as s', 's.id', 'p.schoolId')
		.select([
			'p.id',
			'p.code',
			'p.licence',
			'p.snapshot',
			'p.publishedAt',
			'p.endedAt',
			'p.status',
			's.slug'
		])
		.where('p.audience', '=', 'public')
		.where('p.publishedAt', 'is not', null)
		.where('p.status', 'in', withDeleted ? ['published', 'unpublished'] : ['published']);
}

type Row = Awaited<ReturnType<ReturnType<typeof publicRows>['execute']>>[number];

function toRecord(row: Row): PublicRecord {
	const { meta, kind } = parseSnapshot(row.snapshot);
	const deletedAt = row.status === 'unpublished' ? row.endedAt : null;
	return {
		id: row.id,
		code: row.code,
		kind,
		type: meta.type,
		title: meta.title,
		subtitle: meta.subtitle,
		abstract: meta.abstract,
		authors: meta.authors.map((a) => a.name),
		subjectIds: meta.subjectIds,
		grades: meta.grades,
		language: meta.language,
		year: meta.year,
		licence: row.licence,
		schoolName: meta.schoolName,
		schoolSlug: row.slug ?? meta.schoolSlug,
		city: meta.city,
		region: meta.region,
		groupName: meta.groupName,
		publishedAt: row.publishedAt!,
		deletedAt,
		datestamp: deletedAt ?? row.publishedAt!
	};
}

export async function listPublicRecords(db: DB, query: PublicRecordQuery): Promise<PublicRecord[]> {
	let q = publicRows(db, query.withDeleted ?? false);
	if (query.from) q = q.where(datestamp, '>=', query.from);
	if (query.until) q = q.where(datestamp, '<=', query.until);
	if (query.schoolSlug) q = q.where('s.slug', '=', query.schoolSlug);
	if (query.after) {
		const { datestamp: at, id } = query.after;
		q = q.where((eb) =>
			query.order === 'oldest'
				? eb.or([eb(datestamp, '>', at), eb.and([eb(datestamp, '=', at), eb('p.id', '>', id)])])
				: eb.or([eb(datestamp, '<', at), eb.and([eb(datestamp, '=', at), eb('p.id', '<', id)])])
		);
	}
	const direction = query.order === 'oldest' ? 'asc' : 'desc';
	// A subject filter reads the snapshot, so it is applied to a wider page, then cut.
	const rows = await q
		.orderBy(datestamp, direction)
		.orderBy('p.id', direction)
		.limit(query.subjectId ? Math.max(query.limit * 20, 1000) : query.limit)
		.execute();
	const records = rows.map(toRecord);
	const subject = query.subjectId;
	return (subject ? records.filter((r) => r.subjectIds.includes(subject)) : records).slice(
		0,
		query.limit
	);
}

/** One public record by its code (OAI-PMH GetRecord), live or taken down. */
export async function getPublicRecord(db: DB, code: string): Promise<PublicRecord | null> {
	const row = await publicRows(db, true).where('p.code', '=', code).executeTakeFirst();
	return row ? toRecord(row) : null;
}

/** The earliest datestamp of any public record (OAI-PMH Identify), or null when none. */
export async function earliestDatestamp(db: DB): Promise<Date | null> {
	const row = await db
		.selectFrom('publications')
		.select((eb) => eb.fn.min('publishedAt').as('first'))
		.where('audience', '=', 'public')
		.where('publishedAt', 'is not', null)
		.executeTakeFirst();
	return row?.first ? new Date(row.first as unknown as string) : null;
}

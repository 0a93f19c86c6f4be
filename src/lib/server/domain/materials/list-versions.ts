import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { textDiff, wordDiff, type DiffPart } from '../../../diff';
import { listVersionsInput, type ListVersionsInput } from './input';
import { materialAccess } from './queries';
import type { SnapshotField, VersionSnapshot } from './versions';

export interface VersionView {
	number: number;
	at: Date;
	authorName: string | null;
	changed: SnapshotField[];
	reviewCount: number;
}

/** The material's versions, newest first, with how many reviews judged each. */
export async function listVersions({ db, actor }: Ctx, input: ListVersionsInput) {
	const access = await materialAccess(db, actor, input.groupId, input.materialId);
	const { materialId } = validate(listVersionsInput, input);
	const rows = await db
		.selectFrom('materialVersions as v')
		.leftJoin('users as u', 'u.id', 'v.authorId')
		.select(['v.number', 'v.createdAt', 'v.changed', 'v.snapshot', 'u.fullName'])
		.where('v.materialId', '=', materialId)
		.orderBy('v.number', 'desc')
		.execute();
	const counts = await db
		.selectFrom('reviews')
		.select(['versionNumber', (eb) => eb.fn.countAll().as('count')])
		.where('materialId', '=', materialId)
		.groupBy('versionNumber')
		.execute();
	const reviewCount = new Map(counts.map((c) => [Number(c.versionNumber), Number(c.count)]));
	return {
		group: { id: access.group.id, name: access.group.name },
		material: { id: materialId, title: access.material.title, status: access.material.status },
		versions: rows.map((r) => ({
			number: Number(r.number),
			at: r.createdAt,
			authorName: r.fullName,
			changed: JSON.parse(r.changed) as SnapshotField[],
			reviewCount: reviewCount.get(Number(r.number)) ?? 0,
			snapshot: JSON.parse(r.snapshot) as VersionSnapshot
		}))
	};
}

export interface VersionComparison {
	from: number;
	to: number;
	text: { field: 'title' | 'abstract' | 'tags' | 'body'; parts: DiffPart[]; isChanged: boolean }[];
	attachments: { added: string[]; removed: string[] };
	changed: string[];
}

/** Two versions compared (older first): text word by word, attachments added and removed. */
export function compareVersions(
	versions: { number: number; snapshot: VersionSnapshot }[],
	from: number,
	to: number
): VersionComparison {
	const older = versions.find((v) => v.number === Math.min(from, to));
	const newer = versions.find((v) => v.number === Math.max(from, to));
	if (!older || !newer) throw new AppError('not_found', 'error_version_not_found');
	const a = older.snapshot;
	const b = newer.snapshot;
	const texts = [
		{ field: 'title' as const, before: a.title, after: b.title, diff: wordDiff },
		{ field: 'abstract' as const, before: a.abstract, after: b.abstract, diff: wordDiff },
		{ field: 'tags' as const, before: a.tags.join(', '), after: b.tags.join(', '), diff: wordDiff },
		{ field: 'body' as const, before: a.bodyText, after: b.bodyText, diff: textDiff }
	];
	const beforeIds = new Set(a.attachments.map((x) => x.id));
	const afterIds = new Set(b.attachments.map((x) => x.id));
	const changed = (['type', 'language', 'subjects', 'grades', 'coauthors'] as const).filter(
		(f) => JSON.stringify(a[f]) !== JSON.stringify(b[f])
	);
	return {
		from: older.number,
		to: newer.number,
		text: texts.map((t) => ({
			field: t.field,
			parts: t.diff(t.before, t.after),
			isChanged: t.before !== t.after
		})),
		attachments: {
			added: b.attachments.filter((x) => !beforeIds.has(x.id)).map((x) => x.name),
			removed: a.attachments.filter((x) => !afterIds.has(x.id)).map((x) => x.name)
		},
		changed
	};
}

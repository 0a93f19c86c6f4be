import { sql } from 'kysely';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, groupAccess } from '../group-access/access';
import { canSeeGroupWork } from '../group-access/policy';
import { listMaterialsInput, type ListMaterialsInput } from './input';
import { canCreateMaterial } from './policy';

export const LIST_LIMIT = 200;

/**
 * The group's materials with filters and a sort, for its members and the administration.
 * Drafts appear only to their authors.
 */
export async function listMaterials({ db, actor }: Ctx, input: ListMaterialsInput) {
	const access = await groupAccess(db, actor, input.groupId);
	assertAllowed(canSeeGroupWork(actor, access));
	const { groupId, ...filter } = validate(listMaterialsInput, input);
	let query = db
		.selectFrom('materials as m')
		.innerJoin('users as u', 'u.id', 'm.authorId')
		.select([
			'm.id',
			'm.type',
			'm.title',
			'm.status',
			'm.language',
			'm.versionNumber',
			'm.updatedAt',
			'm.offeredAt',
			'u.fullName as authorName'
		])
		.where('m.groupId', '=', groupId)
		.where((eb) =>
			eb.or([
				eb('m.status', '!=', 'draft'),
				eb.exists(
					eb
						.selectFrom('materialAuthors as a')
						.select('a.userId')
						.whereRef('a.materialId', '=', 'm.id')
						.where('a.userId', '=', actor.id)
				)
			])
		);
	if (filter.type) query = query.where('m.type', '=', filter.type);
	if (filter.status) query = query.where('m.status', '=', filter.status);
	if (filter.subject)
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('materialSubjects as s')
					.select('s.subjectId')
					.whereRef('s.materialId', '=', 'm.id')
					.where('s.subjectId', '=', filter.subject!)
			)
		);
	if (filter.grade)
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('materialGrades as g')
					.select('g.grade')
					.whereRef('g.materialId', '=', 'm.id')
					.where('g.grade', '=', filter.grade!)
			)
		);
	if (filter.author)
		query = query.where((eb) =>
			eb.exists(
				eb
					.selectFrom('materialAuthors as a2')
					.select('a2.userId')
					.whereRef('a2.materialId', '=', 'm.id')
					.where('a2.userId', '=', filter.author!)
			)
		);
	query =
		filter.sort === 'title'
			? query.orderBy('m.title')
			: filter.sort === 'offered'
				? query
						// Drafts (never offered) last on both databases.
						.orderBy(sql`case when m.offered_at is null then 1 else 0 end`)
						.orderBy('m.offeredAt', 'desc')
				: query.orderBy('m.updatedAt', 'desc');
	const rows = await query
		.orderBy('m.id')
		.limit(LIST_LIMIT + 1)
		.execute();
	const authors = await db
		.selectFrom('materialAuthors as a')
		.innerJoin('materials as m', 'm.id', 'a.materialId')
		.innerJoin('users as u', 'u.id', 'a.userId')
		.select(['u.id', 'u.fullName'])
		.distinct()
		.where('m.groupId', '=', groupId)
		.where('m.status', '!=', 'draft')
		.orderBy('u.fullName')
		.execute();
	return {
		group: { id: access.group.id, name: access.group.name },
		materials: rows
			.slice(0, LIST_LIMIT)
			.map((r) => ({ ...r, versionNumber: Number(r.versionNumber) })),
		isTruncated: rows.length > LIST_LIMIT,
		authors,
		canCreate: canCreateMaterial(actor, access) && !access.isClosed
	};
}

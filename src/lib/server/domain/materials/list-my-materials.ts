import type { DB } from '../../db/types';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { listMyMaterialsInput, type ListMyMaterialsInput } from './input';

/**
 * "My materials" across groups, and "waiting for my opinion": materials being judged in the
 * actor's groups, by others, whose current version the actor has not reviewed yet.
 */
export async function listMyMaterials({ db, actor }: Ctx, input: ListMyMaterialsInput) {
	validate(listMyMaterialsInput, input);
	const mine = await db
		.selectFrom('materialAuthors as a')
		.innerJoin('materials as m', 'm.id', 'a.materialId')
		.innerJoin('groups as g', 'g.id', 'm.groupId')
		.select([
			'm.id',
			'm.groupId',
			'g.name as groupName',
			'm.type',
			'm.title',
			'm.status',
			'm.versionNumber',
			'm.updatedAt'
		])
		.where('a.userId', '=', actor.id)
		.orderBy('m.updatedAt', 'desc')
		.orderBy('m.id')
		.limit(200)
		.execute();
	const waiting = await waitingForMyOpinion(db, actor.id).execute();
	return {
		mine: mine.map((r) => ({ ...r, versionNumber: Number(r.versionNumber) })),
		waiting: waiting.map((r) => ({ ...r, versionNumber: Number(r.versionNumber) }))
	};
}

export function waitingForMyOpinion(db: DB, userId: string) {
	return db
		.selectFrom('materials as m')
		.innerJoin('groupMembers as gm', (j) =>
			j
				.onRef('gm.groupId', '=', 'm.groupId')
				.on('gm.userId', '=', userId)
				.on('gm.leftAt', 'is', null)
		)
		.innerJoin('groups as g', 'g.id', 'm.groupId')
		.innerJoin('users as u', 'u.id', 'm.authorId')
		.select([
			'm.id',
			'm.groupId',
			'g.name as groupName',
			'm.type',
			'm.title',
			'm.status',
			'm.versionNumber',
			'm.updatedAt',
			'u.fullName as authorName'
		])
		.where('g.closedAt', 'is', null)
		.where('m.status', 'in', ['offered', 'under_review'])
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('materialAuthors as a')
						.select('a.userId')
						.whereRef('a.materialId', '=', 'm.id')
						.where('a.userId', '=', userId)
				)
			)
		)
		.where(({ not, exists, selectFrom }) =>
			not(
				exists(
					selectFrom('reviews as r')
						.select('r.id')
						.whereRef('r.materialId', '=', 'm.id')
						.whereRef('r.versionNumber', '=', 'm.versionNumber')
						.where('r.reviewerId', '=', userId)
				)
			)
		)
		.orderBy('m.offeredAt')
		.orderBy('m.id')
		.limit(200);
}

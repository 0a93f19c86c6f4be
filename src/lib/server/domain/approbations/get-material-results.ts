import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { materialResultsInput, type MaterialResultsInput } from './input';
import { isConfirmed } from './policy';
import { approbationsAccess, observationCounts, requiredOf } from './queries';
import { materialResults } from './material-results';

/**
 * A material's results page: every approbation of it (who, when, confirmed or not) and the
 * indicators before and after. Seen by whoever sees the group's approbations.
 */
export async function getMaterialResults({ db, actor }: Ctx, input: MaterialResultsInput) {
	const access = await approbationsAccess(db, actor, input.groupId);
	const { groupId, materialId } = validate(materialResultsInput, input);
	const material = await db
		.selectFrom('materials')
		.select(['id', 'title', 'status'])
		.where('id', '=', materialId)
		.where('groupId', '=', groupId)
		.where('status', '!=', 'draft')
		.executeTakeFirst();
	if (!material) throw new AppError('not_found', 'error_material_not_found');
	const approbations = await db
		.selectFrom('approbations as a')
		.innerJoin('users as u', 'u.id', 'a.authorId')
		.leftJoin('materialVersions as v', 'v.id', 'a.materialVersionId')
		.select(['a.id', 'a.title', 'u.fullName as authorName', 'a.startsOn', 'a.endsOn', 'v.number'])
		.where('a.materialId', '=', materialId)
		.orderBy('a.startsOn')
		.orderBy('a.createdAt')
		.execute();
	const counts = await observationCounts(
		db,
		approbations.map((a) => a.id)
	);
	const required = requiredOf(access.group);
	return {
		material: { id: material.id, title: material.title },
		required,
		approbations: approbations.map((a) => ({
			id: a.id,
			title: a.title,
			authorName: a.authorName,
			startsOn: a.startsOn,
			endsOn: a.endsOn,
			versionNumber: a.number === null ? null : Number(a.number),
			observations: counts.get(a.id) ?? 0,
			confirmed: isConfirmed(counts.get(a.id) ?? 0, required)
		})),
		results: await materialResults(db, materialId)
	};
}

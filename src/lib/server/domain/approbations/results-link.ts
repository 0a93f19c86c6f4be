import type { Ctx } from '../context';
import { groupAccess } from '../group-access/access';
import { validate } from '../../validation';
import { materialResultsInput, type MaterialResultsInput } from './input';
import { canSeeApprobations } from './policy';

/**
 * For the material's page: how many approbations it has, when the actor may see its results
 * (null otherwise: the page shows no link).
 */
export async function materialResultsLink(
	{ db, actor }: Ctx,
	input: MaterialResultsInput
): Promise<{ approbations: number } | null> {
	const access = await groupAccess(db, actor, input.groupId);
	if (!canSeeApprobations(actor, access)) return null;
	const { groupId, materialId } = validate(materialResultsInput, input);
	const row = await db
		.selectFrom('approbations')
		.select((eb) => eb.fn.countAll().as('count'))
		.where('groupId', '=', groupId)
		.where('materialId', '=', materialId)
		.executeTakeFirstOrThrow();
	return { approbations: Number(row.count) };
}

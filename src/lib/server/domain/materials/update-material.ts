import { inTransaction, retryOnConflict } from '../../db/transaction';
import type { DB } from '../../db/types';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import type { MaterialId } from '../ids';
import { prepareBody } from './body';
import { checkChoices, writeDetails } from './details';
import { updateMaterialInput, type UpdateMaterialInput } from './input';
import { canEditMaterial } from './policy';
import { assertEditable, authorsOf, materialAccess, touchEditable } from './queries';
import { newVersionIfOffered } from './versions';

/**
 * The authors edit. A draft changes in place; after offering, every saved change becomes
 * the next version, so reviews keep pointing at what they judged.
 */
export async function updateMaterial(
	{ db, actor, now, store }: Ctx,
	input: UpdateMaterialInput
): Promise<{ versionNumber: number }> {
	const access = await materialAccess(db, actor, input.groupId, input.materialId);
	assertEditable(canEditMaterial(actor, access, access.material.status), access);
	const fields = validate(updateMaterialInput, input);
	const { groupId, materialId } = fields;
	const mainAuthor = access.material.authorId;
	await checkChoices(db, groupId, mainAuthor, {
		...fields,
		coauthors: await newCoauthors(db, materialId, fields.coauthors)
	});
	const target = { groupId, materialId };
	return retryOnConflict(() =>
		inTransaction(db, async (trx) => {
			await touchEditable(trx, materialId, now);
			const body = await prepareBody(trx, store, target, fields.body, now);
			await trx
				.updateTable('materials')
				.set({
					type: fields.type,
					title: fields.title,
					language: fields.language,
					abstract: fields.abstract,
					bodyHtml: body.html,
					bodyText: body.text,
					tags: JSON.stringify(fields.tags),
					updatedAt: now
				})
				.where('id', '=', materialId)
				.execute();
			await writeDetails(trx, materialId, mainAuthor, fields);
			return { versionNumber: await newVersionIfOffered(trx, materialId, actor.id, now) };
		})
	);
}

/**
 * Co-authors already on the material may have left the group (the form lists them, ticked,
 * so they keep their credit); only newly added ones must be current members.
 */
async function newCoauthors<T extends string>(
	db: DB,
	materialId: MaterialId,
	chosen: T[]
): Promise<T[]> {
	const current = new Set<string>((await authorsOf(db, materialId)).map((a) => a.id));
	return chosen.filter((id) => !current.has(id));
}

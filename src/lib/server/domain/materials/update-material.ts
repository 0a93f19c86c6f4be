import type { Actor } from '../../access/actor';
import { inTransaction, retryOnConflict } from '../../db/transaction';
import type { DB } from '../../db/types';
import type { BlobStore } from '../../storage/types';
import { validate } from '../../validation';
import { prepareBody } from './body';
import { checkChoices, writeDetails } from './details';
import { materialInput } from './input';
import { canEditMaterial } from './policy';
import { assertEditable, authorsOf, materialAccess, touchEditable } from './queries';
import { newVersionIfOffered } from './versions';

/**
 * The authors edit. A draft changes in place; after offering, every saved change becomes
 * the next version, so reviews keep pointing at what they judged.
 */
export async function updateMaterial(
	db: DB,
	files: BlobStore,
	actor: Actor,
	groupId: string,
	materialId: string,
	rawInput: unknown,
	now = new Date()
): Promise<{ versionNumber: number }> {
	const access = await materialAccess(db, actor, groupId, materialId);
	assertEditable(canEditMaterial(actor, access, access.material.status), access);
	const input = validate(materialInput, rawInput);
	const mainAuthor = access.material.authorId;
	await checkChoices(db, groupId, mainAuthor, {
		...input,
		coauthors: await newCoauthors(db, materialId, input.coauthors)
	});
	const target = { groupId, materialId };
	return retryOnConflict(() =>
		inTransaction(db, async (trx) => {
			await touchEditable(trx, materialId, now);
			const body = await prepareBody(trx, files, target, input.body, now);
			await trx
				.updateTable('materials')
				.set({
					type: input.type,
					title: input.title,
					language: input.language,
					abstract: input.abstract,
					bodyHtml: body.html,
					bodyText: body.text,
					tags: JSON.stringify(input.tags),
					updatedAt: now
				})
				.where('id', '=', materialId)
				.execute();
			await writeDetails(trx, materialId, mainAuthor, input);
			return { versionNumber: await newVersionIfOffered(trx, materialId, actor.id, now) };
		})
	);
}

/**
 * Co-authors already on the material may have left the group (the form lists them, ticked,
 * so they keep their credit); only newly added ones must be current members.
 */
async function newCoauthors(db: DB, materialId: string, chosen: string[]): Promise<string[]> {
	const current = new Set((await authorsOf(db, materialId)).map((a) => a.id));
	return chosen.filter((id) => !current.has(id));
}

import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import type { BlobStore } from '../../storage/types';
import { validate } from '../../validation';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { prepareBody } from './body';
import { checkChoices, writeDetails } from './details';
import { materialInput } from './input';
import { canCreateMaterial } from './policy';
import { recordMaterialEvent } from './versions';

/** §3.3: a member starts a material as a draft; only its authors see it until offered. */
export async function createMaterial(
	db: DB,
	files: BlobStore,
	actor: Actor,
	groupId: string,
	rawInput: unknown,
	now = new Date()
): Promise<{ materialId: string }> {
	const access = await groupAccess(db, actor, groupId);
	assertAllowed(canCreateMaterial(actor, access));
	assertOpen(access);
	const input = validate(materialInput, rawInput);
	await checkChoices(db, groupId, actor.id, input);
	const materialId = newId();
	await inTransaction(db, async (trx) => {
		await trx
			.insertInto('materials')
			.values({
				id: materialId,
				groupId,
				authorId: actor.id,
				type: input.type,
				title: input.title,
				language: input.language,
				abstract: input.abstract,
				bodyHtml: '',
				bodyText: '',
				tags: JSON.stringify(input.tags),
				status: 'draft',
				versionNumber: 0,
				createdAt: now,
				updatedAt: now,
				offeredAt: null
			})
			.execute();
		const body = await prepareBody(trx, files, { groupId, materialId }, input.body, now);
		await trx
			.updateTable('materials')
			.set({ bodyHtml: body.html, bodyText: body.text })
			.where('id', '=', materialId)
			.execute();
		await trx
			.insertInto('materialAuthors')
			.values({ materialId, userId: actor.id, isMain: true })
			.execute();
		await writeDetails(trx, materialId, actor.id, input);
		await recordMaterialEvent(
			trx,
			{ materialId, kind: 'created', versionNumber: 0, actorId: actor.id },
			now
		);
	});
	return { materialId };
}

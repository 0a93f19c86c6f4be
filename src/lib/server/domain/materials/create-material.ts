import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { asId, type MaterialId } from '../ids';
import { prepareBody } from './body';
import { checkChoices, writeDetails } from './details';
import { createMaterialInput, type CreateMaterialInput } from './input';
import { canCreateMaterial } from './policy';
import { recordMaterialEvent } from './versions';

/** §3.3: a member starts a material as a draft; only its authors see it until offered. */
export async function createMaterial(
	{ db, actor, now, store }: Ctx,
	input: CreateMaterialInput
): Promise<{ materialId: MaterialId }> {
	const access = await groupAccess(db, actor, input.groupId);
	assertAllowed(canCreateMaterial(actor, access));
	assertOpen(access);
	const fields = validate(createMaterialInput, input);
	const { groupId } = fields;
	await checkChoices(db, groupId, actor.id, fields);
	const materialId = asId<MaterialId>(newId());
	await inTransaction(db, async (trx) => {
		await trx
			.insertInto('materials')
			.values({
				id: materialId,
				groupId,
				authorId: actor.id,
				type: fields.type,
				title: fields.title,
				language: fields.language,
				abstract: fields.abstract,
				bodyHtml: '',
				bodyText: '',
				tags: JSON.stringify(fields.tags),
				status: 'draft',
				versionNumber: 0,
				createdAt: now,
				updatedAt: now,
				offeredAt: null
			})
			.execute();
		const body = await prepareBody(trx, store, { groupId, materialId }, fields.body, now);
		await trx
			.updateTable('materials')
			.set({ bodyHtml: body.html, bodyText: body.text })
			.where('id', '=', materialId)
			.execute();
		await trx
			.insertInto('materialAuthors')
			.values({ materialId, userId: actor.id, isMain: true })
			.execute();
		await writeDetails(trx, materialId, actor.id, fields);
		await recordMaterialEvent(
			trx,
			{ materialId, kind: 'created', versionNumber: 0, actorId: actor.id },
			now
		);
	});
	return { materialId };
}

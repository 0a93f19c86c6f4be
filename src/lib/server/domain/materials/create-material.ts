import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import type { Actor } from '../../access/actor';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { asId, type MaterialId } from '../ids';
import { prepareBody } from './body';
import { checkChoices, writeDetails } from './details';
import { createMaterialInput, type CreateMaterialInput, type MaterialFields } from './input';
import { canCreateMaterial } from './policy';
import { recordMaterialEvent } from './versions';

/** §3.3: a member starts a material as a draft; only its authors see it until offered. */
export async function createMaterial(
	ctx: Ctx,
	input: CreateMaterialInput
): Promise<{ materialId: MaterialId }> {
	const fields = await checkNewMaterial(ctx.db, ctx.actor, input);
	const materialId = asId<MaterialId>(newId());
	await inTransaction(ctx.db, (trx) =>
		insertMaterial({ ...ctx, db: trx }, materialId, fields, () => fields.body)
	);
	return { materialId };
}

/** May the actor start a material in this open group, and are its fields and choices sound. */
export async function checkNewMaterial(
	db: DB,
	actor: Actor,
	input: CreateMaterialInput
): Promise<MaterialFields & { groupId: string }> {
	const access = await groupAccess(db, actor, input.groupId);
	assertAllowed(canCreateMaterial(actor, access));
	assertOpen(access);
	const fields = validate(createMaterialInput, input);
	await checkChoices(db, fields.groupId, actor.id, fields);
	return fields;
}

/**
 * Writes a new draft (inside the caller's transaction). Its body is asked for once the row
 * exists: an imported body's pictures belong to the material.
 */
export async function insertMaterial(
	{ db, actor, now, store }: Ctx,
	materialId: MaterialId,
	fields: MaterialFields & { groupId: string },
	body: () => Promise<string> | string
): Promise<void> {
	const { groupId } = fields;
	await db
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
	const prepared = await prepareBody(db, store, { groupId, materialId }, await body(), now);
	await db
		.updateTable('materials')
		.set({ bodyHtml: prepared.html, bodyText: prepared.text })
		.where('id', '=', materialId)
		.execute();
	await db
		.insertInto('materialAuthors')
		.values({ materialId, userId: actor.id, isMain: true })
		.execute();
	await writeDetails(db, materialId, actor.id, fields);
	await recordMaterialEvent(
		db,
		{ materialId, kind: 'created', versionNumber: 0, actorId: actor.id },
		now
	);
}

import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { assertAllowed, assertOpen } from '../group-access/access';
import { checkEditors, writeEditors } from './editors';
import { collectionInput, MAX_COLLECTIONS } from './input';
import { canEditCollection } from './policy';
import { collectionsAccess } from './queries';

/**
 * §3.5, §6: the leader starts a methodological collection (a group may keep several, e.g.
 * one per academic year).
 */
export async function createCollection(
	db: DB,
	actor: Actor,
	groupId: string,
	rawInput: unknown,
	now = new Date()
): Promise<{ collectionId: string }> {
	const access = await collectionsAccess(db, actor, groupId);
	assertAllowed(canEditCollection(actor, access));
	assertOpen(access);
	const input = validate(collectionInput, rawInput);
	const editors = await checkEditors(db, groupId, input.editors);
	const count = await db
		.selectFrom('collections')
		.select((eb) => eb.fn.countAll().as('count'))
		.where('groupId', '=', groupId)
		.executeTakeFirstOrThrow();
	if (Number(count.count) >= MAX_COLLECTIONS)
		throw new AppError('conflict', 'error_collection_limit', { params: { max: MAX_COLLECTIONS } });
	const collectionId = newId();
	await inTransaction(db, async (trx) => {
		await trx
			.insertInto('collections')
			.values({
				id: collectionId,
				groupId,
				title: input.title,
				subtitle: input.subtitle ?? '',
				year: input.year,
				language: input.language,
				city: input.city ?? '',
				approvalNote: input.approvalNote ?? '',
				preface: input.preface,
				reviewers: JSON.stringify(input.reviewers),
				createdBy: actor.id,
				createdAt: now,
				updatedAt: now
			})
			.execute();
		await writeEditors(trx, collectionId, editors);
	});
	return { collectionId };
}

import { inTransaction, retryOnConflict } from '../../db/transaction';
import { AppError } from '../../errors';
import { links, notify } from '../../notify';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { offerMaterialInput, type OfferMaterialInput } from './input';
import { canOfferMaterial } from './policy';
import { assertEditable, materialAccess } from './queries';
import { recordMaterialEvent, recordVersion } from './versions';

/**
 * §3.3: the authors offer the material to the group (version 1), or offer it again after
 * the revision the leader asked for.
 */
export async function offerMaterial(
	{ db, actor, now }: Ctx,
	input: OfferMaterialInput
): Promise<{ versionNumber: number }> {
	const access = await materialAccess(db, actor, input.groupId, input.materialId);
	const from = access.material.status;
	if (from === 'offered' && access.isAuthor)
		return { versionNumber: access.material.versionNumber };
	assertEditable(canOfferMaterial(actor, access, from), access);
	const { materialId } = validate(offerMaterialInput, input);
	if (access.material.bodyText.trim() === '' && access.material.abstract.trim() === '')
		throw new AppError('invalid', 'error_material_empty', { field: 'body' });
	return retryOnConflict(() =>
		inTransaction(db, async (trx) => {
			// The status guard in the update makes a double submit a no-op, not a second offer.
			const updated = await trx
				.updateTable('materials')
				.set({ status: 'offered', offeredAt: access.material.offeredAt ?? now, updatedAt: now })
				.where('id', '=', materialId)
				.where('status', '=', from)
				.executeTakeFirst();
			if (Number(updated.numUpdatedRows) === 0)
				throw new AppError('conflict', 'error_material_changed');
			const material = await trx
				.selectFrom('materials')
				.selectAll()
				.where('id', '=', materialId)
				.executeTakeFirstOrThrow();
			const versionNumber = await recordVersion(trx, material, actor.id, now);
			await recordMaterialEvent(
				trx,
				{
					materialId,
					kind: 'offered',
					fromStatus: from,
					toStatus: 'offered',
					versionNumber,
					actorId: actor.id
				},
				now
			);
			await notify(
				{ db: trx, now, actor },
				{
					kind: 'material.offered',
					key: `${materialId}:${versionNumber}`,
					groupId: material.groupId,
					subject: material.title,
					link: links.material(material.groupId, materialId)
				}
			);
			return { versionNumber };
		})
	);
}

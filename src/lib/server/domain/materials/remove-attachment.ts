import { inTransaction, retryOnConflict } from '../../db/transaction';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { removeAttachmentInput, type RemoveAttachmentInput } from './input';
import { canEditMaterial } from './policy';
import { assertEditable, materialAccess, touchEditable } from './queries';
import { newVersionIfOffered } from './versions';

/** Takes a file off the material; the versions that listed it still download it. */
export async function removeAttachment(
	{ db, actor, now }: Ctx,
	input: RemoveAttachmentInput
): Promise<void> {
	const access = await materialAccess(db, actor, input.groupId, input.materialId);
	assertEditable(canEditMaterial(actor, access, access.material.status), access);
	const { materialId, attachmentId } = validate(removeAttachmentInput, input);
	await retryOnConflict(() =>
		inTransaction(db, async (trx) => {
			const removed = await trx
				.updateTable('materialAttachments')
				.set({ removedAt: now })
				.where('id', '=', attachmentId)
				.where('materialId', '=', materialId)
				.where('removedAt', 'is', null)
				.executeTakeFirst();
			if (Number(removed.numUpdatedRows) === 0)
				throw new AppError('not_found', 'error_attachment_not_found');
			await touchEditable(trx, materialId, now);
			await newVersionIfOffered(trx, materialId, actor.id, now);
		})
	);
}

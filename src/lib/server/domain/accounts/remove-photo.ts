import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { removePhotoInput, type RemovePhotoInput } from './input-photo';
import { deletePhotoFiles } from './photos';

/** Removes a person's profile photo (only their own): initials are shown again. */
export async function removePhoto(
	{ db, actor, now, store }: Ctx,
	input: RemovePhotoInput
): Promise<{ removed: boolean }> {
	if (input.userId !== actor.id) throw new AppError('forbidden', 'error_forbidden');
	const { userId } = validate(removePhotoInput, input);
	const oldKey = await db.transaction().execute(async (trx) => {
		const user = await trx
			.selectFrom('users')
			.select('photoKey')
			.where('id', '=', userId)
			.executeTakeFirst();
		if (!user) throw new AppError('not_found', 'error_not_found');
		if (!user.photoKey) return null;
		await trx
			.updateTable('users')
			.set({ photoKey: null, photoUpdatedAt: null, updatedAt: now })
			.where('id', '=', userId)
			.execute();
		return user.photoKey;
	});
	if (oldKey) await deletePhotoFiles(store, oldKey);
	return { removed: oldKey !== null };
}

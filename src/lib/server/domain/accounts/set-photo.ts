import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { setPhotoInput, type SetPhotoInput } from './input-photo';
import {
	deletePhotoFiles,
	makePhoto,
	newPhotoKey,
	photoBlobKey,
	photoError,
	PHOTO_MAX_BYTES
} from './photos';

/**
 * Sets a person's profile photo (only their own): the upload is checked, cropped and resized
 * (photos.ts), stored, and the old photo's files deleted once the new one is recorded.
 */
export async function setPhoto(
	{ db, actor, now, store }: Ctx,
	input: SetPhotoInput
): Promise<{ photoUpdatedAt: Date }> {
	if (input.userId !== actor.id) throw new AppError('forbidden', 'error_forbidden');
	const { userId } = validate(setPhotoInput, input);
	const file = input.file;
	if (!file || file.size === 0) throw photoError('missing');
	if (file.size > PHOTO_MAX_BYTES) throw photoError('too_large');
	const sizes = await makePhoto(file.path);

	const photoKey = newPhotoKey(userId);
	await store.putBytes(photoBlobKey(photoKey, 'large'), sizes.large, 'image/webp');
	await store.putBytes(photoBlobKey(photoKey, 'small'), sizes.small, 'image/webp');
	let oldKey: string | null;
	try {
		oldKey = await db.transaction().execute(async (trx) => {
			const user = await trx
				.selectFrom('users')
				.select('photoKey')
				.where('id', '=', userId)
				.executeTakeFirst();
			if (!user) throw new AppError('not_found', 'error_not_found');
			await trx
				.updateTable('users')
				.set({ photoKey, photoUpdatedAt: now, updatedAt: now })
				.where('id', '=', userId)
				.execute();
			return user.photoKey;
		});
	} catch (error) {
		await deletePhotoFiles(store, photoKey);
		throw error;
	}
	// After the commit: a failed write above must not have lost the photo still in use.
	if (oldKey && oldKey !== photoKey) await deletePhotoFiles(store, oldKey);
	return { photoUpdatedAt: now };
}

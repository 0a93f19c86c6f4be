import { AppError } from '../../errors';
import type { Ctx } from '../context';
import { getPhotoInput, type GetPhotoInput } from './input-photo';
import { photoBlobKey, visiblePeople } from './photos';

export interface StoredPhoto {
	blobKey: string;
	/** Its version, as faceOf puts it in the address (`?v=`). */
	version: string;
	size: number;
}

/**
 * A person's photo, to those who may see the person (photos.ts visiblePeople). "Not found"
 * whether the person is unseen or has no photo, so that nothing is learnt either way.
 */
export async function getPhoto(
	{ db, actor, store }: Ctx,
	input: GetPhotoInput
): Promise<StoredPhoto> {
	const notFound = () => new AppError('not_found', 'error_not_found');
	// A hand-made address is just a person who does not exist.
	const parsed = getPhotoInput.safeParse(input);
	if (!parsed.success) throw notFound();
	const { userId, size } = parsed.data;
	if (!(await visiblePeople(db, actor, [userId])).has(userId)) throw notFound();
	const user = await db
		.selectFrom('users')
		.select(['photoKey', 'photoUpdatedAt'])
		.where('id', '=', userId)
		.executeTakeFirst();
	if (!user?.photoKey || !user.photoUpdatedAt) throw notFound();
	const blobKey = photoBlobKey(user.photoKey, size);
	const bytes = await store.size(blobKey);
	if (bytes === null) throw notFound();
	return {
		blobKey,
		version: new Date(user.photoUpdatedAt).getTime().toString(36),
		size: bytes
	};
}

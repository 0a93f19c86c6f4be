import { createHash, randomBytes } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import type { BlobStore } from '../../storage/types';

// Profile photos (issue 17): the upload is checked, turned upright, cropped to a square and
// saved as two WebP files: 256 px for the profile and headers, 96 px for lists (a 48 px
// avatar on a dense screen). The metadata (camera, place) is not copied into them.

/** An upload larger than this is refused before it is read whole. */
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_MAX_MB = PHOTO_MAX_BYTES / (1024 * 1024);
/** A small file can declare a gigantic canvas: refused from its header, before decoding. */
export const PHOTO_MAX_PIXELS = 40_000_000;
const FORMATS = new Set(['jpeg', 'png', 'webp']);

/** The two stored sizes: the blob key is the photo's key plus this suffix. */
export const photoSizes = {
	large: { px: 256, suffix: 'photo' },
	small: { px: 96, suffix: 'photo96' }
};
export type PhotoSize = keyof typeof photoSizes;

export const photoBlobKey = (photoKey: string, size: PhotoSize) =>
	`${photoKey}.${photoSizes[size].suffix}`;

/** Both stored files of a photo. */
export const photoBlobKeys = (photoKey: string) =>
	(Object.keys(photoSizes) as PhotoSize[]).map((size) => photoBlobKey(photoKey, size));

/** The photo's two sizes, or a translated refusal (never a 500) for anything else. */
export async function makePhoto(path: string): Promise<Record<PhotoSize, Uint8Array>> {
	const refused = (key: Parameters<typeof photoError>[0]) => photoError(key);
	// sharp works on libuv's thread pool: the event loop keeps serving other requests.
	let meta: Metadata;
	try {
		// The header only (no pixels decoded): without sharp's own limit, so that a canvas too
		// large is told apart from a file that is no image at all.
		meta = await sharp(path, { limitInputPixels: false }).metadata();
	} catch {
		throw refused('not_image');
	}
	if (!meta.format || !FORMATS.has(meta.format)) throw refused('not_image');
	if (!meta.width || !meta.height) throw refused('damaged');
	if (meta.width * meta.height > PHOTO_MAX_PIXELS) throw refused('too_many_pixels');
	try {
		const image = sharp(path, { limitInputPixels: PHOTO_MAX_PIXELS, failOn: 'error' });
		const upright = image.rotate();
		const [large, small] = await Promise.all(
			[photoSizes.large.px, photoSizes.small.px].map((px) =>
				upright
					.clone()
					.resize(px, px, { fit: 'cover', position: 'attention' })
					.webp({ quality: 80 })
					.toBuffer()
			)
		);
		return { large: bytesOf(large!), small: bytesOf(small!) };
	} catch {
		throw refused('damaged');
	}
}

const bytesOf = (buffer: Buffer) =>
	new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);

export function photoError(
	problem: 'missing' | 'not_image' | 'too_large' | 'too_many_pixels' | 'damaged'
): AppError {
	switch (problem) {
		case 'missing':
			return new AppError('invalid', 'faces_error_photo_missing', { field: 'photo' });
		case 'not_image':
			return new AppError('invalid', 'faces_error_photo_not_image', { field: 'photo' });
		case 'too_large':
			return new AppError('invalid', 'faces_error_photo_too_large', {
				field: 'photo',
				params: { max: PHOTO_MAX_MB }
			});
		case 'too_many_pixels':
			return new AppError('invalid', 'faces_error_photo_too_many_pixels', {
				field: 'photo',
				params: { max: PHOTO_MAX_PIXELS / 1_000_000 }
			});
		case 'damaged':
			return new AppError('invalid', 'faces_error_photo_damaged', { field: 'photo' });
	}
}

/**
 * A fresh key for each upload (not the content's hash, as other files have): a photo is the
 * person's alone, so deleting it can never take another person's file, and the same picture
 * uploaded again still gets a new address for caches.
 */
export function newPhotoKey(userId: string): string {
	return createHash('sha256').update(userId).update(randomBytes(32)).digest('hex');
}

/** Deletes a photo's stored files; a file already gone is no error. */
export async function deletePhotoFiles(store: BlobStore, photoKey: string): Promise<void> {
	await Promise.all(photoBlobKeys(photoKey).map((key) => store.delete(key)));
}

/**
 * Who sees a person (their name, so their face): themselves, the operator, the staff of the
 * person's school, and whoever sees a group the person belongs or belonged to, or that
 * belongs to the person's school (a scientist member sees the school's admin who posts in
 * its discussions). A group is seen by its school's staff and its members, former members
 * and invited people, as in group-access/policy.ts canSeeGroup.
 */
export async function visiblePeople(db: DB, actor: Actor, userIds: string[]): Promise<Set<string>> {
	const ids = [...new Set(userIds)];
	if (ids.length === 0) return new Set();
	if (actor.isOperator) return new Set(ids);
	const staffOf =
		actor.schoolId && (actor.role === 'teacher' || actor.role === 'admin') ? actor.schoolId : null;
	const rows = await db
		.selectFrom('users as t')
		.select('t.id')
		.where('t.id', 'in', ids)
		.where((eb) =>
			eb.or([
				eb('t.id', '=', actor.id),
				...(staffOf ? [eb('t.schoolId', '=', staffOf)] : []),
				eb.exists(
					eb
						.selectFrom('groups as g')
						.select('g.id')
						.where((g) =>
							g.and([
								// A group the actor sees…
								g.or([
									...(staffOf ? [g('g.schoolId', '=', staffOf)] : []),
									g.exists(
										g
											.selectFrom('groupMembers as am')
											.select('am.userId')
											.whereRef('am.groupId', '=', 'g.id')
											.where('am.userId', '=', actor.id)
									),
									g.exists(
										g
											.selectFrom('membershipRequests as ar')
											.select('ar.id')
											.whereRef('ar.groupId', '=', 'g.id')
											.where('ar.userId', '=', actor.id)
											.where('ar.kind', '=', 'invitation')
											.where('ar.status', '=', 'pending')
									)
								]),
								// …that the person belongs (belonged) to, or whose school is theirs.
								g.or([
									g('g.schoolId', '=', g.ref('t.schoolId')),
									g.exists(
										g
											.selectFrom('groupMembers as tm')
											.select('tm.userId')
											.whereRef('tm.groupId', '=', 'g.id')
											.whereRef('tm.userId', '=', 't.id')
									)
								])
							])
						)
				)
			])
		)
		.execute();
	return new Set(rows.map((r) => r.id));
}

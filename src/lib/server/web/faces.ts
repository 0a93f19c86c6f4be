import type { Face } from '$lib/faces';

/** The columns a face is made of (users.id, full_name, photo_key, photo_updated_at). */
export interface FaceRow {
	id: string;
	fullName: string;
	photoKey?: string | null;
	photoUpdatedAt?: Date | string | null;
}

/** A person's face for a page: the photo's URL (cache-busted by its time) or none. */
export function faceOf(row: FaceRow): Face {
	if (!row.photoKey || !row.photoUpdatedAt) return { name: row.fullName, photo: null };
	const version = new Date(row.photoUpdatedAt).getTime().toString(36);
	return { name: row.fullName, photo: `/people/${row.id}/photo?v=${version}` };
}

import { validate } from '../../validation';
import type { Ctx } from '../context';
import { getFacesInput, type GetFacesInput } from './input-photo';
import { visiblePeople } from './photos';

/** What web/faces.ts faceOf makes a face of. */
export interface FaceColumns {
	id: string;
	fullName: string;
	photoKey: string | null;
	photoUpdatedAt: Date | null;
}

/**
 * The faces of people a page lists when its query has no photo columns: only people the
 * actor may see (photos.ts visiblePeople), by id. Others are left out: the page shows
 * initials for them.
 */
export async function getFaces(
	{ db, actor }: Ctx,
	input: GetFacesInput
): Promise<Map<string, FaceColumns>> {
	const { userIds } = validate(getFacesInput, input);
	const visible = [...(await visiblePeople(db, actor, userIds))];
	if (visible.length === 0) return new Map();
	const rows = await db
		.selectFrom('users')
		.select(['id', 'fullName', 'photoKey', 'photoUpdatedAt'])
		.where('id', 'in', visible)
		.execute();
	return new Map(rows.map((r) => [r.id, r]));
}

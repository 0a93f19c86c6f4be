import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { acceptedVersions } from '../collections/queries';
import { materialAccess, type MaterialAccess } from '../materials/queries';
import { hasDocuments } from './policy';

/**
 * The material as those who may read it today see it (404 for another school or another's
 * draft, 403 for the staff), and its accepted version; 409 while it is not accepted.
 */
export async function acceptedMaterial(
	db: DB,
	actor: Actor,
	groupId: string,
	materialId: string
): Promise<{ access: MaterialAccess; versionNumber: number }> {
	const access = await materialAccess(db, actor, groupId, materialId);
	if (!hasDocuments(access.material.status))
		throw new AppError('conflict', 'documents_error_not_accepted');
	// The version the group accepted (accepted materials no longer change, so it is the latest).
	const versionNumber =
		(await acceptedVersions(db, groupId, [materialId])).get(materialId) ??
		Number(access.material.versionNumber);
	return { access, versionNumber };
}

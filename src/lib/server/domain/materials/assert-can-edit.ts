import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertCanEditInput, type AssertCanEditInput } from './input';
import { canEditMaterial } from './policy';
import { assertEditable, materialAccess } from './queries';

/**
 * Checked before a large form body is read (pasted pictures, a Word file, uploads), so that
 * nobody can make the server hold megabytes for a form they may not send.
 */
export async function assertCanEdit({ db, actor }: Ctx, input: AssertCanEditInput): Promise<void> {
	const access = await materialAccess(db, actor, input.groupId, input.materialId);
	assertEditable(canEditMaterial(actor, access, access.material.status), access);
	validate(assertCanEditInput, input);
}

import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { assertCanCreateInput, type AssertCanCreateInput } from './input';
import { canCreateMaterial } from './policy';

/**
 * Checked before a large form body is read (pasted pictures), so that nobody can make the
 * server hold megabytes for a form they may not send.
 */
export async function assertCanCreate(
	{ db, actor }: Ctx,
	input: AssertCanCreateInput
): Promise<void> {
	const access = await groupAccess(db, actor, input.groupId);
	assertAllowed(canCreateMaterial(actor, access));
	assertOpen(access);
	validate(assertCanCreateInput, input);
}

import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { getNewMaterialFormInput, type GetNewMaterialFormInput } from './input';
import { canCreateMaterial } from './policy';
import { coauthorChoices } from './queries';

/** The empty form of a new material, for a member of an open group. */
export async function getNewMaterialForm({ db, actor }: Ctx, input: GetNewMaterialFormInput) {
	const access = await groupAccess(db, actor, input.groupId);
	assertAllowed(canCreateMaterial(actor, access));
	assertOpen(access);
	const { groupId } = validate(getNewMaterialFormInput, input);
	return { members: await coauthorChoices(db, groupId, actor.id) };
}

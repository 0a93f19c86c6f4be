import type { Ctx } from '../context';
import { assertAllowed } from '../group-access/access';
import type { OfApprobation } from './input';
import { canEditApprobation } from './policy';
import { approbationAccess, assertOpenGroup } from './queries';

/** Before an upload is read: only the author of an approbation of an open group may add files. */
export async function assertCanEditApprobation(
	{ db, actor }: Ctx,
	input: OfApprobation
): Promise<void> {
	const access = await approbationAccess(db, actor, input.groupId, input.approbationId);
	assertAllowed(canEditApprobation(actor, access));
	assertOpenGroup(access);
}

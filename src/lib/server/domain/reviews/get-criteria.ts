import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { groupAccess } from '../group-access/access';
import { canSetCriteria } from '../materials/policy';
import { listCriteria } from '../materials/criteria';

/** The group's criteria, for everyone who sees the group; the leader may change them. */
export async function getCriteria(db: DB, actor: Actor, groupId: string) {
	const access = await groupAccess(db, actor, groupId);
	return {
		criteria: await listCriteria(db, groupId, { activeOnly: false }),
		canSet: canSetCriteria(actor, access) && !access.isClosed
	};
}

import { validate } from '../../validation';
import type { Ctx } from '../context';
import { groupAccess } from '../group-access/access';
import { listCriteria } from '../materials/criteria';
import { canSetCriteria } from '../materials/policy';
import { getCriteriaInput, type GetCriteriaInput } from './input';

/** The group's criteria, for everyone who sees the group; the leader may change them. */
export async function getCriteria({ db, actor }: Ctx, input: GetCriteriaInput) {
	const access = await groupAccess(db, actor, input.groupId);
	const { groupId } = validate(getCriteriaInput, input);
	return {
		criteria: await listCriteria(db, groupId, { activeOnly: false }),
		canSet: canSetCriteria(actor, access) && !access.isClosed
	};
}

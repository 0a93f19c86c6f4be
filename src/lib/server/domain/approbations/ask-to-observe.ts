import { newId } from '../../db/ids';
import { ValidationError, validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed } from '../group-access/access';
import { isCurrentMember } from '../group-access/members';
import { askToObserveInput, type AskToObserveInput } from './input';
import { canAskToObserve, canObserve } from './policy';
import { approbationAccess, assertOpenGroup, isMaterialAuthorOf } from './queries';

/**
 * §5.4: the leader asks a given member to observe a lesson of the approbation. Only someone
 * who may observe it can be asked (never its author or an author of the material); asking
 * twice is no error.
 */
export async function askToObserve(
	{ db, actor, now }: Ctx,
	input: AskToObserveInput
): Promise<void> {
	const access = await approbationAccess(db, actor, input.groupId, input.approbationId);
	assertAllowed(canAskToObserve(actor, access));
	assertOpenGroup(access);
	const { approbationId, observerId, groupId } = validate(askToObserveInput, input);
	const { approbation } = access;
	const eligible =
		(await isCurrentMember(db, groupId, observerId)) &&
		canObserve(
			{ ...actor, id: observerId },
			{
				...access,
				role: 'member',
				isAuthor: approbation.authorId === observerId,
				isMaterialAuthor:
					approbation.materialId !== null &&
					(await isMaterialAuthorOf(db, approbation.materialId, observerId))
			}
		);
	if (!eligible)
		throw new ValidationError([{ field: 'observerId', key: 'approbation_error_observer' }]);
	await db
		.insertInto('observationRequests')
		.values({
			id: newId(),
			approbationId,
			observerId,
			requestedBy: actor.id,
			requestedAt: now
		})
		.onConflict((oc) => oc.columns(['approbationId', 'observerId']).doNothing())
		.execute();
}

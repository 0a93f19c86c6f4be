import { inTransaction } from '../../db/transaction';
import type { MaterialStatus } from '../../db/types';
import { AppError } from '../../errors';
import { links, notify, type NotificationKind } from '../../notify';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen } from '../group-access/access';
import { decideMaterialInput, type DecideMaterialInput, type DecisionTarget } from './input';
import { canDecideMaterial } from './policy';
import { assertSameVersion, materialAccess } from './queries';
import { recordMaterialEvent } from './versions';

/** What the authors are told of each decision (an archived material is not news to act on). */
const toldAs: Partial<Record<DecisionTarget, NotificationKind>> = {
	under_review: 'material.in_review',
	revision_requested: 'material.revision_asked',
	accepted: 'material.accepted'
};

/** Where the leader may move a material from each status. */
export const transitions: Record<MaterialStatus, DecisionTarget[]> = {
	draft: [],
	offered: ['under_review', 'revision_requested', 'accepted', 'archived'],
	under_review: ['revision_requested', 'accepted', 'archived'],
	revision_requested: ['under_review', 'accepted', 'archived'],
	accepted: ['archived'],
	archived: ['under_review']
};

/**
 * §3.3, §3.5: the leader takes the material under review, asks for a revision, accepts it
 * for the collection or archives it. The decision is recorded with its reason and the
 * version it was made on.
 */
export async function decideMaterial(
	{ db, actor, now }: Ctx,
	input: DecideMaterialInput
): Promise<void> {
	const access = await materialAccess(db, actor, input.groupId, input.materialId);
	const from = access.material.status;
	assertAllowed(canDecideMaterial(actor, access, from));
	assertOpen(access);
	const decision = validate(decideMaterialInput, input);
	const { materialId } = decision;
	assertSameVersion(decision.version, access.material.versionNumber);
	if (!transitions[from].includes(decision.to))
		throw new AppError('conflict', 'error_material_transition');
	await inTransaction(db, async (trx) => {
		const updated = await trx
			.updateTable('materials')
			.set({ status: decision.to, updatedAt: now })
			.where('id', '=', materialId)
			.where('status', '=', from)
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) === 0)
			throw new AppError('conflict', 'error_material_changed');
		await recordMaterialEvent(
			trx,
			{
				materialId,
				kind: 'status',
				fromStatus: from,
				toStatus: decision.to,
				versionNumber: access.material.versionNumber,
				actorId: actor.id,
				reason: decision.reason ?? null
			},
			now
		);
		const kind = toldAs[decision.to];
		if (kind)
			await notify(
				{ db: trx, now, actor },
				{
					kind,
					key: `${materialId}:${access.material.versionNumber}`,
					groupId: access.group.id,
					subject: access.material.title,
					link: links.material(access.group.id, materialId),
					materialId
				}
			);
	});
}

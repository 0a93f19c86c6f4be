import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { asId, type ApprobationId } from '../ids';
import { writeClasses } from './classes';
import { recordApprobationInput, type RecordApprobationInput } from './input';
import { canRecordApprobation } from './policy';
import { resolveTried } from './queries';
import { saveReport } from './report';

/**
 * §4.1: a member records trying a material of the group (at the exact version tried) or an
 * idea from a proposal in real classes, with the figures before and after.
 */
export async function recordApprobation(
	{ db, actor, now }: Ctx,
	input: RecordApprobationInput
): Promise<{ approbationId: ApprobationId }> {
	const access = await groupAccess(db, actor, input.groupId);
	assertAllowed(canRecordApprobation(actor, access));
	assertOpen(access);
	const value = validate(recordApprobationInput, input);
	const tried = await resolveTried(db, value.groupId, value);
	const approbationId = asId<ApprobationId>(newId());
	await inTransaction(db, async (trx) => {
		const reportResponseId = await saveReport(trx, {
			groupId: value.groupId,
			respondentId: actor.id,
			answers: input.report,
			responseId: null,
			now
		});
		await trx
			.insertInto('approbations')
			.values({
				id: approbationId,
				groupId: value.groupId,
				authorId: actor.id,
				...tried,
				title: value.title,
				startsOn: value.startsOn,
				endsOn: value.endsOn,
				plan: value.plan,
				observations: value.observations,
				conclusion: value.conclusion,
				reportResponseId,
				createdAt: now,
				updatedAt: now
			})
			.execute();
		await writeClasses(trx, approbationId, value.classes);
	});
	return { approbationId };
}

import { inTransaction } from '../../db/transaction';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed } from '../group-access/access';
import { writeClasses } from './classes';
import { updateApprobationInput, type UpdateApprobationInput } from './input';
import { canEditApprobation } from './policy';
import { approbationAccess, assertOpenGroup } from './queries';
import { saveReport } from './report';

/** The author edits the record: the period, texts, classes and their figures. */
export async function updateApprobation(
	{ db, actor, now }: Ctx,
	input: UpdateApprobationInput
): Promise<void> {
	const access = await approbationAccess(db, actor, input.groupId, input.approbationId);
	assertAllowed(canEditApprobation(actor, access));
	assertOpenGroup(access);
	const value = validate(updateApprobationInput, input);
	await inTransaction(db, async (trx) => {
		const reportResponseId = await saveReport(trx, {
			groupId: value.groupId,
			respondentId: actor.id,
			answers: input.report,
			responseId: access.approbation.reportResponseId,
			now
		});
		await trx
			.updateTable('approbations')
			.set({
				title: value.title,
				startsOn: value.startsOn,
				endsOn: value.endsOn,
				plan: value.plan,
				observations: value.observations,
				conclusion: value.conclusion,
				reportResponseId,
				updatedAt: now
			})
			.where('id', '=', value.approbationId)
			.execute();
		await writeClasses(trx, value.approbationId, value.classes);
	});
}

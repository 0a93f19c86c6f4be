import { isUniqueViolation } from '../../db/errors';
import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { enqueueJob } from '../../jobs/queue';
import { wakeJobRunner } from '../../jobs/runner';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen } from '../group-access/access';
import { COMPILE_JOB } from './compile-edition-job';
import { retryEditionInput, type RetryEditionInput } from './input';
import { canCompile, canRetryEdition } from './policy';
import { assertNotCompiling, editionAccess } from './queries';

/**
 * A failed edition is compiled again from the same frozen content (to include later
 * changes, the leader compiles a new edition instead).
 */
export async function retryEdition(
	{ db, actor, now }: Ctx,
	input: RetryEditionInput
): Promise<void> {
	const access = await editionAccess(db, actor, input.groupId, input.collectionId, input.number);
	assertAllowed(canCompile(actor, access));
	assertOpen(access);
	const { collectionId } = validate(retryEditionInput, input);
	if (!canRetryEdition(actor, access, access.edition.status))
		throw new AppError('conflict', 'error_edition_not_failed');
	try {
		await inTransaction(db, async (trx) => {
			await assertNotCompiling(trx, collectionId);
			const jobId = await enqueueJob(trx, COMPILE_JOB, { editionId: access.edition.id }, { now });
			const updated = await trx
				.updateTable('collectionEditions')
				.set({ status: 'queued', progress: 0, errorCode: null, jobId, finishedAt: null })
				.where('id', '=', access.edition.id)
				.where('status', '=', 'failed')
				.executeTakeFirst();
			if (Number(updated.numUpdatedRows) === 0)
				throw new AppError('conflict', 'error_edition_not_failed');
		});
	} catch (error) {
		if (isUniqueViolation(error)) throw new AppError('conflict', 'error_collection_compiling');
		throw error;
	}
	wakeJobRunner();
}

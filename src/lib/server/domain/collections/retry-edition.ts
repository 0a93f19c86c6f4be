import type { Actor } from '../../access/actor';
import { isUniqueViolation } from '../../db/errors';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { enqueueJob } from '../../jobs/queue';
import { wakeJobRunner } from '../../jobs/runner';
import { assertAllowed, assertOpen } from '../group-access/access';
import { assertNotCompiling } from './compile-collection';
import { COMPILE_JOB } from './compile-edition-job';
import { canCompile, canRetryEdition } from './policy';
import { editionAccess } from './queries';

/**
 * A failed edition is compiled again from the same frozen content (to include later
 * changes, the leader compiles a new edition instead).
 */
export async function retryEdition(
	db: DB,
	actor: Actor,
	groupId: string,
	collectionId: string,
	number: number,
	now = new Date()
): Promise<void> {
	const access = await editionAccess(db, actor, groupId, collectionId, number);
	assertAllowed(canCompile(actor, access));
	assertOpen(access);
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

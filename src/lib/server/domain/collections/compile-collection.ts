import { isUniqueViolation } from '../../db/errors';
import { newId } from '../../db/ids';
import { nextNumber } from '../../db/next-number';
import { inTransaction, retryOnConflict } from '../../db/transaction';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { enqueueJob } from '../../jobs/queue';
import { wakeJobRunner } from '../../jobs/runner';
import type { Ctx } from '../context';
import { assertAllowed } from '../group-access/access';
import { freezeCollection } from './freeze';
import { COMPILE_JOB } from './compile-edition-job';
import { compileCollectionInput, type CompileCollectionInput } from './input';
import { canCompile } from './policy';
import { assertNotCompiling, editableCollection } from './queries';

/**
 * One action compiles the collection: its content is frozen now as the next numbered edition
 * (so later changes never alter it) and a background job makes the DOCX and the PDF. One
 * compile of a collection runs at a time; a second request meanwhile is refused (409).
 */
export async function compileCollection(
	{ db, actor, now }: Ctx,
	input: CompileCollectionInput
): Promise<{ number: number }> {
	const access = await editableCollection(db, actor, input.groupId, input.collectionId);
	assertAllowed(canCompile(actor, access));
	const { collectionId } = validate(compileCollectionInput, input);
	const result = await retryOnConflict(() =>
		inTransaction(db, async (trx) => {
			await assertNotCompiling(trx, collectionId);
			const number = await nextNumber(trx, 'collectionEditions', collectionId);
			const model = await freezeCollection(trx, collectionId, number);
			const editionId = newId();
			const jobId = await enqueueJob(trx, COMPILE_JOB, { editionId }, { now });
			await trx
				.insertInto('collectionEditions')
				.values({
					id: editionId,
					collectionId,
					number,
					status: 'queued',
					progress: 0,
					model: JSON.stringify(model),
					itemCount: model.sections.reduce((n, s) => n + s.items.length, 0),
					jobId,
					requestedBy: actor.id,
					requestedAt: now
				})
				.execute();
			return { number };
		})
	).catch((error: unknown) => {
		// Still a conflict after the retries: another compile holds the collection.
		if (isUniqueViolation(error)) throw new AppError('conflict', 'error_collection_compiling');
		throw error;
	});
	wakeJobRunner();
	return result;
}

import { newId } from '../../db/ids';
import { inTransaction, retryOnConflict } from '../../db/transaction';
import { storeReceived } from '../../files/store-received';
import { validate, ValidationError } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed } from '../group-access/access';
import { groupBytes } from '../materials/attach-files';
import { MAX_APPROBATION_FILES, ofApprobation, type AttachApprobationFilesInput } from './input';
import { canEditApprobation } from './policy';
import { approbationAccess, assertOpenGroup } from './queries';

/**
 * Evidence of the approbation (worksheets, photos of pupils' work, a test): files already
 * streamed to temporary files, each typed by its content; one bad file refuses them all.
 */
export async function attachApprobationFiles(
	{ db, actor, now, store }: Ctx,
	input: AttachApprobationFilesInput
): Promise<{ count: number }> {
	const access = await approbationAccess(db, actor, input.groupId, input.approbationId);
	assertAllowed(canEditApprobation(actor, access));
	assertOpenGroup(access);
	const { groupId, approbationId } = validate(ofApprobation, input);
	const received = input.files;
	if (received.length === 0)
		throw new ValidationError([{ field: 'files', key: 'error_file_required' }]);
	const stored = await storeReceived(store, received);
	await retryOnConflict(() =>
		inTransaction(db, async (trx) => {
			const current = await trx
				.selectFrom('approbationFiles')
				.select((eb) => eb.fn.countAll().as('count'))
				.where('approbationId', '=', approbationId)
				.executeTakeFirstOrThrow();
			if (Number(current.count) + stored.length > MAX_APPROBATION_FILES)
				throw new ValidationError([
					{ field: 'files', key: 'error_too_many_files', params: { max: MAX_APPROBATION_FILES } }
				]);
			const adding = stored.reduce((sum, f) => sum + f.size, 0);
			if ((await groupBytes(trx, groupId)) + adding > input.maxGroupBytes)
				throw new ValidationError([
					{
						field: 'files',
						key: 'error_group_quota',
						params: { max: Math.round(input.maxGroupBytes / 1024 / 1024) }
					}
				]);
			await trx
				.insertInto('approbationFiles')
				.values(
					stored.map((f) => ({
						id: newId(),
						approbationId,
						blobKey: f.blobKey,
						name: f.name,
						mime: f.mime,
						size: f.size,
						uploadedBy: actor.id,
						createdAt: now
					}))
				)
				.execute();
		})
	);
	return { count: stored.length };
}

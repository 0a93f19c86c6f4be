import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed } from '../group-access/access';
import { approbationFileInput, type ApprobationFileInput } from './input';
import { canEditApprobation } from './policy';
import { approbationAccess, assertOpenGroup } from './queries';

/** The author removes an evidence file (the bytes stay in the store: others may share them). */
export async function removeApprobationFile(
	{ db, actor }: Ctx,
	input: ApprobationFileInput
): Promise<void> {
	const access = await approbationAccess(db, actor, input.groupId, input.approbationId);
	assertAllowed(canEditApprobation(actor, access));
	assertOpenGroup(access);
	const { approbationId, fileId } = validate(approbationFileInput, input);
	const removed = await db
		.deleteFrom('approbationFiles')
		.where('id', '=', fileId)
		.where('approbationId', '=', approbationId)
		.executeTakeFirst();
	if (Number(removed.numDeletedRows) === 0)
		throw new AppError('not_found', 'error_attachment_not_found');
}

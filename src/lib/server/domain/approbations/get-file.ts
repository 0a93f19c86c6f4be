import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { isViewable } from '../materials/get-attachment';
import { approbationFileInput, type ApprobationFileInput } from './input';
import { approbationAccess } from './queries';

/** An evidence file of an approbation the actor may see. */
export async function getApprobationFile({ db, actor }: Ctx, input: ApprobationFileInput) {
	await approbationAccess(db, actor, input.groupId, input.approbationId);
	const { approbationId, fileId } = validate(approbationFileInput, input);
	const file = await db
		.selectFrom('approbationFiles')
		.selectAll()
		.where('id', '=', fileId)
		.where('approbationId', '=', approbationId)
		.executeTakeFirst();
	if (!file) throw new AppError('not_found', 'error_attachment_not_found');
	const kind = file.name.slice(file.name.lastIndexOf('.') + 1).toLowerCase();
	return {
		...file,
		size: Number(file.size),
		isViewable: isViewable(kind === 'jpg' ? 'jpeg' : kind)
	};
}

import { validate } from '../../validation';
import type { Ctx } from '../context';
import { archiveFormInput, type ArchiveFormInput } from './input';
import { formOf, managedForms } from './queries';

/**
 * Archived forms leave the group's current forms (a new approbation or observation no longer
 * uses it); what was answered stays readable. Taken back out of the archive the same way.
 */
export async function archiveForm({ db, actor, now }: Ctx, input: ArchiveFormInput): Promise<void> {
	await managedForms(db, actor, input.groupId);
	const { groupId, formId, archived } = validate(archiveFormInput, input);
	await formOf(db, groupId, formId);
	await db
		.updateTable('forms')
		.set({ archivedAt: archived ? now : null, updatedAt: now })
		.where('id', '=', formId)
		.execute();
}

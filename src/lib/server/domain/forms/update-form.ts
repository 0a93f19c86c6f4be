import { validate } from '../../validation';
import type { Ctx } from '../context';
import { updateFormInput, type UpdateFormInput } from './input';
import { formOf, managedForms } from './queries';

/** Title and description: not part of a version (answers do not depend on them). */
export async function updateForm({ db, actor, now }: Ctx, input: UpdateFormInput): Promise<void> {
	await managedForms(db, actor, input.groupId);
	const { groupId, formId, title, description } = validate(updateFormInput, input);
	await formOf(db, groupId, formId);
	await db
		.updateTable('forms')
		.set({ title, description, updatedAt: now })
		.where('id', '=', formId)
		.execute();
}

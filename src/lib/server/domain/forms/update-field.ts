import { validate } from '../../validation';
import type { Ctx } from '../context';
import { fieldFromInput } from './build';
import { checkManaged, editFields, fieldIndex, type FieldsChanged } from './edit-fields';
import { updateFieldInput, type UpdateFieldInput } from './input';

/** A field changed where it is; its key stays, so answers given before still belong to it. */
export async function updateField(ctx: Ctx, input: UpdateFieldInput): Promise<FieldsChanged> {
	await checkManaged(ctx, input.groupId);
	const field = validate(updateFieldInput, input);
	return editFields(ctx, field, (fields) => {
		const at = fieldIndex(fields, field.key);
		const next = [...fields];
		next[at] = fieldFromInput(field, field.key);
		return next;
	});
}

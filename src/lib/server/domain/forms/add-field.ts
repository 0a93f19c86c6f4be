import { validate } from '../../validation';
import type { Ctx } from '../context';
import { fieldFromInput } from './build';
import { assertRoom, checkManaged, editFields, type FieldsChanged } from './edit-fields';
import { newFieldKey } from './fields';
import { addFieldInput, type AddFieldInput } from './input';

/** A field added at the end of the form. */
export async function addField(
	ctx: Ctx,
	input: AddFieldInput
): Promise<FieldsChanged & { key: string }> {
	await checkManaged(ctx, input.groupId);
	const field = validate(addFieldInput, input);
	const key = newFieldKey();
	const changed = await editFields(ctx, field, (fields) => {
		assertRoom(fields);
		return [...fields, fieldFromInput(field, key)];
	});
	return { ...changed, key };
}

import { validate } from '../../validation';
import type { Ctx } from '../context';
import { checkManaged, editFields, fieldIndex, type FieldsChanged } from './edit-fields';
import { removeFieldInput, type RemoveFieldInput } from './input';

/** A field removed (from this version on: older answers keep it in their version). */
export async function removeField(ctx: Ctx, input: RemoveFieldInput): Promise<FieldsChanged> {
	await checkManaged(ctx, input.groupId);
	const ref = validate(removeFieldInput, input);
	return editFields(ctx, ref, (fields) => {
		fieldIndex(fields, ref.key);
		return fields.filter((f) => f.key !== ref.key);
	});
}

import { validate } from '../../validation';
import type { Ctx } from '../context';
import { checkManaged, editFields, fieldIndex, type FieldsChanged } from './edit-fields';
import { moveFieldInput, type MoveFieldInput } from './input';

/** The up/down buttons (they work without JavaScript): the field swaps with its neighbour. */
export async function moveField(ctx: Ctx, input: MoveFieldInput): Promise<FieldsChanged> {
	await checkManaged(ctx, input.groupId);
	const ref = validate(moveFieldInput, input);
	return editFields(ctx, ref, (fields) => {
		const at = fieldIndex(fields, ref.key);
		const to = ref.direction === 'up' ? at - 1 : at + 1;
		if (to < 0 || to >= fields.length) return fields;
		const next = [...fields];
		[next[at], next[to]] = [next[to]!, next[at]!];
		return next;
	});
}

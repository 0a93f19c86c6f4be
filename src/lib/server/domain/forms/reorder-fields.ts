import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { checkManaged, editFields, type FieldsChanged } from './edit-fields';
import { reorderFieldsInput, type ReorderFieldsInput } from './input';

/**
 * Drag-and-drop sends the whole order at once: every field exactly once. An order made from
 * a stale page (a field added or removed since, another revision) is refused (409).
 */
export async function reorderFields(ctx: Ctx, input: ReorderFieldsInput): Promise<FieldsChanged> {
	await checkManaged(ctx, input.groupId);
	const ref = validate(reorderFieldsInput, input);
	return editFields(ctx, ref, (fields) => {
		const byKey = new Map(fields.map((f) => [f.key, f]));
		const sent = new Set(ref.order);
		if (
			sent.size !== ref.order.length ||
			sent.size !== fields.length ||
			ref.order.some((k) => !byKey.has(k))
		)
			throw new AppError('conflict', 'forms_error_form_changed');
		return ref.order.map((k) => byKey.get(k)!);
	});
}

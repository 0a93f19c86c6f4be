import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import type { Ctx } from '../context';
import type { FormVersionId } from '../ids';
import { FORM_LIMITS, type FormField } from './fields';
import { changeFields, formOf, managedForms } from './queries';

export interface FieldsChanged {
	versionId: FormVersionId;
	number: number;
	revision: number;
	/** The change made the next version (the one edited had answers). */
	isNewVersion: boolean;
}

/**
 * The builder's edits share this: access (404 another school, 403 a member), then the form
 * of the group, then the change on the newest version (in place, or as the next version).
 */
export async function editFields(
	{ db, actor, now }: Ctx,
	ref: { groupId: string; formId: string; versionId: string; revision: number },
	change: (fields: FormField[]) => FormField[]
): Promise<FieldsChanged> {
	return inTransaction(db, async (trx) => {
		const form = await formOf(trx, ref.groupId, ref.formId);
		if (form.archivedAt !== null) throw new AppError('conflict', 'forms_error_archived');
		const before = ref.versionId;
		const result = await changeFields(trx, {
			formId: ref.formId,
			versionId: ref.versionId,
			revision: ref.revision,
			actorId: actor.id,
			now,
			change
		});
		return { ...result, isNewVersion: result.versionId !== before };
	});
}

export async function checkManaged(ctx: Ctx, groupId: string): Promise<void> {
	await managedForms(ctx.db, ctx.actor, groupId);
}

export function fieldIndex(fields: FormField[], key: string): number {
	const at = fields.findIndex((f) => f.key === key);
	if (at < 0) throw new AppError('conflict', 'forms_error_form_changed');
	return at;
}

export function assertRoom(fields: FormField[]): void {
	if (fields.length >= FORM_LIMITS.fields)
		throw new AppError('invalid', 'forms_error_too_many_fields', {
			params: { max: FORM_LIMITS.fields }
		});
}

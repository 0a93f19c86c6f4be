import { inTransaction } from '../../db/transaction';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import type { FormId, FormVersionId } from '../ids';
import { createFormInput, type CreateFormInput } from './input';
import { insertForm, managedForms } from './queries';

/** The leader starts an empty form of a purpose; its fields are added in the builder. */
export async function createForm(
	{ db, actor, now }: Ctx,
	input: CreateFormInput
): Promise<{ formId: FormId; versionId: FormVersionId }> {
	await managedForms(db, actor, input.groupId);
	const form = validate(createFormInput, input);
	return inTransaction(db, (trx) =>
		insertForm(trx, { ...form, fields: [], createdBy: actor.id, now })
	);
}

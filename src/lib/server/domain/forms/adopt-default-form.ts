import { inTransaction } from '../../db/transaction';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import type { FormId, FormVersionId } from '../ids';
import { defaultForm } from './defaults';
import { adoptDefaultFormInput, type AdoptDefaultFormInput } from './input';
import { insertForm, managedForms } from './queries';

/**
 * "Start from the default": the leader takes the shipped form of a purpose, in a language,
 * as the group's own (its texts become the group's data, edited like any form). Runs in the
 * caller's transaction when called from another use case.
 */
export async function adoptDefaultForm(
	{ db, actor, now }: Ctx,
	input: AdoptDefaultFormInput
): Promise<{ formId: FormId; versionId: FormVersionId }> {
	await managedForms(db, actor, input.groupId);
	const { groupId, purpose, locale } = validate(adoptDefaultFormInput, input);
	const form = defaultForm(purpose, locale);
	return inTransaction(db, (trx) =>
		insertForm(trx, { groupId, purpose, ...form, createdBy: actor.id, now })
	);
}

import { z } from 'zod';
import type { Form } from '../../db/types';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { formId, groupId } from '../ids';
import { parseFields, type FormField } from './fields';
import { assertAllowed } from '../group-access/access';
import { canManageForms } from './policy';
import { pupilNameWarnings } from './pupil-names';
import { formOf, formsAccess, latestVersion } from './queries';

export const getFormInput = z.object({ groupId, formId });
export type GetFormInput = z.input<typeof getFormInput>;

export interface FormView {
	form: Form;
	version: { id: string; number: number; revision: number };
	fields: FormField[];
	/** Responses to the newest version: the next edit makes a new version when any. */
	responses: number;
	versions: number;
	/** Fields that seem to ask for a pupil's name. */
	warnings: string[];
	canManage: boolean;
	isClosed: boolean;
}

/** The builder's page. */
export async function getForm({ db, actor }: Ctx, input: GetFormInput): Promise<FormView> {
	const access = await formsAccess(db, actor, input.groupId);
	// The builder is the leader's and the administration's: members answer, they do not edit.
	assertAllowed(canManageForms(actor, access));
	const ids = validate(getFormInput, input);
	const form = await formOf(db, ids.groupId, ids.formId);
	const version = await latestVersion(db, form.id);
	const fields = parseFields(version.fields);
	const responses = await db
		.selectFrom('formResponses')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('formVersionId', '=', version.id)
		.executeTakeFirstOrThrow();
	return {
		form,
		version: { id: version.id, number: version.number, revision: version.revision },
		fields,
		responses: Number(responses.n),
		versions: version.number,
		warnings: pupilNameWarnings(fields),
		canManage: canManageForms(actor, access),
		isClosed: access.isClosed
	};
}

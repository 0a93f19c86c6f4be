import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import type { DB, Form, FormPurpose, FormVersion, Questionnaire } from '../../db/types';
import { AppError } from '../../errors';
import { assertAllowed, assertOpen, groupAccess, type GroupAccess } from '../group-access/access';
import { asId, type FormId, type FormVersionId } from '../ids';
import { parseFields, serializeFields, type FormField } from './fields';
import { canManageForms, canSeeForms } from './policy';

export interface FormAccess extends GroupAccess {
	form: Form;
}

/** The group, if the actor may see its forms (members and the administration). */
export async function formsAccess(db: DB, actor: Actor, groupId: string): Promise<GroupAccess> {
	const access = await groupAccess(db, actor, groupId);
	assertAllowed(canSeeForms(actor, access));
	return access;
}

/** For the leader's changes: 403 for anyone else, 409 in a closed group. */
export async function managedForms(db: DB, actor: Actor, groupId: string): Promise<GroupAccess> {
	const access = await groupAccess(db, actor, groupId);
	assertAllowed(canManageForms(actor, access));
	assertOpen(access);
	return access;
}

/** A form of the group (another group's id is "not found"). */
export async function formOf(db: DB, groupId: string, formId: string): Promise<Form> {
	const form = await db
		.selectFrom('forms')
		.selectAll()
		.where('id', '=', formId)
		.where('groupId', '=', groupId)
		.executeTakeFirst();
	if (!form) throw new AppError('not_found', 'forms_error_form_not_found');
	return form;
}

/** The form's newest version: the one edited and sent. */
export async function latestVersion(db: DB, formId: string): Promise<FormVersion> {
	const version = await db
		.selectFrom('formVersions')
		.selectAll()
		.where('formId', '=', formId)
		.orderBy('number', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (!version) throw new AppError('not_found', 'forms_error_form_not_found');
	return version;
}

/** Creates a form with its first version. */
export async function insertForm(
	db: DB,
	input: {
		groupId: string;
		purpose: FormPurpose;
		title: string;
		description: string;
		fields: FormField[];
		createdBy: string;
		now: Date;
	}
): Promise<{ formId: FormId; versionId: FormVersionId }> {
	const formId = asId<FormId>(newId());
	const versionId = asId<FormVersionId>(newId());
	await db
		.insertInto('forms')
		.values({
			id: formId,
			groupId: input.groupId,
			purpose: input.purpose,
			title: input.title,
			description: input.description,
			createdBy: input.createdBy,
			createdAt: input.now,
			updatedAt: input.now
		})
		.execute();
	await db
		.insertInto('formVersions')
		.values({
			id: versionId,
			formId,
			number: 1,
			fields: serializeFields(input.fields),
			revision: 1,
			createdBy: input.createdBy,
			createdAt: input.now,
			updatedAt: input.now
		})
		.execute();
	return { formId, versionId };
}

/**
 * Whether anyone answered this version (a draft counts: its answers are tied to the fields).
 * A questionnaire sent but not yet answered follows an edit in place; a member who opened it
 * before is told by the revision (409) and keeps what they typed.
 */
export async function versionHasResponses(db: DB, versionId: string): Promise<boolean> {
	const row = await db
		.selectFrom('formResponses')
		.select('id')
		.where('formVersionId', '=', versionId)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

/**
 * Applies a change to the form's fields. The page sent the version and revision it showed: a
 * stale page is refused (409). A version anyone answered (or a questionnaire sent) is frozen,
 * so the change makes the next version and the old answers keep their fields; otherwise the
 * change is made in place and the revision raised.
 */
export async function changeFields(
	db: DB,
	input: {
		formId: string;
		versionId: string;
		revision: number;
		actorId: string;
		now: Date;
		change: (fields: FormField[]) => FormField[];
	}
): Promise<{ versionId: FormVersionId; number: number; revision: number }> {
	const version = await latestVersion(db, input.formId);
	if (version.id !== input.versionId || version.revision !== input.revision)
		throw new AppError('conflict', 'forms_error_form_changed');
	const fields = input.change(parseFields(version.fields));
	const json = serializeFields(fields);
	await db
		.updateTable('forms')
		.set({ updatedAt: input.now })
		.where('id', '=', input.formId)
		.execute();
	if (await versionHasResponses(db, version.id)) {
		const versionId = asId<FormVersionId>(newId());
		await db
			.insertInto('formVersions')
			.values({
				id: versionId,
				formId: input.formId,
				number: version.number + 1,
				fields: json,
				revision: 1,
				createdBy: input.actorId,
				createdAt: input.now,
				updatedAt: input.now
			})
			.execute();
		return { versionId, number: version.number + 1, revision: 1 };
	}
	await db
		.updateTable('formVersions')
		.set({ fields: json, revision: version.revision + 1, updatedAt: input.now })
		.where('id', '=', version.id)
		.where('revision', '=', version.revision)
		.execute();
	return {
		versionId: asId<FormVersionId>(version.id),
		number: version.number,
		revision: version.revision + 1
	};
}

/** A questionnaire of the group. */
export async function questionnaireOf(
	db: DB,
	groupId: string,
	questionnaireId: string
): Promise<Questionnaire> {
	const questionnaire = await db
		.selectFrom('questionnaires')
		.selectAll()
		.where('id', '=', questionnaireId)
		.where('groupId', '=', groupId)
		.executeTakeFirst();
	if (!questionnaire) throw new AppError('not_found', 'forms_error_questionnaire_not_found');
	return questionnaire;
}

/** Open: not closed by the leader, and the deadline (a school day, inclusive) not passed. */
export function isQuestionnaireOpen(
	questionnaire: Pick<Questionnaire, 'closedAt' | 'deadlineOn'>,
	today: string
): boolean {
	if (questionnaire.closedAt !== null) return false;
	return questionnaire.deadlineOn === null || questionnaire.deadlineOn >= today;
}

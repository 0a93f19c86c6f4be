import { newId } from '../../db/ids';
import type { DB, FormPurpose, ResponseStatus } from '../../db/types';
import { AppError } from '../../errors';
import { asId, type FormId, type FormVersionId, type ResponseId } from '../ids';
import { parseAnswers, type Answers } from './answers';
import { parseFields, type FormField } from './fields';

// SHARED with domain/approbations: the group's current form of a purpose (the approbation
// report, the observation sheet) and the responses to it, written inside the caller's use
// case (and transaction). Access is the caller's to check.

export { defaultForm, type FormLocale } from './defaults';
export { adoptDefaultForm } from './adopt-default-form';

export interface GroupForm {
	formId: FormId;
	versionId: FormVersionId;
	number: number;
	revision: number;
	title: string;
	description: string;
	fields: FormField[];
}

/** The group's current form of that purpose (the latest not archived), at its newest version. */
export async function groupFormFor(
	db: DB,
	groupId: string,
	purpose: FormPurpose
): Promise<GroupForm | null> {
	const form = await db
		.selectFrom('forms')
		.select(['id', 'title', 'description'])
		.where('groupId', '=', groupId)
		.where('purpose', '=', purpose)
		.where('archivedAt', 'is', null)
		.orderBy('createdAt', 'desc')
		.orderBy('id', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (!form) return null;
	const version = await db
		.selectFrom('formVersions')
		.select(['id', 'number', 'revision', 'fields'])
		.where('formId', '=', form.id)
		.orderBy('number', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (!version) return null;
	return {
		formId: asId<FormId>(form.id),
		versionId: asId<FormVersionId>(version.id),
		number: version.number,
		revision: version.revision,
		title: form.title,
		description: form.description,
		fields: parseFields(version.fields)
	};
}

/** A form version's fields (a version of any form: the caller knows whose it is). */
export async function versionFields(
	db: DB,
	versionId: string
): Promise<{ number: number; revision: number; formId: string; fields: FormField[] }> {
	const version = await db
		.selectFrom('formVersions')
		.select(['number', 'revision', 'formId', 'fields'])
		.where('id', '=', versionId)
		.executeTakeFirst();
	if (!version) throw new AppError('not_found', 'forms_error_form_not_found');
	return { ...version, fields: parseFields(version.fields) };
}

/**
 * Whether a page filled from this version and revision is still current: the version is its
 * form's newest and was not edited in place since. When not, the caller refuses with a 409
 * (`assertVersionCurrent`) and gives back what was typed.
 */
export async function versionIsCurrent(
	db: DB,
	versionId: string,
	revision: number
): Promise<boolean> {
	const version = await db
		.selectFrom('formVersions')
		.select(['formId', 'number', 'revision'])
		.where('id', '=', versionId)
		.executeTakeFirst();
	if (!version || version.revision !== revision) return false;
	const newer = await db
		.selectFrom('formVersions')
		.select('id')
		.where('formId', '=', version.formId)
		.where('number', '>', version.number)
		.limit(1)
		.executeTakeFirst();
	return newer === undefined;
}

/** Exact revision check only (a questionnaire stays on the version it pinned). */
export async function assertRevision(db: DB, versionId: string, revision: number): Promise<void> {
	const version = await db
		.selectFrom('formVersions')
		.select('revision')
		.where('id', '=', versionId)
		.executeTakeFirst();
	if (!version || version.revision !== revision)
		throw new AppError('conflict', 'forms_error_form_changed');
}

export async function assertVersionCurrent(
	db: DB,
	versionId: string,
	revision: number
): Promise<void> {
	if (!(await versionIsCurrent(db, versionId, revision)))
		throw new AppError('conflict', 'forms_error_form_changed');
}

/**
 * Inserts a response, or updates the one named (its version stays: the answers were checked
 * against it). `submittedAt` is set when it is sent, kept on later edits. Returns its id.
 */
export async function writeResponse(
	db: DB,
	input: {
		formVersionId: string;
		respondentId: string;
		answers: Answers;
		status: ResponseStatus;
		questionnaireId?: string | null;
		now: Date;
		responseId?: string;
	}
): Promise<ResponseId> {
	const answers = JSON.stringify(input.answers);
	const submittedAt = input.status === 'submitted' ? input.now : null;
	if (input.responseId) {
		const existing = await db
			.selectFrom('formResponses')
			.select(['id', 'submittedAt'])
			.where('id', '=', input.responseId)
			.executeTakeFirst();
		if (!existing) throw new AppError('not_found', 'forms_error_response_not_found');
		await db
			.updateTable('formResponses')
			.set({
				answers,
				status: input.status,
				updatedAt: input.now,
				submittedAt: existing.submittedAt ?? submittedAt
			})
			.where('id', '=', input.responseId)
			.execute();
		return asId<ResponseId>(input.responseId);
	}
	const id = asId<ResponseId>(newId());
	await db
		.insertInto('formResponses')
		.values({
			id,
			formVersionId: input.formVersionId,
			questionnaireId: input.questionnaireId ?? null,
			respondentId: input.respondentId,
			answers,
			status: input.status,
			createdAt: input.now,
			updatedAt: input.now,
			submittedAt
		})
		.execute();
	return id;
}

export interface StoredResponse {
	id: ResponseId;
	formVersionId: FormVersionId;
	respondentId: string;
	questionnaireId: string | null;
	answers: Answers;
	status: ResponseStatus;
	submittedAt: Date | null;
	updatedAt: Date;
	/** The fields of the version it answered. */
	fields: FormField[];
	versionNumber: number;
	revision: number;
}

/** A response with the fields it answered; "not found" when there is none. */
export async function readResponse(db: DB, responseId: string): Promise<StoredResponse> {
	const row = await db
		.selectFrom('formResponses as r')
		.innerJoin('formVersions as v', 'v.id', 'r.formVersionId')
		.select([
			'r.id',
			'r.formVersionId',
			'r.respondentId',
			'r.questionnaireId',
			'r.answers',
			'r.status',
			'r.submittedAt',
			'r.updatedAt',
			'v.fields',
			'v.number',
			'v.revision'
		])
		.where('r.id', '=', responseId)
		.executeTakeFirst();
	if (!row) throw new AppError('not_found', 'forms_error_response_not_found');
	return {
		id: asId<ResponseId>(row.id),
		formVersionId: asId<FormVersionId>(row.formVersionId),
		respondentId: row.respondentId,
		questionnaireId: row.questionnaireId,
		answers: parseAnswers(row.answers),
		status: row.status,
		submittedAt: row.submittedAt,
		updatedAt: row.updatedAt,
		fields: parseFields(row.fields),
		versionNumber: row.number,
		revision: row.revision
	};
}

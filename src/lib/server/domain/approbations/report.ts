import type { DB } from '../../db/types';
import type { Ctx } from '../context';
import { checkAnswers, type Answers } from '../forms/answers';
import type { FormField } from '../forms/fields';
import { defaultForm, groupFormFor, readResponse, writeResponse } from '../forms/group-forms';
import { insertForm } from '../forms/queries';
import type { ReportAnswers } from './input';

// The group's forms (§5.3) as the approbation uses them: the approbation report filled in
// with the record, the observation sheet filed with an observation. Kept in one place so the
// rest of the module does not depend on how forms store their answers. File fields are left
// out here: evidence files belong to the approbation itself (its "Evidence" list).

export interface FillForm {
	versionId: string | null;
	title: string;
	description: string;
	fields: FormField[];
	/** No group form yet: the default one is shown, and adopted when filed. */
	isDefault: boolean;
}

const fillable = (fields: FormField[]) => fields.filter((f) => f.type !== 'file');

/** The group's approbation report form, or null when it has none. */
export async function reportFormOf(db: DB, groupId: string): Promise<FillForm | null> {
	const form = await groupFormFor(db, groupId, 'approbation_report');
	if (!form) return null;
	return {
		versionId: form.versionId,
		title: form.title,
		description: form.description,
		fields: fillable(form.fields),
		isDefault: false
	};
}

/**
 * Checks and stores the report's answers when the group has a report form; returns the
 * response's id (the same one when rewritten on the same version), or the one kept.
 */
export async function saveReport(
	db: DB,
	input: {
		groupId: string;
		respondentId: string;
		answers: ReportAnswers | undefined;
		responseId: string | null;
		now: Date;
	}
): Promise<string | null> {
	const form = await groupFormFor(db, input.groupId, 'approbation_report');
	if (!form) return input.responseId;
	const answers = checkAnswers(fillable(form.fields), (input.answers ?? {}) as Answers, {
		complete: true
	});
	// Answers checked against the current version: the old response is kept only when it
	// answered that same version; else a new one (the old stays with its version).
	const same =
		input.responseId !== null &&
		(await readResponse(db, input.responseId)).formVersionId === form.versionId;
	return writeResponse(db, {
		formVersionId: form.versionId,
		respondentId: input.respondentId,
		answers,
		status: 'submitted',
		now: input.now,
		...(same && input.responseId ? { responseId: input.responseId } : {})
	});
}

/** The sheet an observer fills: the group's, else the default one it will adopt. */
export async function sheetFormFor(
	db: DB,
	groupId: string,
	locale: 'ky' | 'ru' | 'en'
): Promise<FillForm> {
	const form = await groupFormFor(db, groupId, 'observation_sheet');
	if (form)
		return {
			versionId: form.versionId,
			title: form.title,
			description: form.description,
			fields: fillable(form.fields),
			isDefault: false
		};
	const shipped = defaultForm('observation_sheet', locale);
	return { versionId: null, ...shipped, fields: fillable(shipped.fields), isDefault: true };
}

/**
 * Checks and stores an observation sheet. A group without a sheet gets the default one in the
 * observer's language first, in the same transaction (the leader may edit it later).
 */
export async function saveSheet(
	ctx: Ctx,
	db: DB,
	input: { groupId: string; answers: ReportAnswers | undefined; locale: 'ky' | 'ru' | 'en' }
): Promise<string> {
	const form = await sheetFormFor(db, input.groupId, input.locale);
	const answers = checkAnswers(form.fields, (input.answers ?? {}) as Answers, { complete: true });
	let versionId = form.versionId;
	if (versionId === null) {
		const shipped = defaultForm('observation_sheet', input.locale);
		// Not adoptDefaultForm: that is the leader's action; here any observer files the sheet.
		({ versionId } = await insertForm(db, {
			groupId: input.groupId,
			purpose: 'observation_sheet',
			...shipped,
			createdBy: ctx.actor.id,
			now: ctx.now
		}));
	}
	return writeResponse(db, {
		formVersionId: versionId,
		respondentId: ctx.actor.id,
		answers,
		status: 'submitted',
		now: ctx.now
	});
}

/** A stored response as label/answer pairs, in the form's order, for reading on a page. */
export interface ResponseView {
	answers: { label: string; value: string }[];
}

export async function responseView(db: DB, responseId: string): Promise<ResponseView | null> {
	const response = await readResponse(db, responseId).catch(() => null);
	if (!response) return null;
	return {
		answers: fillable(response.fields).map((f) => {
			const value = response.answers[f.key];
			const text =
				value === null || value === undefined
					? ''
					: Array.isArray(value)
						? value.join('; ')
						: f.type === 'scale'
							? `${value} / ${f.scaleMax}`
							: f.type === 'number' && f.unit
								? `${value} ${f.unit}`
								: String(value);
			return { label: f.label, value: text };
		})
	};
}

/** A stored response's answers, to fill the form again. */
export async function responseAnswers(db: DB, responseId: string): Promise<ReportAnswers | null> {
	const response = await readResponse(db, responseId).catch(() => null);
	return response ? response.answers : null;
}

import { z } from 'zod';
import type { Questionnaire } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed } from '../group-access/access';
import { groupId, questionnaireId } from '../ids';
import { parseAnswers, type Answers } from './answers';
import { FORM_LIMITS, type FormField } from './fields';
import { versionFields } from './group-forms';
import { canSeeResponses } from './policy';
import { formsAccess, questionnaireOf } from './queries';

export const exportResponsesInput = z.object({ groupId, questionnaireId });
export type ExportResponsesInput = z.input<typeof exportResponsesInput>;

export interface ExportData {
	questionnaire: Questionnaire;
	fields: FormField[];
	responses: { fullName: string; submittedAt: Date | null; answers: Answers }[];
}

/**
 * The sent responses of a questionnaire for CSV and XLSX: the leader and the administration
 * only (named answers). The size is checked before anything is read: a larger export is
 * refused with a message instead of tying up the server.
 */
export async function exportResponses(
	{ db, actor }: Ctx,
	input: ExportResponsesInput,
	maxCells: number = FORM_LIMITS.exportCells
): Promise<ExportData> {
	const access = await formsAccess(db, actor, input.groupId);
	assertAllowed(canSeeResponses(actor, access));
	const ref = validate(exportResponsesInput, input);
	const questionnaire = await questionnaireOf(db, ref.groupId, ref.questionnaireId);
	const { fields } = await versionFields(db, questionnaire.formVersionId);
	const count = await db
		.selectFrom('formResponses')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('questionnaireId', '=', questionnaire.id)
		.where('status', '=', 'submitted')
		.executeTakeFirstOrThrow();
	// Two columns more than the questions: the respondent and the time sent.
	if (Number(count.n) * (fields.length + 2) > maxCells)
		throw new AppError('invalid', 'forms_error_export_too_large', { params: { max: maxCells } });
	const rows = await db
		.selectFrom('formResponses as r')
		.innerJoin('users as u', 'u.id', 'r.respondentId')
		.select(['u.fullName', 'r.submittedAt', 'r.answers'])
		.where('r.questionnaireId', '=', questionnaire.id)
		.where('r.status', '=', 'submitted')
		.orderBy('u.fullName')
		.orderBy('r.id')
		.execute();
	return {
		questionnaire,
		fields,
		responses: rows.map((r) => ({
			fullName: r.fullName,
			submittedAt: r.submittedAt,
			answers: parseAnswers(r.answers)
		}))
	};
}

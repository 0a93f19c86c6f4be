import { newId } from '../../db/ids';
import { AppError } from '../../errors';
import { validate, ValidationError } from '../../validation';
import type { Ctx } from '../context';
import { asId, type QuestionnaireId } from '../ids';
import { parseFields } from './fields';
import { sendQuestionnaireInput, type SendQuestionnaireInput } from './input';
import { formOf, latestVersion, managedForms } from './queries';

/**
 * The leader sends a questionnaire form to the members: its newest version is pinned (an
 * edit after the first answer makes a new version; this questionnaire keeps its own).
 */
export async function sendQuestionnaire(
	{ db, actor, now }: Ctx,
	input: SendQuestionnaireInput
): Promise<{ questionnaireId: QuestionnaireId }> {
	await managedForms(db, actor, input.groupId);
	const q = validate(sendQuestionnaireInput, input);
	if (q.deadlineOn !== undefined && q.deadlineOn < q.today)
		throw new ValidationError([{ field: 'deadlineOn', key: 'forms_error_deadline_past' }]);
	const form = await formOf(db, q.groupId, q.formId);
	if (form.purpose !== 'questionnaire')
		throw new AppError('invalid', 'forms_error_not_questionnaire');
	if (form.archivedAt !== null) throw new AppError('conflict', 'forms_error_archived');
	const version = await latestVersion(db, form.id);
	if (parseFields(version.fields).length === 0)
		throw new AppError('invalid', 'forms_error_form_empty');
	const questionnaireId = asId<QuestionnaireId>(newId());
	await db
		.insertInto('questionnaires')
		.values({
			id: questionnaireId,
			groupId: q.groupId,
			formId: form.id,
			formVersionId: version.id,
			title: q.title,
			message: q.message,
			deadlineOn: q.deadlineOn ?? null,
			sentBy: actor.id,
			sentAt: now
		})
		.execute();
	return { questionnaireId };
}

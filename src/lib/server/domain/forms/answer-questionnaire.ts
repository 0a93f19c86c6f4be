import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import type { DB } from '../../db/types';
import { validate, ValidationError } from '../../validation';
import { groupBytes } from '../materials/attach-files';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen } from '../group-access/access';
import type { ReceivedFile } from '../../files/receive';
import type { ResponseId } from '../ids';
import { answerFieldName, answersFromForm, checkAnswers, parseAnswers } from './answers';
import { prepareResponseFiles, writeResponseFiles, type PreparedFile } from './response-files';
import { assertRevision, versionFields, writeResponse } from './group-forms';
import { answerQuestionnaireInput, type AnswerQuestionnaireInput } from './input';
import { canAnswer } from './policy';
import { formsAccess, isQuestionnaireOpen, questionnaireOf } from './queries';

/**
 * A member answers a questionnaire: "Save and finish later" keeps a draft (required questions
 * may wait), "Send" checks everything. While it is open a sent answer can be corrected and
 * sent again. The page was filled from a version and revision: when the form changed since,
 * 409 and the web layer gives everything typed back with the current questions.
 */
export async function answerQuestionnaire(
	{ db, actor, now, store }: Ctx,
	input: AnswerQuestionnaireInput & {
		/** Files given to file questions, and the group's space (MAX_GROUP_FILES_MB) they must fit. */
		files?: ReceivedFile[];
		maxGroupBytes?: number;
	}
): Promise<{ responseId: ResponseId; status: 'draft' | 'submitted' }> {
	await assertCanAnswer({ db, actor, now, store }, input);
	const a = validate(answerQuestionnaireInput, input);
	const questionnaire = await questionnaireOf(db, a.groupId, a.questionnaireId);
	if (!isQuestionnaireOpen(questionnaire, a.today))
		throw new AppError('conflict', 'forms_error_questionnaire_closed');
	if (questionnaire.formVersionId !== a.versionId)
		throw new AppError('conflict', 'forms_error_form_changed');
	// Files go to the store before the transaction (content-addressed: a refused answer
	// leaves nothing that matters); their rows are written with the response.
	let prepared: { rows: PreparedFile[]; ids: Record<string, string[]> } | null = null;
	if (input.files && input.files.length > 0) {
		const { fields } = await versionFields(db, a.versionId);
		const own = await db
			.selectFrom('formResponses')
			.select('answers')
			.where('questionnaireId', '=', questionnaire.id)
			.where('respondentId', '=', actor.id)
			.executeTakeFirst();
		prepared = await prepareResponseFiles(
			store,
			fields,
			input.files,
			own ? parseAnswers(own.answers) : {}
		);
	}
	return inTransaction(db, async (trx) => {
		await assertRevision(trx, a.versionId, a.revision);
		const { fields } = await versionFields(trx, a.versionId);
		const existing = await trx
			.selectFrom('formResponses')
			.select(['id', 'status', 'answers'])
			.where('questionnaireId', '=', questionnaire.id)
			.where('respondentId', '=', actor.id)
			.executeTakeFirst();
		// Once sent, a later save is a correction of what was sent: checked as complete.
		const status = a.send || existing?.status === 'submitted' ? 'submitted' : 'draft';
		const posted = answersFromForm(fields, a.values);
		// File answers are not posted as text: the ones kept stay.
		const kept = existing ? parseAnswers(existing.answers) : {};
		for (const field of fields)
			if (field.type === 'file')
				posted[field.key] = prepared?.ids[field.key] ?? kept[field.key] ?? null;
		const answers = checkAnswers(fields, posted, { complete: status === 'submitted' });
		if (prepared && prepared.rows.length > 0)
			await assertGroupSpace(trx, a.groupId, prepared.rows, input.maxGroupBytes);
		const responseId = await writeResponse(trx, {
			formVersionId: a.versionId,
			respondentId: actor.id,
			questionnaireId: questionnaire.id,
			answers,
			status,
			now,
			responseId: existing?.id
		});
		if (prepared) await writeResponseFiles(trx, responseId, prepared.rows, now);
		return { responseId, status };
	});
}

/**
 * Who may answer: a current member, in an open group. Checked before an upload is read, so a
 * refused one is never streamed.
 */
export async function assertCanAnswer(
	{ db, actor }: Ctx,
	input: { groupId: string; questionnaireId: string }
): Promise<void> {
	const access = await formsAccess(db, actor, input.groupId);
	assertAllowed(canAnswer(actor, access));
	assertOpen(access);
	await questionnaireOf(db, input.groupId, input.questionnaireId);
}

/** The answer's files fit the group's space, counted with all its other files (§ limits). */
async function assertGroupSpace(
	db: DB,
	groupId: string,
	rows: PreparedFile[],
	maxGroupBytes: number | undefined
): Promise<void> {
	// A caller that stores files must say how much room the group has.
	if (maxGroupBytes === undefined) throw new Error('answerQuestionnaire: files need maxGroupBytes');
	const adding = rows.reduce((sum, row) => sum + row.size, 0);
	if ((await groupBytes(db, groupId)) + adding > maxGroupBytes)
		throw new ValidationError([
			{
				field: answerFieldName(rows[0]!.fieldKey),
				key: 'error_group_quota',
				params: { max: Math.round(maxGroupBytes / 1024 / 1024) }
			}
		]);
}

import { validate } from '../../validation';
import type { Ctx } from '../context';
import {
	questionnaireRef,
	setResultsSharedInput,
	type QuestionnaireRef,
	type SetResultsSharedInput
} from './input';
import { managedForms, questionnaireOf } from './queries';

/** The leader closes a questionnaire: no more answers (drafts stay unsent). */
export async function closeQuestionnaire(
	{ db, actor, now }: Ctx,
	input: QuestionnaireRef
): Promise<void> {
	await managedForms(db, actor, input.groupId);
	const ref = validate(questionnaireRef, input);
	const questionnaire = await questionnaireOf(db, ref.groupId, ref.questionnaireId);
	if (questionnaire.closedAt !== null) return;
	await db
		.updateTable('questionnaires')
		.set({ closedAt: now })
		.where('id', '=', questionnaire.id)
		.execute();
}

/** The leader lets the members see the summary (never the named answers), or stops it. */
export async function setResultsShared(
	{ db, actor }: Ctx,
	input: SetResultsSharedInput
): Promise<void> {
	await managedForms(db, actor, input.groupId);
	const ref = validate(setResultsSharedInput, input);
	await questionnaireOf(db, ref.groupId, ref.questionnaireId);
	await db
		.updateTable('questionnaires')
		.set({ isResultsShared: ref.shared })
		.where('id', '=', ref.questionnaireId)
		.execute();
}

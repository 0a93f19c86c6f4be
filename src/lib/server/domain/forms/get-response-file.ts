import { z } from 'zod';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed } from '../group-access/access';
import { groupId, questionnaireId, responseFileId } from '../ids';
import { canSeeResponses } from './policy';
import { formsAccess, questionnaireOf } from './queries';

export const getResponseFileInput = z.object({ groupId, questionnaireId, fileId: responseFileId });
export type GetResponseFileInput = z.input<typeof getResponseFileInput>;

/** A file given as an answer: to its respondent, and to the leader and the administration. */
export async function getResponseFile(
	{ db, actor }: Ctx,
	input: GetResponseFileInput
): Promise<{ key: string; name: string; mime: string; size: number }> {
	const access = await formsAccess(db, actor, input.groupId);
	const ref = validate(getResponseFileInput, input);
	const questionnaire = await questionnaireOf(db, ref.groupId, ref.questionnaireId);
	const file = await db
		.selectFrom('formResponseFiles as f')
		.innerJoin('formResponses as r', 'r.id', 'f.responseId')
		.select(['f.blobKey', 'f.name', 'f.mime', 'f.size', 'r.respondentId'])
		.where('f.id', '=', ref.fileId)
		.where('r.questionnaireId', '=', questionnaire.id)
		.executeTakeFirst();
	if (!file) throw new AppError('not_found', 'forms_error_file_not_found');
	assertAllowed(canSeeResponses(actor, access) || file.respondentId === actor.id);
	return { key: file.blobKey, name: file.name, mime: file.mime, size: file.size };
}

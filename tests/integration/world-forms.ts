import { actorOf } from '../../src/lib/server/test/factories';
import { adoptDefaultForm } from '../../src/lib/server/domain/forms/adopt-default-form';
import { answerQuestionnaire } from '../../src/lib/server/domain/forms/answer-questionnaire';
import { createForm } from '../../src/lib/server/domain/forms/create-form';
import { groupFormFor } from '../../src/lib/server/domain/forms/group-forms';
import { sendQuestionnaire } from '../../src/lib/server/domain/forms/send-questionnaire';
import { ctxOf } from '../../src/lib/server/test/context';
import { addField } from '../../src/lib/server/domain/forms/add-field';
import { createDiskStore } from '../../src/lib/server/storage/disk';
import { ctxWithStore, receivedFile, tinyPdf } from '../../src/lib/server/test/materials';
import path from 'node:path';
import type { WorldParts } from './world-parts';

/**
 * C5 forms and questionnaires of the group, for the permission matrix: the default member
 * questionnaire (its version answered by memberA: named answers nobody else but the leader and
 * the admin may read), a questionnaire sent with it, another one the rows may close, and a
 * spare form the rows may archive.
 */
export async function buildForms({ server, groupId, users }: WorldParts) {
	const leader = ctxOf(server.db, actorOf(users.leaderA!));
	const { formId: formsFormId } = await adoptDefaultForm(leader, {
		groupId,
		purpose: 'questionnaire',
		locale: 'ky'
	});
	const form = (await groupFormFor(server.db, groupId, 'questionnaire'))!;
	const send = async (title: string) =>
		(
			await sendQuestionnaire(leader, {
				groupId,
				formId: formsFormId,
				title,
				message: '',
				today: '2026-01-01'
			})
		).questionnaireId;
	const questionnaireId = await send('Методикалык муктаждыктар');
	const closableQuestionnaireId = await send('Жабыла турган анкета');
	await answerQuestionnaire(ctxOf(server.db, actorOf(users.memberA!)), {
		groupId,
		questionnaireId,
		versionId: form.versionId,
		revision: form.revision,
		values: {
			answer_topics: ['Калыптандыруучу баалоо'],
			answer_readiness: '4',
			answer_comment: 'memberA-нын жеке жообу'
		},
		send: true,
		today: '2026-01-01'
	});
	const { formId: spareFormId } = await createForm(leader, {
		groupId,
		purpose: 'observation_sheet',
		title: 'Архивге кете турган форма',
		description: ''
	});
	// A questionnaire with a file question: memberA's file is theirs, the leader's and the
	// admin's to open, no other member's.
	const files = createDiskStore(path.join(server.dataDir, 'files'));
	const withFile = await createForm(leader, {
		groupId,
		purpose: 'questionnaire',
		title: 'Ачык сабактын материалдары',
		description: ''
	});
	const added = await addField(leader, {
		groupId,
		formId: withFile.formId,
		versionId: withFile.versionId,
		revision: 1,
		type: 'file',
		label: 'Сабактын планы'
	});
	const { questionnaireId: fileQuestionnaireId } = await sendQuestionnaire(leader, {
		groupId,
		formId: withFile.formId,
		title: 'Материалдар',
		message: '',
		today: '2026-01-01'
	});
	const upload = {
		...receivedFile(server.dataDir, 'план.pdf', tinyPdf('forms')),
		field: `answer_${added.key}`
	};
	const { responseId } = await answerQuestionnaire(
		ctxWithStore(server.db, actorOf(users.memberA!), files),
		{
			groupId,
			questionnaireId: fileQuestionnaireId,
			versionId: added.versionId,
			revision: added.revision,
			values: {},
			send: true,
			today: '2026-01-01',
			files: [upload],
			maxGroupBytes: 1e9
		}
	);
	const file = await server.db
		.selectFrom('formResponseFiles')
		.select('id')
		.where('responseId', '=', responseId)
		.executeTakeFirstOrThrow();
	return {
		fileQuestionnaireId,
		responseFileId: file.id,
		formsFormId,
		formsVersionId: form.versionId,
		questionnaireId,
		closableQuestionnaireId,
		spareFormId
	};
}

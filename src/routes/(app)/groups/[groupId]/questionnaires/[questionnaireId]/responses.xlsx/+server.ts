import { config } from '$lib/server/config.js';
import { exportResponses } from '$lib/server/domain/forms/export-responses';
import { asId, type GroupId, type QuestionnaireId } from '$lib/server/domain/ids';
import { toXlsx } from '$lib/server/export/responses/xlsx';
import { actorCtx } from '$lib/server/web/context';
import { exportFileName, responsesTable, summaryTable } from '$lib/server/web/form-views';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import type { RequestHandler } from './$types';

/** The sent responses and the summary as XLSX: the leader and the administration. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const data = await orHttpError(
		exportResponses(actorCtx(locals), {
			groupId: asId<GroupId>(params.groupId),
			questionnaireId: asId<QuestionnaireId>(params.questionnaireId)
		})
	);
	const locale = locals.locale;
	const file = await toXlsx(
		responsesTable(data, locale, config().timeZone),
		summaryTable(data, locale),
		{ responses: translate('forms_sheet_responses'), summary: translate('forms_sheet_summary') }
	);
	const name = exportFileName(data.questionnaire.title, 'xlsx');
	return new Response(new Uint8Array(file), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="responses.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
			'cache-control': 'private, no-store'
		}
	});
};

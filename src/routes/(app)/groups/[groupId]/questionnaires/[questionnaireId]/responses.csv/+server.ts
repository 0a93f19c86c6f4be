import { config } from '$lib/server/config.js';
import { exportResponses } from '$lib/server/domain/forms/export-responses';
import { asId, type GroupId, type QuestionnaireId } from '$lib/server/domain/ids';
import { toCsv } from '$lib/server/export/responses/csv';
import { actorCtx } from '$lib/server/web/context';
import { exportFileName, responsesTable } from '$lib/server/web/form-views';
import { orHttpError } from '$lib/server/web/load';
import type { RequestHandler } from './$types';

/** The sent responses as CSV (UTF-8 with BOM for Excel): the leader and the administration. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const data = await orHttpError(
		exportResponses(actorCtx(locals), {
			groupId: asId<GroupId>(params.groupId),
			questionnaireId: asId<QuestionnaireId>(params.questionnaireId)
		})
	);
	const table = responsesTable(data, locals.locale, config().timeZone);
	const name = exportFileName(data.questionnaire.title, 'csv');
	return new Response(toCsv(table.header, table.rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="responses.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
			'cache-control': 'private, no-store'
		}
	});
};

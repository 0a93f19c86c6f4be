import { asId, type GroupId } from '$lib/server/domain/ids';
import { getLegacyImport } from '$lib/server/domain/materials/get-legacy-import';
import { actorCtx } from '$lib/server/web/context';
import { redirectWithResult } from '$lib/server/web/form-results';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import type { PageServerLoad } from './$types';

// A new material's .doc being converted by LibreOffice in a job: this page refreshes itself
// (no JavaScript needed) until the job is done, then opens the editor with the import's report.
export const load: PageServerLoad = async (event) => {
	const { locals, params } = event;
	const groupId = asId<GroupId>(params.groupId);
	const found = await orHttpError(
		getLegacyImport(actorCtx(locals), { groupId, jobId: params.jobId })
	);
	const draft = `/groups/${groupId}/materials/${found.materialId}`;
	if (found.state === 'done')
		await redirectWithResult(event, `${draft}/edit`, {
			imported: true,
			warnings: found.warnings.map((w) => translate(w.key, w.params))
		});
	return {
		self: `/groups/${groupId}/materials/new/word/${params.jobId}`,
		draft,
		converting: found.state === 'converting',
		failure: found.state === 'failed' ? translate(found.reason, found.params) : null
	};
};

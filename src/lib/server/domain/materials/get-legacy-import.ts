import { AppError } from '../../errors';
import type { ImportWarning } from '../../richtext/import-docx';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import type { MaterialId } from '../ids';
import { legacyFailureKeys, legacyImportJob } from './import-legacy-job';
import { getLegacyImportInput, type GetLegacyImportInput } from './input';
import { canEditMaterial } from './policy';
import { assertEditable, materialAccess } from './queries';

export type LegacyImportState =
	| { state: 'converting' }
	| { state: 'done'; warnings: ImportWarning[] }
	| {
			state: 'failed';
			reason: (typeof legacyFailureKeys)[number] | 'import_legacy_failed';
			/** What the reason's message names: the limit, the file. */
			params: Record<string, string | number>;
	  };

const known = new Set<string>(legacyFailureKeys);

/**
 * How the conversion of a new material's .doc stands, for the material's authors: still
 * converting, done (with what could not be imported), or refused and why.
 */
export async function getLegacyImport(
	{ db, actor }: Ctx,
	input: GetLegacyImportInput
): Promise<{ materialId: MaterialId } & LegacyImportState> {
	const { groupId, jobId } = validate(getLegacyImportInput, input);
	const job = await legacyImportJob(db, jobId);
	if (!job || job.payload.groupId !== groupId) throw new AppError('not_found', 'error_not_found');
	const access = await materialAccess(db, actor, groupId, job.payload.materialId);
	assertEditable(canEditMaterial(actor, access, access.material.status), access);
	const materialId = job.payload.materialId as MaterialId;
	if (job.status === 'failed') {
		const reason = (
			job.error && known.has(job.error) ? job.error : 'import_legacy_failed'
		) as (typeof legacyFailureKeys)[number];
		// The values its message names, as the job kept them; the file by its name.
		const file = await db
			.selectFrom('materialAttachments')
			.select('name')
			.where('blobKey', '=', job.payload.blobKey)
			.executeTakeFirst();
		const params = { name: file?.name ?? '', ...job.payload.failure?.params };
		return { materialId, state: 'failed', reason, params };
	}
	if (job.status !== 'done') return { materialId, state: 'converting' };
	const result = job.payload.result;
	return {
		materialId,
		state: 'done',
		warnings: result && 'warnings' in result ? result.warnings : []
	};
}

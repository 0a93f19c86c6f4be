import { readFile } from 'node:fs/promises';
import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import type { ReceivedFile } from '../../files/receive';
import { sniffFile } from '../../files/sniff';
import { storeReceived } from '../../files/store-received';
import { enqueueJob } from '../../jobs/queue';
import { wakeJobRunner } from '../../jobs/runner';
import { takeConversion } from '../../richtext/conversion-quota';
import type { ImportWarning } from '../../richtext/import-docx';
import { ValidationError } from '../../validation';
import { withDb, type Ctx } from '../context';
import { asId, type MaterialId } from '../ids';
import { insertAttachments, MAX_ATTACHMENTS } from './attach-files';
import { checkNewMaterial, insertMaterial } from './create-material';
import { LEGACY_IMPORT_JOB, type LegacyImportPayload } from './import-legacy-job';
import { convertWordFile, importTooLarge, MAX_IMPORT_BYTES, withStoredImages } from './import-word';
import type { CreateMaterialWithFilesInput } from './input';

/** How the body began: typed, imported from a .docx now, or a .doc converting in a job. */
export type StartedBody =
	{ from: 'form' } | { from: 'docx'; warnings: ImportWarning[] } | { from: 'doc'; jobId: string };

const refuse = (
	field: string,
	key: 'materials_new_import_not_word' | 'import_legacy_no_converter'
) => new ValidationError([{ field, key }]);

/**
 * §3.3 with the "new material" page's files: the draft is created with the body of a Word
 * file and the attached files in one step. Everything is checked before anything is kept
 * (the fields, each file's type by its content, the sizes), so a refusal saves nothing. A
 * .docx is converted now; a Word 97–2003 .doc is kept among the files and converted by
 * LibreOffice in a job, where the deployment has it.
 */
export async function createMaterialWithFiles(
	ctx: Ctx,
	input: CreateMaterialWithFilesInput
): Promise<{ materialId: MaterialId; body: StartedBody; attached: number }> {
	const { db, actor, now, store } = ctx;
	const fields = await checkNewMaterial(db, actor, input);
	const word = await wordKind(input.word, input.convertsLegacy);
	// Every file's type before the conversion is paid for (storeReceived checks them again).
	for (const file of input.files)
		if (!(await sniffFile(file.path)))
			throw new ValidationError([
				{ field: 'files', key: 'error_file_type', params: { name: file.name } }
			]);
	const count = input.files.length + (word?.kind === 'doc' ? 1 : 0);
	if (count > MAX_ATTACHMENTS)
		throw new ValidationError([
			{ field: 'files', key: 'error_too_many_files', params: { max: MAX_ATTACHMENTS } }
		]);

	let imported: Awaited<ReturnType<typeof convertWordFile>> | null = null;
	if (word) await takeConversion(db, actor.id, now);
	if (word?.kind === 'docx')
		imported = await convertWordFile(new Uint8Array(await readFile(word.file.path)));
	const toStore = word?.kind === 'doc' ? [...input.files, word.file] : input.files;
	const stored = await storeReceived(store, toStore);

	const materialId = asId<MaterialId>(newId());
	const body = await inTransaction(db, async (trx): Promise<StartedBody> => {
		const target = { groupId: fields.groupId, materialId };
		// A Word file replaces the typed body, as the import on the edit page does; a .doc's
		// body stays empty until its job fills it.
		await insertMaterial(withDb(ctx, trx), materialId, fields, () =>
			imported ? withStoredImages(trx, store, target, imported, now) : word ? '' : fields.body
		);
		await insertAttachments(trx, { ...target, stored, actorId: actor.id, now }, input);
		if (imported) return { from: 'docx', warnings: imported.warnings };
		if (word?.kind !== 'doc') return { from: 'form' };
		const doc = stored.at(-1)!;
		const payload: LegacyImportPayload = { ...target, blobKey: doc.blobKey, size: doc.size };
		const jobId = await enqueueJob(trx, LEGACY_IMPORT_JOB, payload, { now });
		return { from: 'doc', jobId };
	});
	if (body.from === 'doc') wakeJobRunner();
	return { materialId, body, attached: input.files.length };
}

/** The Word file to start from, judged by its content, or null when none was chosen. */
async function wordKind(
	file: ReceivedFile | null,
	convertsLegacy: boolean
): Promise<{ kind: 'docx' | 'doc'; file: ReceivedFile } | null> {
	if (!file) return null;
	const kind = (await sniffFile(file.path))?.kind;
	if (kind === 'doc') {
		if (!convertsLegacy) throw refuse('docx', 'import_legacy_no_converter');
		if (file.size > MAX_IMPORT_BYTES) throw importTooLarge(file.name);
		return { kind, file };
	}
	if (kind !== 'docx') throw refuse('docx', 'materials_new_import_not_word');
	// Read whole for the conversion, so bounded first.
	if (file.size > MAX_IMPORT_BYTES) throw importTooLarge(file.name);
	return { kind, file };
}

import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { config } from '../../config.js';
import { inTransaction } from '../../db/transaction';
import type { DB, Job } from '../../db/types';
import { AppError } from '../../errors';
import { convertDocToDocx, type LibreOfficeSettings } from '../../files/libreoffice';
import { JobFailure, registerJob } from '../../jobs/runner';
import { log } from '../../log';
import type { ImportWarning } from '../../richtext/import-docx';
import type { BlobStore } from '../../storage/types';
import { ValidationError } from '../../validation';
import type { AnonymousCtx } from '../context';
import { prepareBody } from './body';
import { convertWordFile, MAX_IMPORT_BYTES, withStoredImages } from './import-word';

// A Word 97–2003 file chosen on the "new material" page: the draft is saved at once with the
// .doc among its files, and this job converts it with LibreOffice (a child process with time
// and memory limits, files/libreoffice.ts), then imports the .docx as any Word file is.

export const LEGACY_IMPORT_JOB = 'import_legacy_word';

/** What the job is given; `result` is written back into the payload when it is done. */
export interface LegacyImportPayload {
	groupId: string;
	materialId: string;
	/** The .doc among the material's files (its blob key and size). */
	blobKey: string;
	size: number;
	result?: { warnings: ImportWarning[] } | { skipped: true };
	/** A refusal's values (the limit, the file's name) for its message; the key is the job's error. */
	failure?: { params: Record<string, string | number> };
}

/** The message keys a failed conversion may leave in the job's `error` for its page. */
export const legacyFailureKeys = [
	'import_legacy_timeout',
	'import_legacy_unreadable',
	'import_legacy_no_converter',
	'error_file_too_large',
	'error_too_long',
	'error_file_corrupt',
	'error_zip_bomb'
] as const;

/**
 * Converts the .doc and fills the draft's body with it. The body is written only while it
 * is still empty: an author who typed meanwhile keeps what they typed.
 */
export async function importLegacyWord(
	{ db, store, now }: AnonymousCtx,
	job: { id: string; payload: LegacyImportPayload },
	settings: LibreOfficeSettings | undefined
): Promise<LegacyImportPayload['result']> {
	const { groupId, materialId, blobKey, size } = job.payload;
	const material = await db
		.selectFrom('materials')
		.select(['bodyHtml'])
		.where('id', '=', materialId)
		.executeTakeFirst();
	let result: LegacyImportPayload['result'] = { skipped: true };
	const save = (payload: LegacyImportPayload) =>
		db
			.updateTable('jobs')
			.set({ payload: JSON.stringify(payload) })
			.where('id', '=', job.id)
			.execute();
	if (material && material.bodyHtml === '') {
		if (!settings) throw new JobFailure('import_legacy_no_converter');
		const imported = await refused(
			async () => {
				// The limit is checked on the recorded size, before a byte is read.
				if (size > MAX_IMPORT_BYTES)
					throw new AppError('invalid', 'error_file_too_large', {
						params: { max: MAX_IMPORT_BYTES / (1024 * 1024) }
					});
				return convertWordFile(await convertStored(store, blobKey, settings));
			},
			(params) => save({ ...job.payload, failure: { params } })
		);
		const filled = await inTransaction(db, async (trx) => {
			// The author may have typed a body during the conversion: theirs stays, and no
			// picture of the import is stored for nothing.
			const still = await trx
				.selectFrom('materials')
				.select('bodyHtml')
				.where('id', '=', materialId)
				.executeTakeFirst();
			if (still?.bodyHtml !== '') return false;
			const target = { groupId, materialId };
			const html = await withStoredImages(trx, store, target, imported, now);
			const body = await prepareBody(trx, store, target, html, now);
			await trx
				.updateTable('materials')
				.set({ bodyHtml: body.html, bodyText: body.text, updatedAt: now })
				.where('id', '=', materialId)
				.where('bodyHtml', '=', '')
				.execute();
			return true;
		});
		if (filled) result = { warnings: imported.warnings };
	}
	await save({ ...job.payload, result });
	return result;
}

/** The .docx of a stored .doc: the blob to a private temporary file, then LibreOffice. */
async function convertStored(
	store: BlobStore,
	blobKey: string,
	settings: LibreOfficeSettings
): Promise<Uint8Array> {
	const dir = await mkdtemp(path.join(os.tmpdir(), 'ustat-legacy-'));
	try {
		const file = path.join(dir, 'source.doc');
		await pipeline(await store.read(blobKey), createWriteStream(file, { mode: 0o600 }));
		const converted = await convertDocToDocx(file, settings, MAX_IMPORT_BYTES);
		log.info({ ms: converted.ms, bytes: converted.bytes.length }, 'legacy Word file converted');
		return converted.bytes;
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

/**
 * A refusal of the file becomes the job's failure, named by its message key (the page
 * translates it); a busy conversion worker is tried again later.
 */
async function refused<T>(
	work: () => Promise<T>,
	keep: (params: Record<string, string | number>) => Promise<unknown>
): Promise<T> {
	try {
		return await work();
	} catch (error) {
		const issue = error instanceof ValidationError ? error.issues[0] : undefined;
		if (issue) {
			await keep(issue.params ?? {});
			throw new JobFailure(issue.key);
		}
		if (error instanceof AppError) {
			await keep(error.params ?? {});
			throw new JobFailure(error.messageKey, error.code !== 'invalid');
		}
		throw error;
	}
}

const payloadOf = (job: Job) => JSON.parse(job.payload) as LegacyImportPayload;

registerJob(LEGACY_IMPORT_JOB, async (job, { db, files }) => {
	await importLegacyWord(
		{ db, store: files, now: new Date() },
		{ id: job.id, payload: payloadOf(job) },
		config().libreOffice
	);
});

/** The job row of a conversion, for its page. */
export async function legacyImportJob(db: DB, jobId: string) {
	const job = await db
		.selectFrom('jobs')
		.select(['id', 'status', 'error', 'payload'])
		.where('id', '=', jobId)
		.where('kind', '=', LEGACY_IMPORT_JOB)
		.executeTakeFirst();
	return job ? { ...job, payload: payloadOf(job as Job) } : null;
}

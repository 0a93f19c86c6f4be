import { createHash } from 'node:crypto';
import type { DB, Job } from '../../db/types';
import type { CollectionModel } from '../../export/collection/model';
import { renderCollection, RenderError } from '../../export/collection/render';
import { JobFailure, registerJob, type JobContext } from '../../jobs/runner';
import { log } from '../../log';
import type { BlobStore } from '../../storage/types';

export const COMPILE_JOB = 'compile_collection';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF_MIME = 'application/pdf';

async function readBlob(files: BlobStore, key: string): Promise<Uint8Array> {
	const chunks: Buffer[] = [];
	for await (const chunk of await files.read(key)) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

async function store(files: BlobStore, bytes: Uint8Array, mime: string) {
	const key = createHash('sha256').update(bytes).digest('hex');
	await files.putBytes(key, bytes, mime);
	return { key, size: bytes.length };
}

/**
 * Makes the DOCX and the PDF of one edition from its frozen content. The edition row is
 * written only by the job it names (`jobId`): a job taken for dead and given to another
 * worker cannot overwrite what the new one did. The files are content-addressed, so two
 * workers storing the same document store one file.
 */
export async function compileEdition(
	job: Job,
	{ db, files, heartbeat }: JobContext
): Promise<void> {
	const { editionId } = JSON.parse(job.payload) as { editionId: string };
	const started = new Date();
	const edition = await db
		.updateTable('collectionEditions')
		.set({ status: 'compiling', progress: 5, startedAt: started })
		.where('id', '=', editionId)
		.where('jobId', '=', job.id)
		.where('status', 'in', ['queued', 'compiling'])
		.returning(['model'])
		.executeTakeFirst();
	if (!edition) return; // retried or superseded meanwhile: nothing left to do
	const model = JSON.parse(edition.model) as CollectionModel;
	let shown = 5;
	let writing = Promise.resolve();
	const onProgress = (percent: number) => {
		const value = Math.min(95, Math.max(shown, Math.round(percent)));
		if (value - shown < 5) return;
		shown = value;
		// Progress is a courtesy: a failed write (a busy database) is logged, never fatal.
		writing = writing.then(() =>
			db
				.updateTable('collectionEditions')
				.set({ progress: value })
				.where('id', '=', editionId)
				.where('jobId', '=', job.id)
				.where('status', '=', 'compiling')
				.execute()
				.then(
					() => undefined,
					(err: unknown) => log.warn({ err, job: job.id }, 'edition progress not written')
				)
		);
	};
	// A long render sends no progress for a while: keep the claim alive meanwhile.
	const alive = setInterval(
		() =>
			void heartbeat().catch((err: unknown) =>
				log.warn({ err, job: job.id }, 'job heartbeat not written')
			),
		30_000
	);
	try {
		const rendered = await renderCollection(model, (key) => readBlob(files, key), { onProgress });
		await writing;
		if (rendered.droppedImages > 0)
			log.warn({ job: job.id, dropped: rendered.droppedImages }, 'pictures left out of an edition');
		const docx = await store(files, rendered.docx, DOCX_MIME);
		const pdf = await store(files, rendered.pdf, PDF_MIME);
		await db
			.updateTable('collectionEditions')
			.set({
				status: 'done',
				progress: 100,
				docxKey: docx.key,
				docxSize: docx.size,
				pdfKey: pdf.key,
				pdfSize: pdf.size,
				pdfPages: rendered.pdfPages,
				docxMs: Math.round(rendered.docxMs),
				pdfMs: Math.round(rendered.pdfMs),
				droppedImages: rendered.droppedImages,
				errorCode: null,
				finishedAt: new Date()
			})
			.where('id', '=', editionId)
			.where('jobId', '=', job.id)
			.where('status', '=', 'compiling')
			.execute();
	} catch (error) {
		await writing;
		if (!(error instanceof RenderError)) throw error; // the runner retries, then editionFailed
		await markFailed(db, editionId, job.id, error.code);
		throw new JobFailure(`${error.code}: ${error.message}`);
	} finally {
		clearInterval(alive);
	}
}

async function markFailed(db: DB, editionId: string, jobId: string, code: string): Promise<void> {
	await db
		.updateTable('collectionEditions')
		.set({ status: 'failed', errorCode: code, finishedAt: new Date() })
		.where('id', '=', editionId)
		.where('jobId', '=', jobId)
		.where('status', 'in', ['queued', 'compiling'])
		.execute();
}

/** The job failed for good for another reason (its worker died, the store was down). */
async function editionFailed(db: DB, job: Job): Promise<void> {
	const { editionId } = JSON.parse(job.payload) as { editionId: string };
	await markFailed(db, editionId, job.id, 'render_failed');
}

registerJob(COMPILE_JOB, compileEdition, editionFailed);

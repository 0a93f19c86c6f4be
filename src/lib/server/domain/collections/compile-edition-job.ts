import { createHash } from 'node:crypto';
import { inTransaction } from '../../db/transaction';
import type { DB, Job } from '../../db/types';
import type { CollectionModel } from '../../export/collection/model';
import { renderCollection, RenderError } from '../../export/collection/render';
import { JobFailure, registerJob } from '../../jobs/runner';
import { log } from '../../log';
import { links, notify } from '../../notify';
import type { BlobStore } from '../../storage/types';
import type { AnonymousCtx } from '../context';

export const COMPILE_JOB = 'compile_collection';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const PDF_MIME = 'application/pdf';

async function readBlob(store: BlobStore, key: string): Promise<Uint8Array> {
	const chunks: Buffer[] = [];
	for await (const chunk of await store.read(key)) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

async function keep(store: BlobStore, bytes: Uint8Array, mime: string) {
	const key = createHash('sha256').update(bytes).digest('hex');
	await store.putBytes(key, bytes, mime);
	return { key, size: bytes.length };
}

/** What the compile job was given, and its hold on the queue. */
export interface CompileEditionInput {
	/** The edition to make (its frozen content is in its row). */
	editionId: string;
	/** The job doing it: only this job may write the edition's row. */
	jobId: string;
	/** Renews the job's claim while a long render runs. */
	heartbeat: () => Promise<boolean>;
}

/**
 * Makes the DOCX and the PDF of one edition from its frozen content. The edition row is
 * written only by the job it names (`jobId`): a job taken for dead and given to another
 * worker cannot overwrite what the new one did. The files are content-addressed, so two
 * workers storing the same document store one file.
 */
export async function compileEdition(
	{ db, store, now }: AnonymousCtx,
	{ editionId, jobId, heartbeat }: CompileEditionInput
): Promise<void> {
	const edition = await db
		.updateTable('collectionEditions')
		.set({ status: 'compiling', progress: 5, startedAt: now })
		.where('id', '=', editionId)
		.where('jobId', '=', jobId)
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
				.where('jobId', '=', jobId)
				.where('status', '=', 'compiling')
				.execute()
				.then(
					() => undefined,
					(err: unknown) => log.warn({ err, job: jobId }, 'edition progress not written')
				)
		);
	};
	// A long render sends no progress for a while: keep the claim alive meanwhile.
	const alive = setInterval(
		() =>
			void heartbeat().catch((err: unknown) =>
				log.warn({ err, job: jobId }, 'job heartbeat not written')
			),
		30_000
	);
	try {
		const rendered = await renderCollection(model, (key) => readBlob(store, key), { onProgress });
		await writing;
		if (rendered.droppedImages > 0)
			log.warn({ job: jobId, dropped: rendered.droppedImages }, 'pictures left out of an edition');
		const docx = await keep(store, rendered.docx, DOCX_MIME);
		const pdf = await keep(store, rendered.pdf, PDF_MIME);
		const finishedAt = new Date();
		await inTransaction(db, async (trx) => {
			const done = await trx
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
					// The render took a while since `now`: the moment it ended.
					finishedAt
				})
				.where('id', '=', editionId)
				.where('jobId', '=', jobId)
				.where('status', '=', 'compiling')
				.executeTakeFirst();
			if (Number(done.numUpdatedRows) === 1)
				await tellLeader(trx, editionId, 'edition.compiled', editionId, finishedAt);
		});
	} catch (error) {
		await writing;
		if (!(error instanceof RenderError)) throw error; // the runner retries, then editionFailed
		await markFailed(db, editionId, jobId, error.code);
		throw new JobFailure(`${error.code}: ${error.message}`);
	} finally {
		clearInterval(alive);
	}
}

async function markFailed(db: DB, editionId: string, jobId: string, code: string): Promise<void> {
	const finishedAt = new Date();
	await inTransaction(db, async (trx) => {
		const failed = await trx
			.updateTable('collectionEditions')
			.set({ status: 'failed', errorCode: code, finishedAt })
			.where('id', '=', editionId)
			.where('jobId', '=', jobId)
			.where('status', 'in', ['queued', 'compiling'])
			.executeTakeFirst();
		// A failed edition may be compiled again: each failing job is its own event.
		if (Number(failed.numUpdatedRows) === 1)
			await tellLeader(trx, editionId, 'edition.failed', `${editionId}:${jobId}`, finishedAt);
	});
}

/** The leader learns that the edition is ready, or that it failed (nobody acted: a job). */
async function tellLeader(
	db: DB,
	editionId: string,
	kind: 'edition.compiled' | 'edition.failed',
	key: string,
	now: Date
): Promise<void> {
	const edition = await db
		.selectFrom('collectionEditions as e')
		.innerJoin('collections as c', 'c.id', 'e.collectionId')
		.select(['e.number', 'e.collectionId', 'c.groupId', 'c.title'])
		.where('e.id', '=', editionId)
		.executeTakeFirstOrThrow();
	await notify(
		{ db, now, actor: null },
		{
			kind,
			key,
			groupId: edition.groupId,
			subject: edition.title,
			link: links.edition(edition.groupId, edition.collectionId, edition.number),
			params: { number: String(edition.number) }
		}
	);
}

const editionOf = (job: Job) => (JSON.parse(job.payload) as { editionId: string }).editionId;

/** The job failed for good for another reason (its worker died, the store was down). */
async function editionFailed(db: DB, job: Job): Promise<void> {
	await markFailed(db, editionOf(job), job.id, 'render_failed');
}

// The runner hands over the job and its own context; the job starts now.
registerJob(
	COMPILE_JOB,
	(job, { db, files, heartbeat }) =>
		compileEdition(
			{ db, store: files, now: new Date() },
			{ editionId: editionOf(job), jobId: job.id, heartbeat }
		),
	editionFailed
);

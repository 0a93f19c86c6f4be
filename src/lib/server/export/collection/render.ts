import { startWorkerThread } from '../../worker-thread';
// Renders an edition to DOCX and PDF in a worker thread, so the main thread (which serves web
// requests) stays free: the pictures are read here, handed over to the worker with the model,
// and the two documents come back. One worker per render, ended when it replies or times out.
//
// The worker's code: in production the SvelteKit build doesn't hold it, so scripts/build-workers.js
// bundles render-worker.ts into $USTAT_WORKERS_DIR/render-collection.mjs (set by scripts/start.js).
// Without USTAT_WORKERS_DIR (tests, `vite dev`) the TypeScript source runs through tsx: its
// CommonJS hook, because tsx's ESM hooks don't load in worker threads before Node 22.22.
import { Worker } from 'node:worker_threads';
import { BlobNotFoundError } from '../../storage/types.js';
import type { CollectionModel, ImageSource } from './model.js';
import type { RenderReply, RenderRequest } from './render-worker.js';

export interface RenderedCollection {
	docx: Uint8Array;
	pdf: Uint8Array;
	pdfPages: number;
	docxMs: number;
	pdfMs: number;
	/** Pictures left out because they couldn't be read or decoded. */
	droppedImages: number;
}

export type RenderErrorCode = 'render_docx' | 'render_pdf' | 'render_timeout' | 'render_crashed';

/** A failed render. The message is for the logs (it may hold Typst diagnostics), not for users. */
export class RenderError extends Error {
	override name = 'RenderError';

	constructor(
		readonly code: RenderErrorCode,
		message: string,
		options?: ErrorOptions
	) {
		super(message, options);
	}
}

export interface RenderOptions {
	/** Called with 15 (pictures ready), 40 (DOCX built) and 100 (done). */
	onProgress?: (percent: number) => void;
	/** The worker is ended after this long (default 180 s). */
	timeoutMs?: number;
}

export const DEFAULT_RENDER_TIMEOUT_MS = 180_000;
export const WORKER_FILE = 'render-collection.mjs';
/** A variable, not a literal in `new URL(…)`: Vite would otherwise take the source for an asset. */
const WORKER_SOURCE = './render-worker.ts';
// A larger young generation: building the DOCX makes many short-lived objects.
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 1536, maxYoungGenerationSizeMb: 96 };

function startWorker(): Worker {
	return startWorkerThread({
		builtFile: WORKER_FILE,
		source: new URL(WORKER_SOURCE, import.meta.url),
		resourceLimits: RESOURCE_LIMITS
	});
}

/** Whether the bytes own their whole (non-shared) ArrayBuffer, so it can be handed over. */
function ownsBuffer(bytes: Uint8Array): boolean {
	return (
		bytes.buffer instanceof ArrayBuffer &&
		bytes.byteOffset === 0 &&
		bytes.byteLength === bytes.buffer.byteLength
	);
}

async function readImages(
	model: CollectionModel,
	readImage: ImageSource
): Promise<{ images: RenderRequest['images']; unreadable: number }> {
	const images: RenderRequest['images'] = [];
	let unreadable = 0;
	for (const key of new Set(model.images.map((image) => image.key))) {
		try {
			const bytes = await readImage(key);
			images.push({ key, bytes: ownsBuffer(bytes) ? bytes : new Uint8Array(bytes) });
		} catch (error) {
			// A picture whose file is gone is left out (and counted); a store that fails (a full
			// disk, an unreachable S3) fails the render, so the job is tried again later.
			if (!(error instanceof BlobNotFoundError)) throw error;
			unreadable++;
		}
	}
	return { images, unreadable };
}

/** Runs the worker on a request; `stop` ends it (on time-out). */
function runWorker(
	request: RenderRequest,
	onProgress: (percent: number) => void
): {
	done: Promise<Omit<RenderedCollection, 'droppedImages'> & { dropped: number }>;
	stop: () => void;
} {
	let worker: Worker | undefined;
	let stop = () => {};
	const done = new Promise<Omit<RenderedCollection, 'droppedImages'> & { dropped: number }>(
		(resolve, reject) => {
			let settled = false;
			const finish = (error: RenderError | null, value?: Parameters<typeof resolve>[0]) => {
				if (settled) return;
				settled = true;
				void worker?.terminate();
				if (error || !value) reject(error ?? new RenderError('render_crashed', 'no reply'));
				else resolve(value);
			};
			stop = () => finish(new RenderError('render_timeout', 'render stopped'));
			try {
				worker = startWorker();
			} catch (error) {
				finish(
					new RenderError('render_crashed', `could not start the render worker: ${String(error)}`)
				);
				return;
			}
			worker.on('message', (reply: RenderReply) => {
				if (reply.type === 'progress') onProgress(reply.percent);
				else if (reply.type === 'error') finish(new RenderError(reply.code, reply.message));
				else {
					finish(null, {
						docx: reply.docx,
						pdf: reply.pdf,
						pdfPages: reply.pdfPages,
						docxMs: reply.docxMs,
						pdfMs: reply.pdfMs,
						dropped: reply.droppedImages
					});
				}
			});
			worker.on('error', (error) =>
				finish(
					new RenderError('render_crashed', `render worker failed: ${error.message}`, {
						cause: error
					})
				)
			);
			worker.on('exit', (code) =>
				finish(
					new RenderError('render_crashed', `render worker exited (code ${code}) without a reply`)
				)
			);
			try {
				worker.postMessage(
					request,
					request.images.map(({ bytes }) => bytes.buffer as ArrayBuffer)
				);
			} catch {
				// Some buffers (made by native code) can't be transferred: copy them all.
				try {
					worker.postMessage(request);
				} catch (error) {
					finish(
						new RenderError(
							'render_crashed',
							`could not post to the render worker: ${String(error)}`
						)
					);
				}
			}
		}
	);
	return { done, stop };
}

/**
 * Renders an edition. The bytes `readImage` returns are handed over to the worker (their buffer
 * is detached when it is theirs alone): return a fresh array each call. A picture that can't be
 * read or decoded is left out and counted in `droppedImages`. The time-out covers reading the
 * pictures too.
 */
export async function renderCollection(
	model: CollectionModel,
	readImage: ImageSource,
	options: RenderOptions = {}
): Promise<RenderedCollection> {
	const timeoutMs = options.timeoutMs ?? DEFAULT_RENDER_TIMEOUT_MS;
	const progress = (percent: number) => {
		try {
			options.onProgress?.(percent);
		} catch {
			// A failing progress report must not fail the render.
		}
	};
	let stopWorker = () => {};
	let timer: ReturnType<typeof setTimeout> | undefined;
	const expired = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(() => {
			stopWorker();
			reject(new RenderError('render_timeout', `render took longer than ${timeoutMs} ms`));
		}, timeoutMs);
	});
	try {
		const { images, unreadable } = await Promise.race([readImages(model, readImage), expired]);
		const run = runWorker({ model, images }, progress);
		stopWorker = run.stop;
		const { dropped, ...rendered } = await Promise.race([run.done, expired]);
		progress(100);
		return { ...rendered, droppedImages: dropped + unreadable };
	} finally {
		clearTimeout(timer);
		stopWorker();
	}
}

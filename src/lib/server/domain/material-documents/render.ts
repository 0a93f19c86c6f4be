import { startWorkerThread } from '../../worker-thread';
// Renders one material's DOCX or PDF in a worker thread, so the thread serving web requests
// stays free (as the collection's export does, export/collection/render.ts): the pictures are
// read here and handed over with the document; the worker is ended when it replies or when
// the time is up.
//
// The worker's code: in production scripts/build-workers.js bundles render-worker.ts into
// $USTAT_WORKERS_DIR/render-material.mjs; without it (tests, `vite dev`) the TypeScript source
// runs through tsx's CommonJS hook.
import { Worker } from 'node:worker_threads';
import type { ImageSource, MaterialDocument, CollectionImage } from '../../export/collection/model';
import { RenderError } from '../../export/collection/render';
import { BlobNotFoundError } from '../../storage/types';
import type { MaterialRenderReply, MaterialRenderRequest } from './render-worker';

export const MATERIAL_WORKER_FILE = 'render-material.mjs';
/** One material is small: a minute is far more than it takes. */
export const MATERIAL_RENDER_TIMEOUT_MS = 60_000;
/** A variable, not a literal in `new URL(…)`: Vite would otherwise take the source for an asset. */
const WORKER_SOURCE = './render-worker.ts';
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 768, maxYoungGenerationSizeMb: 64 };

function startWorker(): Worker {
	return startWorkerThread({
		builtFile: MATERIAL_WORKER_FILE,
		source: new URL(WORKER_SOURCE, import.meta.url),
		resourceLimits: RESOURCE_LIMITS
	});
}

async function readImages(images: CollectionImage[], readImage: ImageSource) {
	const out: MaterialRenderRequest['images'] = [];
	for (const key of new Set(images.map((image) => image.key))) {
		try {
			const bytes = await readImage(key);
			out.push({ key, bytes: new Uint8Array(bytes) });
		} catch (error) {
			// A lost picture is left out; a failing store fails the render.
			if (!(error instanceof BlobNotFoundError)) throw error;
		}
	}
	return out;
}

/** Builds the document in a worker; throws RenderError on failure or time-out. */
export async function renderMaterialDocument(
	document: MaterialDocument,
	images: CollectionImage[],
	format: 'docx' | 'pdf',
	readImage: ImageSource,
	timeoutMs = MATERIAL_RENDER_TIMEOUT_MS
): Promise<Uint8Array> {
	const code = format === 'docx' ? 'render_docx' : 'render_pdf';
	let worker: Worker | undefined;
	let timer: ReturnType<typeof setTimeout> | undefined;
	try {
		return await new Promise<Uint8Array>((resolve, reject) => {
			let settled = false;
			const finish = (error: RenderError | null, bytes?: Uint8Array) => {
				if (settled) return;
				settled = true;
				if (error || !bytes) reject(error ?? new RenderError('render_crashed', 'no reply'));
				else resolve(bytes);
			};
			timer = setTimeout(
				() => finish(new RenderError('render_timeout', `render took longer than ${timeoutMs} ms`)),
				timeoutMs
			);
			readImages(images, readImage).then(
				(pictures) => {
					if (settled) return;
					try {
						worker = startWorker();
					} catch (error) {
						finish(
							new RenderError('render_crashed', `could not start the worker: ${String(error)}`)
						);
						return;
					}
					worker.on('message', (reply: MaterialRenderReply) => {
						if (reply.type === 'done') finish(null, reply.bytes);
						else finish(new RenderError(code, reply.message));
					});
					worker.on('error', (error) =>
						finish(new RenderError('render_crashed', `render worker failed: ${error.message}`))
					);
					worker.on('exit', (exit) =>
						finish(new RenderError('render_crashed', `render worker exited (code ${exit})`))
					);
					const request: MaterialRenderRequest = { document, format, images: pictures };
					worker.postMessage(
						request,
						pictures.map(({ bytes }) => bytes.buffer as ArrayBuffer)
					);
				},
				(error: unknown) => reject(error instanceof Error ? error : new Error(String(error)))
			);
		});
	} finally {
		clearTimeout(timer);
		void worker?.terminate();
	}
}

// The worker thread that renders one edition (see render.ts): normalizes the pictures, builds the
// DOCX, compiles the PDF and posts both back. One worker per render; it exits when done.
// No top-level await: in development this file is loaded through tsx's CommonJS hook.
import { parentPort } from 'node:worker_threads';
import { buildCollectionDocx } from './docx.js';
import { normalizeImages } from './images.js';
import type { CollectionModel } from './model.js';
import { buildCollectionPdf } from './typst.js';

export interface RenderRequest {
	model: CollectionModel;
	images: { key: string; bytes: Uint8Array }[];
}

export type RenderReply =
	| { type: 'progress'; percent: number }
	| {
			type: 'done';
			docx: Uint8Array;
			pdf: Uint8Array;
			pdfPages: number;
			docxMs: number;
			pdfMs: number;
			droppedImages: number;
	  }
	| { type: 'error'; code: 'render_docx' | 'render_pdf'; message: string };

/** A copy that owns its whole ArrayBuffer, so it can be transferred. */
function own(bytes: Uint8Array): Uint8Array {
	const copy = new Uint8Array(bytes.byteLength);
	copy.set(bytes);
	return copy;
}

function errorText(error: unknown): string {
	return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function render(request: RenderRequest, post: (reply: RenderReply) => void): Promise<void> {
	// (libvips' settings are the process's: the worker leaves sharp.cache/concurrency alone.)
	const { images, dropped } = await normalizeImages(
		request.images.map(({ key, bytes }) => [key, bytes] as [string, Uint8Array])
	);
	request.images.length = 0;
	post({ type: 'progress', percent: 15 });

	let docx: Uint8Array;
	const docxStarted = performance.now();
	try {
		docx = await buildCollectionDocx(request.model, images);
	} catch (error) {
		post({ type: 'error', code: 'render_docx', message: errorText(error) });
		return;
	}
	const docxMs = performance.now() - docxStarted;
	post({ type: 'progress', percent: 40 });

	let pdf: { pdf: Uint8Array; pages: number };
	const pdfStarted = performance.now();
	try {
		pdf = buildCollectionPdf(request.model, images);
	} catch (error) {
		post({ type: 'error', code: 'render_pdf', message: errorText(error) });
		return;
	}
	const pdfMs = performance.now() - pdfStarted;
	post({
		type: 'done',
		docx: own(docx),
		pdf: own(pdf.pdf),
		pdfPages: pdf.pages,
		docxMs,
		pdfMs,
		droppedImages: dropped
	});
}

const port = parentPort;
if (port) {
	port.once('message', (request: RenderRequest) => {
		const post = (reply: RenderReply) => {
			if (reply.type === 'done')
				port.postMessage(reply, [
					reply.docx.buffer as ArrayBuffer,
					reply.pdf.buffer as ArrayBuffer
				]);
			else port.postMessage(reply);
		};
		// The main thread ends the worker once it has the reply.
		render(request, post).catch((error: unknown) => {
			// Reached only by a failure outside both builders (the pictures never fail).
			post({ type: 'error', code: 'render_docx', message: errorText(error) });
		});
	});
}

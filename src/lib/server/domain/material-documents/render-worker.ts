// The worker thread that renders one material's DOCX or PDF (see render.ts): normalizes the
// pictures, builds the document and posts it back. One worker per render; it exits when done.
// No top-level await: in development this file is loaded through tsx's CommonJS hook.
import { parentPort } from 'node:worker_threads';
import { buildMaterialDocx } from '../../export/collection/docx.js';
import { normalizeImages } from '../../export/collection/images.js';
import type { MaterialDocument } from '../../export/collection/model.js';
import { buildMaterialPdf } from '../../export/collection/typst.js';

export interface MaterialRenderRequest {
	document: MaterialDocument;
	format: 'docx' | 'pdf';
	images: { key: string; bytes: Uint8Array }[];
}

export type MaterialRenderReply =
	{ type: 'done'; bytes: Uint8Array; droppedImages: number } | { type: 'error'; message: string };

function errorText(error: unknown): string {
	return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

async function render(request: MaterialRenderRequest): Promise<MaterialRenderReply> {
	const { images, dropped } = await normalizeImages(
		request.images.map(({ key, bytes }) => [key, bytes] as [string, Uint8Array])
	);
	const made =
		request.format === 'docx'
			? await buildMaterialDocx(request.document, images)
			: buildMaterialPdf(request.document, images).pdf;
	// A copy that owns its whole buffer, so it can be transferred.
	const bytes = new Uint8Array(made.byteLength);
	bytes.set(made);
	return { type: 'done', bytes, droppedImages: dropped };
}

const port = parentPort;
if (port) {
	port.once('message', (request: MaterialRenderRequest) => {
		render(request).then(
			(reply) =>
				reply.type === 'done'
					? port.postMessage(reply, [reply.bytes.buffer as ArrayBuffer])
					: port.postMessage(reply),
			(error: unknown) => port.postMessage({ type: 'error', message: errorText(error) })
		);
	});
}

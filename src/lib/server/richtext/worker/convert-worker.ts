// The worker thread that converts Word files (see convert.ts): checks the limits, runs mammoth
// and the sanitizer, and posts the result back. It stays up for the next file; the thread
// serving web requests never parses an upload itself. No top-level await: in development this
// file is loaded through tsx's CommonJS hook.
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../errors';
import type { MessageKey } from '../../../i18n/messages';
import type { DocxLimits } from '../docx-guard';
import { replaceImageSources, type BodyImage } from '../images';
import { importDocx, type ImportWarning } from '../import-docx';

export interface ConvertRequest {
	id: number;
	/** import: pictures come back as bytes; preview: inline as data URIs, none returned. */
	mode: 'import' | 'preview';
	bytes: Uint8Array;
	limits?: DocxLimits;
}

export type ConvertReply =
	| { id: number; type: 'done'; html: string; images: BodyImage[]; warnings: ImportWarning[] }
	| { id: number; type: 'refused'; key: MessageKey; params?: Record<string, string | number> }
	| { id: number; type: 'error'; message: string };

async function convert(request: ConvertRequest): Promise<ConvertReply> {
	const { id } = request;
	try {
		const imported = await importDocx(request.bytes, request.limits);
		if (request.mode === 'import') return { id, type: 'done', ...imported };
		const dataUris = new Map(
			imported.images.map((i) => [
				i.placeholder,
				`data:${i.contentType};base64,${Buffer.from(i.bytes).toString('base64')}`
			])
		);
		const html = replaceImageSources(imported.html, (src) => dataUris.get(src) ?? null);
		return { id, type: 'done', html, images: [], warnings: imported.warnings };
	} catch (error) {
		if (error instanceof AppError)
			return { id, type: 'refused', key: error.messageKey, params: error.params };
		return { id, type: 'error', message: error instanceof Error ? error.message : String(error) };
	}
}

const port = parentPort;
if (port) {
	port.on('message', (request: ConvertRequest) => {
		void convert(request).then((reply) => {
			if (reply.type !== 'done') return port.postMessage(reply);
			// Copies that own their buffers, so the pictures are handed over, not cloned.
			const transfer = reply.images.map((image) => {
				const own = image.bytes.slice();
				image.bytes = own;
				return own.buffer as ArrayBuffer;
			});
			port.postMessage(reply, transfer);
		});
	});
}

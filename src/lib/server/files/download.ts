// Serving stored files: streamed, with headers that stop a browser from treating an upload
// as part of our site (no sniffing, sandboxed, downloaded unless known to be harmless).
import type { Readable } from 'node:stream';
import { AppError } from '../errors';
import { toLatin } from '../latin';
import { BlobNotFoundError, type BlobStore } from '../storage/types';

export interface FileResponseOptions {
	/** The name the user gave the file (already safe, see safeFileName). */
	name: string;
	mime: string;
	/** The size recorded at upload; ranges are checked against it. */
	size: number;
	/** Show in the browser rather than download. Honoured only for types that cannot run script. */
	inline: boolean;
	/** The request's Range header. */
	rangeHeader?: string | null;
}

const CSP =
	"sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'";

/** PDF, raster images, audio and video: what a browser may show without running script. */
export function canShowInline(mime: string): boolean {
	return (
		mime === 'application/pdf' ||
		(mime.startsWith('image/') && mime !== 'image/svg+xml') ||
		mime.startsWith('audio/') ||
		mime.startsWith('video/')
	);
}

/**
 * The stored blob `key` as a response: 200 with the whole file, 206 with one requested range,
 * or 416 when the range lies outside the file. Throws AppError 'not_found' when the blob is
 * missing. The blob never changes under its key, so a range always matches the whole.
 */
export async function fileResponse(
	store: BlobStore,
	key: string,
	opts: FileResponseOptions
): Promise<Response> {
	const inline = opts.inline && canShowInline(opts.mime);
	const headers = new Headers({
		'content-type': opts.mime,
		'content-disposition': contentDisposition(inline ? 'inline' : 'attachment', opts.name),
		'x-content-type-options': 'nosniff',
		// Never kept: a shared computer's next user must not find the file in the cache.
		'cache-control': 'private, no-store',
		'accept-ranges': 'bytes',
		etag: `"${key}"`
	});

	// Browsers' PDF viewers show nothing under a sandbox CSP (Chromium runs its viewer as an
	// embedded plugin); a PDF opened inline is left to the viewer, which runs no page script.
	if (!(inline && opts.mime === 'application/pdf')) headers.set('content-security-policy', CSP);

	const range = parseRange(opts.rangeHeader, opts.size);
	if (range === 'unsatisfiable') {
		headers.set('content-range', `bytes */${opts.size}`);
		headers.delete('content-disposition');
		return new Response(null, { status: 416, headers });
	}

	let stream: Readable;
	try {
		stream = await store.read(key, range ?? undefined);
	} catch (err) {
		if (err instanceof BlobNotFoundError) throw new AppError('not_found', 'error_not_found');
		throw err;
	}
	if (range) {
		headers.set('content-range', `bytes ${range.start}-${range.end}/${opts.size}`);
		headers.set('content-length', String(range.end - range.start + 1));
		return new Response(toWebStream(stream), { status: 206, headers });
	}
	headers.set('content-length', String(opts.size));
	return new Response(toWebStream(stream), { status: 200, headers });
}

/**
 * One byte range from a Range header (RFC 9110 §14.1.2), clipped to the file. Null means
 * "send it all": no header, a malformed one, or several ranges (allowed, and simpler).
 */
export function parseRange(
	header: string | null | undefined,
	size: number
): { start: number; end: number } | 'unsatisfiable' | null {
	const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
	if (!match) return null;
	const [, first = '', last = ''] = match;
	if (first === '' && last === '') return null;
	if (first === '') {
		// The last N bytes.
		const suffix = Number(last);
		if (suffix === 0 || size === 0) return 'unsatisfiable';
		return { start: Math.max(0, size - suffix), end: size - 1 };
	}
	const start = Number(first);
	const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
	if (last !== '' && Number(last) < start) return null; // invalid: ignored, per the RFC
	if (start >= size) return 'unsatisfiable';
	return { start, end };
}

/**
 * `attachment; filename="ascii"; filename*=UTF-8''…` (RFC 6266, RFC 8187): every current
 * browser reads the UTF-8 form; the ASCII one is for old clients.
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
	const encoded = encodeURIComponent(name).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
	return `${type}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encoded}`;
}

function asciiFallback(name: string): string {
	const ascii = toLatin(name)
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '') // accents left by NFKD
		.replace(/[^\x20-\x7e]|["\\%]/g, '_')
		.trim();
	return ascii || 'file';
}

/** A web stream that pulls from the Node stream only as fast as the client reads. */
function toWebStream(stream: Readable): ReadableStream<Uint8Array> {
	const chunks = stream[Symbol.asyncIterator]();
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				const { value, done } = await chunks.next();
				if (done) controller.close();
				else controller.enqueue(value as Uint8Array);
			},
			cancel() {
				stream.destroy();
			}
		},
		{ highWaterMark: 0 }
	);
}

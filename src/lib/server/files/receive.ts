// Multipart form intake for uploads: files are streamed to temp files while being hashed and
// counted, so no file is ever held in memory, and a problem with one file still lets the rest
// of the form (the text the user typed) arrive.
import busboy from 'busboy';
import { createHash, randomUUID } from 'node:crypto';
import { open, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';
import { AppError } from '../errors';
import type { MessageKey } from '../../i18n/messages';
import { safeFileName } from './names';

export interface ReceivedFile {
	field: string;
	/** Safe base name (see safeFileName). */
	name: string;
	/** What the browser claimed: a hint only; sniffFile decides. */
	declaredType: string;
	/** The temp file; removed by cleanup() unless the caller moved it. */
	path: string;
	size: number;
	sha256: string;
}

export interface UploadProblem {
	/** The form field the problem belongs to ('' for the form as a whole). */
	field: string;
	key: MessageKey;
	params?: Record<string, string | number>;
}

export interface UploadLimits {
	maxFileBytes: number;
	maxFiles: number;
	maxFieldBytes: number;
	maxFields: number;
	/** All text fields together (a large field allowed once, not fifty times). */
	maxFieldsTotalBytes?: number;
	tmpDir: string;
}

export interface ReceivedForm {
	fields: Record<string, string | string[]>;
	files: ReceivedFile[];
	problems: UploadProblem[];
	/** Removes every temp file this request made. Safe to call more than once. */
	cleanup(): Promise<void>;
}

/** Busboy skips file parts past this many (counting empty inputs): a cap against abuse. */
const EXTRA_FILE_PARTS = 20;

const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/**
 * Reads a multipart/form-data request. Files too large, empty, or beyond maxFiles become
 * `problems` (their data is dropped, the rest of the body is still read). A file input left
 * empty (no name, no bytes) is ignored. Throws AppError 'error_upload_broken' when the body
 * is not multipart or breaks off; its temp files are removed first.
 */
export async function receiveMultipart(
	request: Request,
	limits: UploadLimits
): Promise<ReceivedForm> {
	const fields: Record<string, string | string[]> = Object.create(null);
	const files: ReceivedFile[] = [];
	const problems: UploadProblem[] = [];
	const tempPaths: string[] = [];
	const cleanup = async () => {
		await Promise.all(tempPaths.splice(0).map((file) => unlink(file).catch(() => {})));
	};
	const broken = () => new AppError('invalid', 'error_upload_broken');

	const contentType = request.headers.get('content-type') ?? '';
	// busboy also reads url-encoded forms, which cannot carry files: refuse them here.
	const body = request.body;
	if (!/^multipart\/form-data\s*;/i.test(contentType) || !body) throw broken();
	let parser: busboy.Busboy;
	try {
		parser = busboy({
			headers: { 'content-type': contentType },
			// Browsers send UTF-8 file names; busboy would decode them as Latin-1.
			defParamCharset: 'utf8',
			// We strip paths ourselves (both separators, whatever the client's OS).
			preservePath: true,
			limits: {
				// busboy flags a file that reaches its limit, so one byte more: a file of exactly
				// maxFileBytes is allowed, and one byte past it is seen.
				fileSize: limits.maxFileBytes + 1,
				files: limits.maxFiles + EXTRA_FILE_PARTS,
				fieldSize: limits.maxFieldBytes,
				fields: limits.maxFields
			}
		});
	} catch {
		throw broken();
	}

	let accepted = 0;
	const tooMany = () => {
		if (!problems.some((p) => p.key === 'error_too_many_files'))
			problems.push({ field: '', key: 'error_too_many_files', params: { max: limits.maxFiles } });
	};

	async function takeFile(
		field: string,
		stream: Readable,
		info: busboy.FileInfo
	): Promise<ReceivedFile | undefined> {
		const rawName = info.filename ?? '';
		const name = safeFileName(rawName);
		const file = path.join(limits.tmpDir, `upload-${randomUUID()}`);
		const hash = createHash('sha256');
		let handle: FileHandle | undefined;
		let size = 0;
		let dropped = false;
		let failure: unknown;
		// Consume every chunk whatever happens: busboy waits for each file stream to end, and
		// a destroyed one never does.
		try {
			for await (const chunk of stream as AsyncIterable<Buffer>) {
				if (dropped || failure) continue;
				try {
					if (!handle) {
						// Opened on the first byte, so empty inputs never make a file.
						if (accepted >= limits.maxFiles) {
							dropped = true;
							tooMany();
							continue;
						}
						accepted++;
						tempPaths.push(file);
						handle = await open(file, 'wx');
					}
					hash.update(chunk);
					size += chunk.length;
					await handle.write(chunk);
				} catch (err) {
					failure = err;
				}
			}
		} finally {
			await handle?.close();
		}
		if (failure) throw failure;
		if (dropped) return undefined;
		if (size > limits.maxFileBytes) {
			await forget(file);
			problems.push({
				field,
				key: 'error_file_too_large',
				params: { name, max: megabytes(limits.maxFileBytes) }
			});
			return undefined;
		}
		if (size === 0) {
			if (rawName.trim() !== '')
				problems.push({ field, key: 'error_file_empty', params: { name } });
			return undefined;
		}
		return {
			field,
			name,
			declaredType: info.mimeType,
			path: file,
			size,
			sha256: hash.digest('hex')
		};
	}

	async function forget(file: string): Promise<void> {
		const at = tempPaths.indexOf(file);
		if (at >= 0) tempPaths.splice(at, 1);
		await unlink(file).catch(() => {});
	}

	// In the order the files came: each is written as it streams, and a small file may finish
	// before a large one sent ahead of it.
	const pending: Promise<ReceivedFile | undefined>[] = [];
	parser.on('file', (field, stream, info) => {
		const taking = takeFile(field, stream, info);
		taking.catch(() => {}); // awaited below; this only prevents an unhandled rejection
		pending.push(taking);
	});
	let fieldBytes = 0;
	parser.on('field', (name, value, info) => {
		// Bytes, as busboy's own limit counts them (Kyrgyz letters take two).
		fieldBytes += Buffer.byteLength(value);
		if (info.valueTruncated || fieldBytes > (limits.maxFieldsTotalBytes ?? Infinity)) {
			problems.push({ field: name, key: 'error_upload_field_too_long' });
			return;
		}
		const previous = fields[name];
		if (previous === undefined) fields[name] = value;
		else if (Array.isArray(previous)) previous.push(value);
		else fields[name] = [previous, value];
	});
	parser.on('filesLimit', tooMany);
	parser.on('fieldsLimit', () => problems.push({ field: '', key: 'error_upload_too_many_fields' }));

	try {
		await pipeline(Readable.fromWeb(body as NodeWebStream<Uint8Array>), parser);
	} catch {
		// The body was not multipart or broke off: the client's problem.
		await Promise.allSettled(pending);
		await cleanup();
		throw broken();
	}
	// A failure while writing (a full disk) is ours: it stays a server error.
	const settled = await Promise.allSettled(pending);
	const failed = settled.find((r) => r.status === 'rejected');
	if (failed) {
		await cleanup();
		throw failed.reason;
	}
	for (const r of settled) if (r.status === 'fulfilled' && r.value) files.push(r.value);
	return { fields, files, problems, cleanup };
}

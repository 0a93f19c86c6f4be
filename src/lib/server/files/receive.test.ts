import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { receiveMultipart, type UploadLimits } from './receive';

const MB = 1024 * 1024;
let tmpDir: string;
let limits: UploadLimits;

beforeEach(async () => {
	tmpDir = await mkdtemp(path.join(tmpdir(), 'receive-'));
	limits = { maxFileBytes: MB, maxFiles: 3, maxFieldBytes: 10_000, maxFields: 20, tmpDir };
});
afterEach(async () => {
	await rm(tmpDir, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const post = (body: FormData) => new Request('http://localhost/upload', { method: 'POST', body });

/** A multipart body written by hand, for what FormData would never send. */
function rawRequest(parts: { headers: string; body: string | Uint8Array }[], end = true): Request {
	const boundary = '----ustat-test-boundary';
	const chunks: Buffer[] = [];
	for (const part of parts) {
		chunks.push(Buffer.from(`--${boundary}\r\n${part.headers}\r\n\r\n`, 'utf8'));
		chunks.push(Buffer.from(part.body));
		chunks.push(Buffer.from('\r\n'));
	}
	if (end) chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return new Request('http://localhost/upload', {
		method: 'POST',
		headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
		body: Buffer.concat(chunks)
	});
}
const filePart = (filenameParam: string, body: string | Uint8Array = 'content', name = 'file') => ({
	headers: `Content-Disposition: form-data; name="${name}"; ${filenameParam}\r\nContent-Type: application/octet-stream`,
	body
});
const fieldPart = (name: string, value: string) => ({
	headers: `Content-Disposition: form-data; name="${name}"`,
	body: value
});

async function expectBroken(promise: Promise<unknown>) {
	const err = await promise.catch((e: unknown) => e);
	expect(err).toBeInstanceOf(AppError);
	expect((err as AppError).messageKey).toBe('error_upload_broken');
	expect((err as AppError).status).toBe(400);
}

describe('receiveMultipart', () => {
	it('streams files to temp files with their hash, size and a safe name', async () => {
		const docx = new Uint8Array(200_000).map((_, i) => i % 256);
		const form = new FormData();
		form.append('title', 'Сабактын планы');
		form.append('tag', 'a');
		form.append('tag', 'b');
		form.append(
			'files',
			new File([docx], 'Сабактын планы ң ө ү.docx', { type: 'application/x-whatever' })
		);
		form.append('files', new File(['%PDF-1.4'], 'план.pdf', { type: 'application/pdf' }));

		const result = await receiveMultipart(post(form), limits);

		expect(result.problems).toEqual([]);
		expect(result.fields).toEqual({ title: 'Сабактын планы', tag: ['a', 'b'] });
		expect(result.files).toHaveLength(2);
		const [first, second] = result.files;
		expect(first).toMatchObject({
			field: 'files',
			name: 'Сабактын планы ң ө ү.docx',
			declaredType: 'application/x-whatever',
			size: docx.length,
			sha256: sha256(docx)
		});
		expect(new Uint8Array(await readFile(first!.path))).toEqual(docx);
		expect(second).toMatchObject({ name: 'план.pdf', size: 8 });
		expect(path.dirname(first!.path)).toBe(tmpDir);

		await result.cleanup();
		expect(await readdir(tmpDir)).toEqual([]);
		await result.cleanup();
	});

	it('keeps a multi-megabyte file whole', async () => {
		const big = new Uint8Array(3 * MB).map((_, i) => (i * 7) % 256);
		const form = new FormData();
		form.append('file', new File([big], 'video.mp4'));
		const result = await receiveMultipart(post(form), { ...limits, maxFileBytes: 4 * MB });
		expect(result.files[0]).toMatchObject({ size: big.length, sha256: sha256(big) });
		await result.cleanup();
	});

	it.each([
		['filename="../../etc/passwd"', 'passwd'],
		['filename="a\\b.docx"', 'b.docx'],
		['filename="C:\\\\fakepath\\\\report.docx"', 'report.docx'],
		["filename*=UTF-8''x%00.pdf", 'x.pdf'],
		["filename*=UTF-8''..%2F..%2Fx%0D%0A.pdf", 'x.pdf'],
		["filename*=UTF-8''%D0%BF%D0%BB%D0%B0%D0%BD%20%D2%A3.docx", 'план ң.docx'],
		['filename="   "', 'file']
	])('makes %s safe: %j', async (param, expected) => {
		const result = await receiveMultipart(rawRequest([filePart(param)]), limits);
		expect(result.problems).toEqual([]);
		expect(result.files.map((f) => f.name)).toEqual([expected]);
		await result.cleanup();
	});

	it('reads raw UTF-8 file names (as browsers send them)', async () => {
		const result = await receiveMultipart(rawRequest([filePart('filename="Өмүр.pdf"')]), limits);
		expect(result.files[0]?.name).toBe('Өмүр.pdf');
		await result.cleanup();
	});

	it('refuses a raw NUL byte inside a part header as a broken body', async () => {
		await expectBroken(receiveMultipart(rawRequest([filePart('filename="x\u0000.pdf"')]), limits));
		expect(await readdir(tmpDir)).toEqual([]);
	});

	it('cuts off a file over the limit and still reads the fields after it', async () => {
		const form = new FormData();
		form.append('before', 'бир');
		form.append('files', new File([new Uint8Array(MB + 1)], 'huge.mp4'));
		form.append('files', new File(['ok'], 'small.pdf'));
		form.append('after', 'эки');
		const result = await receiveMultipart(post(form), limits);
		expect(result.fields).toEqual({ before: 'бир', after: 'эки' });
		expect(result.problems).toEqual([
			{ field: 'files', key: 'error_file_too_large', params: { name: 'huge.mp4', max: 1 } }
		]);
		expect(result.files.map((f) => f.name)).toEqual(['small.pdf']);
		expect(await readdir(tmpDir)).toHaveLength(1);
		await result.cleanup();
		expect(await readdir(tmpDir)).toEqual([]);
	});

	it('accepts a file of exactly the limit', async () => {
		const form = new FormData();
		form.append('file', new File([new Uint8Array(MB)], 'exact.bin'));
		const result = await receiveMultipart(post(form), limits);
		expect(result.problems).toEqual([]);
		expect(result.files[0]?.size).toBe(MB);
		await result.cleanup();
	});

	it('reports an empty named file, and ignores a file input left empty', async () => {
		const result = await receiveMultipart(
			rawRequest([
				filePart('filename="empty.docx"', '', 'a'),
				filePart('filename=""', '', 'b'),
				fieldPart('note', 'text')
			]),
			limits
		);
		expect(result.problems).toEqual([
			{ field: 'a', key: 'error_file_empty', params: { name: 'empty.docx' } }
		]);
		expect(result.files).toEqual([]);
		expect(result.fields).toEqual({ note: 'text' });
		expect(await readdir(tmpDir)).toEqual([]);
	});

	it('ignores an empty file input sent by FormData', async () => {
		const form = new FormData();
		form.append('file', new File([], ''));
		form.append('title', 'x');
		const result = await receiveMultipart(post(form), limits);
		expect(result.problems).toEqual([]);
		expect(result.files).toEqual([]);
		expect(result.fields).toEqual({ title: 'x' });
	});

	it('takes at most maxFiles files, not counting empty inputs', async () => {
		const form = new FormData();
		form.append('files', new File([], ''));
		for (let i = 1; i <= 5; i++) form.append('files', new File([`file ${i}`], `${i}.pdf`));
		form.append('after', 'kept');
		const result = await receiveMultipart(post(form), limits);
		expect(result.files.map((f) => f.name)).toEqual(['1.pdf', '2.pdf', '3.pdf']);
		expect(result.problems).toEqual([
			{ field: '', key: 'error_too_many_files', params: { max: 3 } }
		]);
		expect(result.fields).toEqual({ after: 'kept' });
		expect(await readdir(tmpDir)).toHaveLength(3);
		await result.cleanup();
	});

	it('reports a field over the size limit and too many fields', async () => {
		const form = new FormData();
		form.append('long', 'ү'.repeat(10_000));
		for (let i = 0; i < 25; i++) form.append(`f${i}`, String(i));
		const result = await receiveMultipart(post(form), limits);
		expect(result.problems).toEqual([
			{ field: 'long', key: 'error_upload_field_too_long' },
			{ field: '', key: 'error_upload_too_many_fields' }
		]);
		expect(result.fields.long).toBeUndefined();
		expect(Object.keys(result.fields)).toHaveLength(19);
	});

	it('counts the fields’ total in bytes: Kyrgyz letters take two', async () => {
		const form = new FormData();
		form.append('a', 'ү'.repeat(3_000)); // 3,000 characters, 6,000 bytes
		form.append('b', 'ө'.repeat(3_000));
		const result = await receiveMultipart(post(form), { ...limits, maxFieldsTotalBytes: 10_000 });
		expect(result.problems).toEqual([{ field: 'b', key: 'error_upload_field_too_long' }]);
		expect(result.fields.a).toHaveLength(3_000);
	});

	it('refuses a body that is not multipart', async () => {
		const json = new Request('http://localhost/upload', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{}'
		});
		await expectBroken(receiveMultipart(json, limits));
		const urlencoded = new Request('http://localhost/upload', {
			method: 'POST',
			body: new URLSearchParams({ a: '1' })
		});
		await expectBroken(receiveMultipart(urlencoded, limits));
		await expectBroken(
			receiveMultipart(new Request('http://localhost/upload', { method: 'GET' }), limits)
		);
		const noBoundary = new Request('http://localhost/upload', {
			method: 'POST',
			headers: { 'content-type': 'multipart/form-data; charset=utf-8' },
			body: 'x'
		});
		await expectBroken(receiveMultipart(noBoundary, limits));
	});

	it('refuses a body cut off in the middle of a file, leaving no temp file', async () => {
		const cut = rawRequest(
			[fieldPart('a', 'b'), filePart('filename="x.pdf"', 'x'.repeat(50_000))],
			false
		);
		await expectBroken(receiveMultipart(cut, limits));
		expect(await readdir(tmpDir)).toEqual([]);
	});

	it('refuses a stream that errors', async () => {
		const boundary = 'b0undary';
		const stream = new ReadableStream<Uint8Array>({
			start(controller) {
				controller.enqueue(
					new TextEncoder().encode(
						`--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="a.pdf"\r\n\r\n%PDF-`
					)
				);
				setTimeout(() => controller.error(new Error('connection reset')), 10);
			}
		});
		const request = new Request('http://localhost/upload', {
			method: 'POST',
			headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
			body: stream,
			duplex: 'half'
		} as RequestInit);
		await expectBroken(receiveMultipart(request, limits));
		expect(await readdir(tmpDir)).toEqual([]);
	});
});

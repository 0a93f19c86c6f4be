import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { createDiskStore } from '../storage/disk';
import type { BlobStore } from '../storage/types';
import { contentDisposition, fileResponse, parseRange } from './download';

let root: string;
let store: BlobStore;
const content = Uint8Array.from({ length: 1000 }, (_, i) => i % 256);
const key = createHash('sha256').update(content).digest('hex');
const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

beforeAll(async () => {
	root = await mkdtemp(path.join(tmpdir(), 'download-'));
	store = createDiskStore(root);
	await store.putBytes(key, content, 'application/octet-stream');
});
afterAll(async () => {
	await rm(root, { recursive: true, force: true });
});

const respond = (opts: Partial<Parameters<typeof fileResponse>[2]> = {}) =>
	fileResponse(store, key, {
		name: 'plan.docx',
		mime: docx,
		size: content.length,
		inline: false,
		...opts
	});

describe('fileResponse', () => {
	it('streams the whole file with safe headers', async () => {
		const response = await respond();
		expect(response.status).toBe(200);
		expect(Object.fromEntries(response.headers)).toMatchObject({
			'content-type': docx,
			'content-length': '1000',
			'content-disposition': `attachment; filename="plan.docx"; filename*=UTF-8''plan.docx`,
			'x-content-type-options': 'nosniff',
			'content-security-policy':
				"sandbox; default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'",
			'cache-control': 'private, no-store',
			'accept-ranges': 'bytes',
			etag: `"${key}"`
		});
		expect(new Uint8Array(await response.arrayBuffer())).toEqual(content);
	});

	it('leaves an inline PDF to the browser viewer, but never a downloaded one', async () => {
		const pdf = await respond({ mime: 'application/pdf', name: 'plan.pdf', inline: true });
		expect(pdf.headers.get('content-disposition')).toMatch(/^inline/);
		expect(pdf.headers.get('content-security-policy')).toBeNull();
		await pdf.arrayBuffer();
		const saved = await respond({ mime: 'application/pdf', name: 'plan.pdf', inline: false });
		expect(saved.headers.get('content-security-policy')).toContain('sandbox');
		await saved.arrayBuffer();
		const image = await respond({ mime: 'image/png', name: 'a.png', inline: true });
		expect(image.headers.get('content-security-policy')).toContain('sandbox');
		await image.arrayBuffer();
	});

	it('names a Kyrgyz file in UTF-8 with an ASCII fallback', async () => {
		const response = await respond({ name: 'Сабактын планы ң ө ү.docx' });
		const header = response.headers.get('content-disposition')!;
		expect(header).toBe(
			`attachment; filename="Sabaktyn plany ng o u.docx"; filename*=UTF-8''${encodeURIComponent('Сабактын планы ң ө ү.docx')}`
		);
		// What a browser does with filename*:
		const star = /filename\*=UTF-8''(.+)$/.exec(header)![1]!;
		expect(decodeURIComponent(star)).toBe('Сабактын планы ң ө ү.docx');
		await response.body?.cancel();
	});

	it('keeps the disposition header to ASCII and unbreakable', () => {
		for (const name of [
			'a"b.pdf',
			'a\\b.pdf',
			"it's (1) *.pdf",
			'100%.pdf',
			'日本.pdf',
			'Ёлка Үмүт.pdf'
		]) {
			const header = contentDisposition('attachment', name);
			expect(header).toMatch(/^[\x20-\x7e]+$/);
			const fallback = /filename="([^"]*)"/.exec(header)![1]!;
			expect(fallback).not.toMatch(/["\\]/);
			const star = /filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(header);
			expect(decodeURIComponent(star![1]!)).toBe(name);
		}
		expect(contentDisposition('attachment', 'Ёлка Үмүт.pdf')).toContain(
			'filename="Yolka Umut.pdf"'
		);
		expect(contentDisposition('attachment', '日本.pdf')).toContain('filename="__.pdf"');
	});

	it('shows inline only what cannot run script', async () => {
		const disposition = async (mime: string, inline: boolean) => {
			const response = await respond({ mime, inline });
			await response.body?.cancel();
			return response.headers.get('content-disposition')!.split(';')[0];
		};
		expect(await disposition('application/pdf', true)).toBe('inline');
		expect(await disposition('image/png', true)).toBe('inline');
		expect(await disposition('video/mp4', true)).toBe('inline');
		expect(await disposition('audio/mpeg', true)).toBe('inline');
		expect(await disposition('application/pdf', false)).toBe('attachment');
		expect(await disposition('image/svg+xml', true)).toBe('attachment');
		expect(await disposition('text/html', true)).toBe('attachment');
		expect(await disposition(docx, true)).toBe('attachment');
	});

	it.each([
		['bytes=0-0', 0, 0],
		['bytes=100-199', 100, 199],
		['bytes=999-999', 999, 999],
		['bytes=990-', 990, 999],
		['bytes=-10', 990, 999],
		['bytes=500-5000', 500, 999],
		['bytes=-5000', 0, 999]
	])('answers %s with 206', async (rangeHeader, start, end) => {
		const response = await respond({ rangeHeader });
		expect(response.status).toBe(206);
		expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/1000`);
		expect(response.headers.get('content-length')).toBe(String(end - start + 1));
		expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([
			...content.subarray(start, end + 1)
		]);
	});

	it.each(['bytes=1000-', 'bytes=5000-6000', 'bytes=-0'])(
		'answers %s with 416',
		async (rangeHeader) => {
			const response = await respond({ rangeHeader });
			expect(response.status).toBe(416);
			expect(response.headers.get('content-range')).toBe('bytes */1000');
			expect(await response.text()).toBe('');
		}
	);

	it.each(['', 'bytes=', 'bytes=-', 'bytes=5-3', 'items=0-5', 'bytes=0-1,5-6', 'bytes=a-b'])(
		'ignores the range %j and sends everything',
		async (rangeHeader) => {
			const response = await respond({ rangeHeader });
			expect(response.status).toBe(200);
			expect((await response.arrayBuffer()).byteLength).toBe(1000);
		}
	);

	it('reports a missing blob as not found', async () => {
		const missing = 'f'.repeat(64);
		const err = await fileResponse(store, missing, {
			name: 'x.pdf',
			mime: 'application/pdf',
			size: 1,
			inline: false
		}).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(AppError);
		expect((err as AppError).code).toBe('not_found');
	});

	it('stops reading the blob when the client goes away', async () => {
		let opened: Readable | undefined;
		const watching: BlobStore = {
			...store,
			read: async (k, range) => (opened = await store.read(k, range))
		};
		const response = await fileResponse(watching, key, {
			name: 'a.pdf',
			mime: 'application/pdf',
			size: content.length,
			inline: false
		});
		const reader = response.body!.getReader();
		await reader.read();
		await reader.cancel();
		expect(opened?.destroyed).toBe(true);
	});
});

describe('parseRange', () => {
	it('handles an empty file', () => {
		expect(parseRange('bytes=0-', 0)).toBe('unsatisfiable');
		expect(parseRange(null, 0)).toBeNull();
	});
});

// The behaviour every BlobStore must have. Each implementation's test file calls
// describeBlobStore once; a new backend (S3) is done when this suite passes against it.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BlobNotFoundError, type BlobStore } from './types';

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function readAll(stream: Readable): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** Writes `megabytes` of random data in 1 MB chunks; returns its SHA-256. */
async function writeRandomFile(file: string, megabytes: number): Promise<string> {
	const hash = createHash('sha256');
	await pipeline(function* () {
		for (let i = 0; i < megabytes; i++) {
			const chunk = randomBytes(1024 * 1024);
			hash.update(chunk);
			yield chunk;
		}
	}, createWriteStream(file));
	return hash.digest('hex');
}

export function describeBlobStore(
	name: string,
	make: () => Promise<{ store: BlobStore; cleanup(): Promise<void> }>
): void {
	describe(`BlobStore contract: ${name}`, () => {
		let store: BlobStore;
		let cleanup: () => Promise<void>;
		let local: string;

		beforeAll(async () => {
			local = await mkdtemp(path.join(tmpdir(), 'blob-contract-'));
		});
		afterAll(async () => {
			await rm(local, { recursive: true, force: true });
		});
		beforeEach(async () => {
			({ store, cleanup } = await make());
		});
		afterEach(async () => {
			await cleanup();
		});

		const hello = new TextEncoder().encode('Салам, дүйнө! ң ө ү');
		const helloKey = sha256(hello);

		it('stores bytes and reads them back', async () => {
			await store.putBytes(helloKey, hello, 'text/plain');
			expect(await store.size(helloKey)).toBe(hello.length);
			expect(Buffer.from(await readAll(await store.read(helloKey)))).toEqual(Buffer.from(hello));
		});

		it('streams a multi-megabyte file in and out unchanged', async () => {
			const file = path.join(local, 'big.bin');
			const key = await writeRandomFile(file, 6);
			await store.putFile(key, file, 'application/octet-stream');
			expect(await store.size(key)).toBe(6 * 1024 * 1024);
			const hash = createHash('sha256');
			for await (const chunk of await store.read(key)) hash.update(chunk as Buffer);
			expect(hash.digest('hex')).toBe(key);
		});

		it('leaves the local file in place', async () => {
			const file = path.join(local, 'keep.txt');
			await writeFile(file, hello);
			await store.putFile(helloKey, file, 'text/plain');
			expect(await readAll(createReadStream(file))).toEqual(Buffer.from(hello));
		});

		it('keeps one copy when a key is stored twice', async () => {
			const file = path.join(local, 'twice.txt');
			await writeFile(file, hello);
			await store.putFile(helloKey, file, 'text/plain');
			await store.putFile(helloKey, file, 'text/plain');
			await store.putBytes(helloKey, hello, 'text/plain');
			expect(await store.size(helloKey)).toBe(hello.length);
			expect(await readAll(await store.read(helloKey))).toEqual(Buffer.from(hello));
		});

		it('survives concurrent puts of the same key', async () => {
			const bytes = randomBytes(256 * 1024);
			const key = sha256(bytes);
			const file = path.join(local, 'concurrent.bin');
			await writeFile(file, bytes);
			await Promise.all([
				...Array.from({ length: 5 }, () => store.putFile(key, file, 'application/octet-stream')),
				...Array.from({ length: 5 }, () => store.putBytes(key, bytes, 'application/octet-stream'))
			]);
			expect(await store.size(key)).toBe(bytes.length);
			expect(sha256(await readAll(await store.read(key)))).toBe(key);
		});

		it('stores a derived key next to its original', async () => {
			const thumb = new Uint8Array([1, 2, 3]);
			await store.putBytes(helloKey, hello, 'text/plain');
			await store.putBytes(`${helloKey}.thumb`, thumb, 'image/webp');
			expect(await store.size(`${helloKey}.thumb`)).toBe(3);
			expect(await store.size(helloKey)).toBe(hello.length);
		});

		describe('ranges', () => {
			const bytes = Uint8Array.from({ length: 1000 }, (_, i) => i % 251);
			const key = sha256(bytes);
			const slice = async (start: number, end: number) =>
				readAll(await store.read(key, { start, end }));

			beforeEach(async () => {
				await store.putBytes(key, bytes, 'application/octet-stream');
			});

			it('reads the first byte', async () => {
				expect([...(await slice(0, 0))]).toEqual([0]);
			});
			it('reads a middle slice', async () => {
				expect([...(await slice(300, 309))]).toEqual([...bytes.subarray(300, 310)]);
			});
			it('reads the last byte', async () => {
				expect([...(await slice(999, 999))]).toEqual([bytes[999]]);
			});
			it('reads the whole blob as a range', async () => {
				expect(sha256(await slice(0, 999))).toBe(key);
			});
			it('refuses a backwards or negative range', async () => {
				await expect(store.read(key, { start: 5, end: 4 })).rejects.toThrow(RangeError);
				await expect(store.read(key, { start: -1, end: 4 })).rejects.toThrow(RangeError);
			});
		});

		it('reports a missing blob', async () => {
			const key = sha256(new Uint8Array([42]));
			expect(await store.size(key)).toBeNull();
			await expect(store.read(key)).rejects.toBeInstanceOf(BlobNotFoundError);
			await expect(store.read(key, { start: 0, end: 0 })).rejects.toBeInstanceOf(BlobNotFoundError);
		});

		it('deletes, and deleting a missing blob is fine', async () => {
			await store.putBytes(helloKey, hello, 'text/plain');
			await store.delete(helloKey);
			expect(await store.size(helloKey)).toBeNull();
			await expect(store.read(helloKey)).rejects.toBeInstanceOf(BlobNotFoundError);
			await store.delete(helloKey);
		});

		it.each([
			'',
			'../x',
			`../${'a'.repeat(62)}`,
			`${'a'.repeat(63)}/`,
			'A'.repeat(64),
			'a'.repeat(63),
			'a'.repeat(65),
			`${'a'.repeat(64)}.`,
			`${'a'.repeat(64)}.THUMB`,
			`${'a'.repeat(64)}.thumb/../x`,
			`${'a'.repeat(64)}.a.b`,
			`${'a'.repeat(64)}\u0000`
		])('refuses the key %j', async (key) => {
			await expect(store.putBytes(key, hello, 'text/plain')).rejects.toThrow(TypeError);
			await expect(store.read(key)).rejects.toThrow(TypeError);
			await expect(store.size(key)).rejects.toThrow(TypeError);
			await expect(store.delete(key)).rejects.toThrow(TypeError);
			const file = path.join(local, 'bad-key.txt');
			await writeFile(file, hello);
			await expect(store.putFile(key, file, 'text/plain')).rejects.toThrow(TypeError);
		});
	});
}

import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeBlobStore, sha256 } from './contract';
import { createDiskStore } from './disk';

describeBlobStore('disk', async () => {
	const root = await mkdtemp(path.join(tmpdir(), 'disk-store-'));
	return {
		store: createDiskStore(root),
		cleanup: () => rm(root, { recursive: true, force: true })
	};
});

describe('disk store specifics', () => {
	let root: string;
	beforeEach(async () => {
		root = await mkdtemp(path.join(tmpdir(), 'disk-store-'));
	});
	afterEach(async () => {
		await rm(root, { recursive: true, force: true });
	});

	const bytes = new TextEncoder().encode('мазмун');
	const key = sha256(bytes);

	it('lays blobs out as ab/cd/<key>', async () => {
		await createDiskStore(root).putBytes(key, bytes, 'text/plain');
		expect(await readdir(path.join(root, key.slice(0, 2), key.slice(2, 4)))).toEqual([key]);
	});

	it('leaves no temp files behind', async () => {
		const store = createDiskStore(root);
		const file = path.join(root, 'source.txt');
		await writeFile(file, bytes);
		await Promise.all([store.putFile(key, file, 'text/plain'), store.putBytes(key, bytes, 'x')]);
		await store.putFile(key, file, 'text/plain');
		expect(await readdir(path.join(root, 'tmp'))).toEqual([]);
	});

	it('shows no partial blob after a failed put', async () => {
		const store = createDiskStore(root);
		await expect(
			store.putFile(key, path.join(root, 'missing.txt'), 'text/plain')
		).rejects.toThrow();
		expect(await store.size(key)).toBeNull();
		expect(await readdir(path.join(root, 'tmp'))).toEqual([]);
		// A directory fails mid-read (EISDIR), after the temp file was created.
		await expect(store.putFile(key, root, 'text/plain')).rejects.toThrow();
		expect(await store.size(key)).toBeNull();
		expect(await readdir(path.join(root, 'tmp'))).toEqual([]);
	});
});

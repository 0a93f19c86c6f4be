import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// config() is read once per process: point DATA_DIR at a temp folder before first use.
let dataDir: string;
beforeAll(async () => {
	dataDir = await mkdtemp(path.join(tmpdir(), 'storage-index-'));
	process.env.DATA_DIR = dataDir;
});
afterAll(async () => {
	await rm(dataDir, { recursive: true, force: true });
});

describe('storage from config', () => {
	it('keeps one store per process', async () => {
		const { fileStore } = await import('./index');
		expect(fileStore()).toBe(fileStore());
	});

	it('makes the upload temp folder inside the data folder', async () => {
		const { tempDir } = await import('./index');
		const dir = tempDir();
		expect(dir).toBe(path.join(dataDir, 'tmp'));
		expect((await stat(dir)).isDirectory()).toBe(true);
	});
});

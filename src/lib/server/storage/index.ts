import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { config } from '../config.js';
import { createDiskStore } from './disk';
import type { BlobStore } from './types';

export { BlobNotFoundError, type BlobStore } from './types';

let store: BlobStore | undefined;

/** The process's blob store: files on disk in `DATA_DIR/files` (S3 comes with the scale issue). */
export function fileStore(): BlobStore {
	store ??= createDiskStore(path.join(config().dataDir, 'files'));
	return store;
}

/** `DATA_DIR/tmp`, created on demand: where uploads are streamed before they are stored. */
export function tempDir(): string {
	const dir = path.join(config().dataDir, 'tmp');
	mkdirSync(dir, { recursive: true });
	return dir;
}

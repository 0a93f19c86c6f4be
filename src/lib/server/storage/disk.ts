import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertBlobKey, assertRange, BlobNotFoundError, type BlobStore } from './types';

// Stored files are people's documents: readable by the app's own account only.
const fileMode = 0o600;
const dirMode = 0o700;

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';

/**
 * Blobs as files under root: root/ab/cd/<key> (two levels keep directories small).
 * A write goes to root/tmp first, is fsynced, then renamed into place: rename is atomic, so
 * readers see either no file or the whole file, and concurrent writers of one key (same
 * content, by construction) simply replace each other.
 */
export function createDiskStore(root: string): BlobStore {
	const tmpDir = path.join(root, 'tmp');

	function blobPath(key: string): string {
		assertBlobKey(key);
		return path.join(root, key.slice(0, 2), key.slice(2, 4), key);
	}

	async function exists(target: string): Promise<boolean> {
		try {
			await stat(target);
			return true;
		} catch (err) {
			if (isMissing(err)) return false;
			throw err;
		}
	}

	/** Writes through a temp file: `write` fills it, then fsync and atomic rename. */
	async function putVia(key: string, write: (tmp: string) => Promise<void>): Promise<void> {
		const target = blobPath(key);
		if (await exists(target)) return;
		await mkdir(tmpDir, { recursive: true, mode: dirMode });
		const tmp = path.join(tmpDir, `${key}.${randomUUID()}`);
		try {
			await write(tmp);
			const handle = await open(tmp, 'r+');
			try {
				await handle.sync();
			} finally {
				await handle.close();
			}
			await mkdir(path.dirname(target), { recursive: true, mode: dirMode });
			await rename(tmp, target);
		} catch (err) {
			await unlink(tmp).catch(() => {});
			throw err;
		}
		await syncDir(path.dirname(target));
	}

	return {
		putFile(key, localPath) {
			return putVia(key, (tmp) =>
				pipeline(
					createReadStream(localPath),
					createWriteStream(tmp, { flags: 'wx', mode: fileMode })
				)
			);
		},

		putBytes(key, bytes) {
			return putVia(key, async (tmp) => {
				const handle = await open(tmp, 'wx', fileMode);
				try {
					await handle.writeFile(bytes);
				} finally {
					await handle.close();
				}
			});
		},

		async read(key, range): Promise<Readable> {
			const target = blobPath(key);
			if (range) assertRange(range);
			// Open first, so a missing blob is an error here and not later inside the stream.
			let handle;
			try {
				handle = await open(target, 'r');
			} catch (err) {
				if (isMissing(err)) throw new BlobNotFoundError(key);
				throw err;
			}
			return handle.createReadStream(range ? { start: range.start, end: range.end } : {});
		},

		async size(key) {
			try {
				return (await stat(blobPath(key))).size;
			} catch (err) {
				if (isMissing(err)) return null;
				throw err;
			}
		},

		async delete(key) {
			try {
				await unlink(blobPath(key));
			} catch (err) {
				if (!isMissing(err)) throw err;
			}
		}
	};
}

/** Makes the rename itself durable. Best effort: not every file system allows it. */
async function syncDir(dir: string): Promise<void> {
	try {
		const handle = await open(dir, 'r');
		try {
			await handle.sync();
		} finally {
			await handle.close();
		}
	} catch {
		// ignore
	}
}

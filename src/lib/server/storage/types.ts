import type { Readable } from 'node:stream';

/**
 * Where file contents live. Blobs are content-addressed: the key is the SHA-256 of the
 * original file (lowercase hex), so one file attached twice is stored once. A blob derived
 * from it (a thumbnail) uses the same hash plus a suffix: `${sha256}.thumb`.
 */
export interface BlobStore {
	/** Stores the file at localPath under key (sha256 hex, lowercase). Idempotent: a key stored twice keeps one copy; the local file is left in place (caller deletes). Streams, never reads the whole file into memory. */
	putFile(key: string, localPath: string, contentType: string): Promise<void>;
	/** Small blobs made in memory (thumbnails, imported images). */
	putBytes(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
	/** The blob, whole or bytes start..end inclusive. Throws BlobNotFoundError. */
	read(key: string, range?: { start: number; end: number }): Promise<Readable>;
	/** Size in bytes, or null when absent. */
	size(key: string): Promise<number | null>;
	delete(key: string): Promise<void>;
}

export class BlobNotFoundError extends Error {
	readonly key: string;
	constructor(key: string) {
		super(`blob not found: ${key}`);
		this.name = 'BlobNotFoundError';
		this.key = key;
	}
}

/**
 * A valid key: 64 lowercase hex digits, optionally followed by one suffix of 1–16 lowercase
 * letters or digits (`.thumb`). Nothing else can reach a file path or an object name, so a
 * key can never traverse directories or differ only in case.
 */
export const BLOB_KEY = /^[0-9a-f]{64}(\.[a-z0-9]{1,16})?$/;

/** Throws a TypeError for a key outside {@link BLOB_KEY}: a programming error, never user input. */
export function assertBlobKey(key: string): void {
	if (typeof key !== 'string' || !BLOB_KEY.test(key))
		throw new TypeError(`invalid blob key: ${JSON.stringify(key)}`);
}

/** Throws a RangeError unless start..end (inclusive) is a non-empty range of whole numbers. */
export function assertRange(range: { start: number; end: number }): void {
	const { start, end } = range;
	if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start)
		throw new RangeError(`invalid byte range ${start}-${end}`);
}

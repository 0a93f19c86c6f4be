import { inflateRawSync } from 'node:zlib';
import {
	entryDataOffset,
	findCentralDirectory,
	readCentralDirectory,
	ZIP_TAIL_BYTES
} from '../files/zip';

/**
 * Reads one entry of a zip archive (a .docx) by name, or returns null when the archive has no
 * such entry or it cannot be read. `maxBytes` caps the inflated size, so even a lying header
 * cannot make it inflate without end.
 */
export function readZipEntry(bytes: Uint8Array, name: string, maxBytes: number): Uint8Array | null {
	const tail = bytes.subarray(Math.max(0, bytes.length - ZIP_TAIL_BYTES));
	const directory = findCentralDirectory(tail, bytes.length);
	if (!directory) return null;
	const entries = readCentralDirectory(
		bytes.subarray(directory.offset, directory.offset + directory.size),
		directory.entryCount
	);
	const entry = entries?.find((e) => e.name === name);
	if (!entry) return null;
	const start = entryDataOffset(bytes, entry);
	if (start === null) return null;
	const data = bytes.subarray(start, start + entry.compressedSize);
	if (entry.method === 0) return data.length <= maxBytes ? data : null;
	if (entry.method !== 8) return null;
	try {
		return new Uint8Array(inflateRawSync(data, { maxOutputLength: maxBytes }));
	} catch {
		// Bad deflate data, or more than maxBytes.
		return null;
	}
}

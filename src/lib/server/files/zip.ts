// Just enough of the ZIP format (APPNOTE 4.3) to list entries from the central directory —
// the part ZIP readers (Office, LibreOffice, JSZip behind mammoth) trust — without reading
// the whole archive. ZIP64 archives are not supported: documents of our sizes never need it.

export interface ZipEntry {
	name: string;
	/** 0 stored, 8 deflate. */
	method: number;
	compressedSize: number;
	/** As declared: only a hint, never trusted for limits. */
	declaredSize: number;
	localHeaderOffset: number;
}

export interface ZipDirectory {
	entryCount: number;
	offset: number;
	size: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
export const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_LENGTH = 22;
/** The end record plus the longest comment it may carry: how much of the tail to read. */
export const ZIP_TAIL_BYTES = EOCD_LENGTH + 0xffff;

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Finds the end-of-central-directory record in `tail`, the last bytes of an archive of
 * `fileSize` bytes. Null when there is none, it points outside the file, or it needs ZIP64.
 */
export function findCentralDirectory(tail: Uint8Array, fileSize: number): ZipDirectory | null {
	const data = view(tail);
	for (let i = tail.length - EOCD_LENGTH; i >= 0; i--) {
		if (data.getUint32(i, true) !== EOCD_SIGNATURE) continue;
		const entryCount = data.getUint16(i + 10, true);
		const size = data.getUint32(i + 12, true);
		const offset = data.getUint32(i + 16, true);
		const recordAt = fileSize - tail.length + i;
		if (entryCount === 0xffff || size === 0xffffffff || offset === 0xffffffff) return null;
		if (offset + size > recordAt) return null;
		return { entryCount, offset, size };
	}
	return null;
}

/** Parses the central directory bytes; null when they are malformed. */
export function readCentralDirectory(bytes: Uint8Array, entryCount: number): ZipEntry[] | null {
	const data = view(bytes);
	const decoder = new TextDecoder();
	const entries: ZipEntry[] = [];
	let at = 0;
	for (let n = 0; n < entryCount; n++) {
		if (at + 46 > bytes.length || data.getUint32(at, true) !== CENTRAL_SIGNATURE) return null;
		const nameLength = data.getUint16(at + 28, true);
		const extraLength = data.getUint16(at + 30, true);
		const commentLength = data.getUint16(at + 32, true);
		const compressedSize = data.getUint32(at + 20, true);
		const declaredSize = data.getUint32(at + 24, true);
		const localHeaderOffset = data.getUint32(at + 42, true);
		if (
			compressedSize === 0xffffffff ||
			declaredSize === 0xffffffff ||
			localHeaderOffset === 0xffffffff
		)
			return null;
		const end = at + 46 + nameLength + extraLength + commentLength;
		if (end > bytes.length) return null;
		entries.push({
			name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
			method: data.getUint16(at + 10, true),
			compressedSize,
			declaredSize,
			localHeaderOffset
		});
		at = end;
	}
	return entries;
}

/**
 * Where an entry's data starts, from its local header (whose name and extra field lengths may
 * differ from the central directory's). Null when the header is not there.
 */
export function entryDataOffset(archive: Uint8Array, entry: ZipEntry): number | null {
	const at = entry.localHeaderOffset;
	if (at + 30 > archive.length) return null;
	const data = view(archive);
	if (data.getUint32(at, true) !== LOCAL_SIGNATURE) return null;
	return at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true);
}

/** What a .docx may unpack to before we let mammoth read it (zip bombs, junk). */
export const DOCX_LIMITS = { maxEntries: 2_000, maxUncompressedBytes: 200 * 1024 * 1024 };

// Decides what a file is by its content, never by its name or the browser's declared type:
// only the formats below are accepted, so HTML, SVG, scripts and programs never are.
import { Inflate } from 'fflate';
import { open, type FileHandle } from 'node:fs/promises';
import { AppError } from '../errors';
import { sniffCompound } from './ole';
import {
	entryDataOffset,
	findCentralDirectory,
	LOCAL_SIGNATURE,
	readCentralDirectory,
	ZIP_TAIL_BYTES,
	type ZipEntry
} from './zip';

export type FileCategory =
	'document' | 'presentation' | 'spreadsheet' | 'image' | 'audio' | 'video';

export interface FileKind {
	kind: KindName;
	mime: string;
	ext: string;
	category: FileCategory;
}

const kinds = {
	docx: [
		'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
		'docx',
		'document'
	],
	pptx: [
		'application/vnd.openxmlformats-officedocument.presentationml.presentation',
		'pptx',
		'presentation'
	],
	xlsx: [
		'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
		'xlsx',
		'spreadsheet'
	],
	odt: ['application/vnd.oasis.opendocument.text', 'odt', 'document'],
	odp: ['application/vnd.oasis.opendocument.presentation', 'odp', 'presentation'],
	ods: ['application/vnd.oasis.opendocument.spreadsheet', 'ods', 'spreadsheet'],
	// Office 97–2003 (OLE2 compound files): stored and downloaded, never shown in the browser.
	doc: ['application/msword', 'doc', 'document'],
	ppt: ['application/vnd.ms-powerpoint', 'ppt', 'presentation'],
	xls: ['application/vnd.ms-excel', 'xls', 'spreadsheet'],
	pdf: ['application/pdf', 'pdf', 'document'],
	png: ['image/png', 'png', 'image'],
	jpeg: ['image/jpeg', 'jpg', 'image'],
	gif: ['image/gif', 'gif', 'image'],
	webp: ['image/webp', 'webp', 'image'],
	mp3: ['audio/mpeg', 'mp3', 'audio'],
	m4a: ['audio/mp4', 'm4a', 'audio'],
	wav: ['audio/wav', 'wav', 'audio'],
	ogg: ['audio/ogg', 'ogg', 'audio'],
	mp4: ['video/mp4', 'mp4', 'video'],
	mov: ['video/quicktime', 'mov', 'video'],
	webm: ['video/webm', 'webm', 'video'],
	mkv: ['video/x-matroska', 'mkv', 'video'],
	ogv: ['video/ogg', 'ogv', 'video']
} as const satisfies Record<string, readonly [string, string, FileCategory]>;

export type KindName = keyof typeof kinds;

export function fileKind(kind: KindName): FileKind {
	const [mime, ext, category] = kinds[kind];
	return { kind, mime, ext, category };
}

const HEAD_BYTES = 4096;
/** A central directory larger than this is not an office document we accept. */
const MAX_CENTRAL_DIRECTORY = 4 * 1024 * 1024;

/** What the file at `path` is, judged by its bytes; null for anything not accepted. */
export async function sniffFile(path: string): Promise<FileKind | null> {
	const handle = await open(path, 'r');
	try {
		const size = (await handle.stat()).size;
		const head = await readAt(handle, 0, Math.min(size, HEAD_BYTES));
		const kind =
			sniffHead(head) ??
			(await sniffId3(handle, head)) ??
			(await sniffZip(handle, head, size)) ??
			(await sniffCompound((at, length) => readAt(handle, at, length), head, size));
		return kind ? fileKind(kind) : null;
	} finally {
		await handle.close();
	}
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
	const buffer = new Uint8Array(length);
	const { bytesRead } = await handle.read(buffer, 0, length, position);
	return buffer.subarray(0, bytesRead);
}

const ascii = (bytes: Uint8Array, start: number, end: number) =>
	String.fromCharCode(...bytes.subarray(start, end));

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) =>
	prefix.every((byte, i) => bytes[at + i] === byte);

/** Formats told apart by their first bytes. */
function sniffHead(head: Uint8Array): KindName | null {
	if (ascii(head, 0, 5) === '%PDF-') return 'pdf';
	if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
	if (/^GIF8[79]a$/.test(ascii(head, 0, 6))) return 'gif';
	if (ascii(head, 0, 4) === 'RIFF') {
		const form = ascii(head, 8, 12);
		if (form === 'WEBP') return 'webp';
		if (form === 'WAVE') return 'wav';
		return null;
	}
	if (ascii(head, 4, 8) === 'ftyp') return sniffFtyp(head);
	if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return sniffEbml(head);
	if (ascii(head, 0, 4) === 'OggS') return sniffOgg(head);
	if (isMp3Frame(head, 0)) return 'mp3';
	return null;
}

const mp4Brands = new Set([
	'isom',
	'iso2',
	'iso3',
	'iso4',
	'iso5',
	'iso6',
	'mp41',
	'mp42',
	'avc1',
	'dash',
	'mmp4',
	'M4V ',
	'M4VH',
	'M4VP',
	'MSNV'
]);
const m4aBrands = new Set(['M4A ', 'M4B ']);

/** ISO base media (MP4 family): the ftyp box names a major brand and compatible brands. */
function sniffFtyp(head: Uint8Array): KindName | null {
	const major = ascii(head, 8, 12);
	if (m4aBrands.has(major)) return 'm4a';
	if (major === 'qt  ') return 'mov';
	if (mp4Brands.has(major)) return 'mp4';
	// Unknown major brand (a phone maker's own): accept it when it declares MP4 compatibility,
	// except still-image formats (HEIC, AVIF) that share the container.
	if (/^(hei[cxms]|hev[cx]|mif1|msf1|avi[fs]|crx )$/.test(major)) return null;
	const boxEnd = Math.min(new DataView(head.buffer, head.byteOffset).getUint32(0), head.length);
	for (let at = 16; at + 4 <= boxEnd; at += 4) {
		const brand = ascii(head, at, at + 4);
		if (m4aBrands.has(brand)) return 'm4a';
		if (mp4Brands.has(brand)) return 'mp4';
	}
	return null;
}

/** Matroska/WebM: the EBML header's DocType element (id 0x4282) says which. */
function sniffEbml(head: Uint8Array): KindName | null {
	for (let at = 4; at + 3 < Math.min(head.length, 64); at++) {
		if (head[at] !== 0x42 || head[at + 1] !== 0x82) continue;
		const sizeByte = head[at + 2] ?? 0;
		if ((sizeByte & 0x80) === 0) return null; // a longer size field: not a header we know
		const docType = ascii(head, at + 3, at + 3 + (sizeByte & 0x7f));
		if (docType === 'webm') return 'webm';
		if (docType === 'matroska') return 'mkv';
		return null;
	}
	return null;
}

/** Ogg: the codec's identification header in the first pages says audio or video. */
function sniffOgg(head: Uint8Array): KindName | null {
	const text = ascii(head, 0, head.length);
	if (text.includes('\x80theora')) return 'ogv';
	if (text.includes('\x01vorbis') || text.includes('OpusHead') || text.includes('\x7fFLAC'))
		return 'ogg';
	return null;
}

/** An MPEG audio Layer III frame header: sync bits, a valid version, bitrate and rate. */
function isMp3Frame(bytes: Uint8Array, at: number): boolean {
	const [b0, b1, b2] = [bytes[at], bytes[at + 1], bytes[at + 2]];
	if (b0 !== 0xff || b1 === undefined || b2 === undefined) return false;
	if ((b1 & 0xe0) !== 0xe0) return false;
	if (((b1 >> 3) & 3) === 1) return false; // reserved version
	if (((b1 >> 1) & 3) !== 1) return false; // not layer III (AAC ADTS has layer 0)
	const bitrate = b2 >> 4;
	return bitrate !== 0 && bitrate !== 15 && ((b2 >> 2) & 3) !== 3;
}

/** An ID3v2 tag may precede anything: it is MP3 only when an MP3 frame follows it. */
async function sniffId3(handle: FileHandle, head: Uint8Array): Promise<KindName | null> {
	if (ascii(head, 0, 3) !== 'ID3' || head.length < 10) return null;
	const syncsafe = [6, 7, 8, 9].map((i) => head[i] ?? 0);
	if (syncsafe.some((byte) => byte & 0x80)) return null;
	const tagSize = syncsafe.reduce((sum, byte) => (sum << 7) | byte, 0);
	const footer = ((head[5] ?? 0) & 0x10) !== 0 ? 10 : 0;
	const frame = await readAt(handle, 10 + tagSize + footer, 4);
	return isMp3Frame(frame, 0) ? 'mp3' : null;
}

/** ODF keeps its type in an uncompressed first entry `mimetype`; OOXML in its part names. */
async function sniffZip(
	handle: FileHandle,
	head: Uint8Array,
	size: number
): Promise<KindName | null> {
	if (head.length < 30) return null;
	const data = new DataView(head.buffer, head.byteOffset, head.byteLength);
	if (data.getUint32(0, true) !== LOCAL_SIGNATURE) return null;

	const nameLength = data.getUint16(26, true);
	if (data.getUint16(8, true) === 0 && ascii(head, 30, 30 + nameLength) === 'mimetype') {
		const start = 30 + nameLength + data.getUint16(28, true);
		const mime = ascii(head, start, start + data.getUint32(18, true));
		if (mime === 'application/vnd.oasis.opendocument.text') return 'odt';
		if (mime === 'application/vnd.oasis.opendocument.presentation') return 'odp';
		if (mime === 'application/vnd.oasis.opendocument.spreadsheet') return 'ods';
		return null;
	}

	const tailLength = Math.min(size, ZIP_TAIL_BYTES);
	const directory = findCentralDirectory(await readAt(handle, size - tailLength, tailLength), size);
	if (!directory || directory.size > MAX_CENTRAL_DIRECTORY) return null;
	const entries = readCentralDirectory(
		await readAt(handle, directory.offset, directory.size),
		directory.entryCount
	);
	if (!entries) return null;
	const names = new Set(entries.map((entry) => entry.name));
	if (!names.has('[Content_Types].xml')) return null;
	// Macro-enabled documents (docm, xlsm, pptm) carry a VBA project: refused.
	if (entries.some((entry) => entry.name.endsWith('vbaProject.bin'))) return null;
	if (names.has('word/document.xml')) return 'docx';
	if (names.has('ppt/presentation.xml')) return 'pptx';
	if (names.has('xl/workbook.xml')) return 'xlsx';
	return null;
}

/**
 * Refuses a ZIP archive (DOCX before import, say) that would unpack to more than the limits.
 * Every entry the central directory lists is really inflated, a small piece at a time, and the
 * output bytes counted, stopping at the first byte past the limit: declared sizes can lie.
 * Throws AppError 'error_zip_bomb' past a limit, 'error_file_corrupt' for a broken archive.
 */
export async function checkZipBudget(
	bytes: Uint8Array,
	limits: { maxEntries: number; maxUncompressedBytes: number }
): Promise<void> {
	const corrupt = () => new AppError('invalid', 'error_file_corrupt');
	const bomb = () => new AppError('invalid', 'error_zip_bomb');

	const tail = bytes.subarray(Math.max(0, bytes.length - ZIP_TAIL_BYTES));
	const directory = findCentralDirectory(tail, bytes.length);
	if (!directory) throw corrupt();
	if (directory.entryCount > limits.maxEntries) throw bomb();
	const entries = readCentralDirectory(
		bytes.subarray(directory.offset, directory.offset + directory.size),
		directory.entryCount
	);
	if (!entries) throw corrupt();
	// An archive that admits to being too big is refused without inflating a byte.
	const declared = entries.reduce((sum, entry) => sum + entry.declaredSize, 0);
	if (declared > limits.maxUncompressedBytes) throw bomb();

	let total = 0;
	for (const entry of entries) {
		total += await inflatedSize(bytes, entry, limits.maxUncompressedBytes - total, corrupt, bomb);
	}
}

/** Inflating runs on the request thread: it gives the event loop a turn this often. */
const YIELD_EVERY_MS = 10;

/** Small input pieces keep each burst of output small (deflate expands at most ~1032×). */
const PIECE = 4096;

async function inflatedSize(
	archive: Uint8Array,
	entry: ZipEntry,
	budget: number,
	corrupt: () => AppError,
	bomb: () => AppError
): Promise<number> {
	const start = entryDataOffset(archive, entry);
	if (start === null || start + entry.compressedSize > archive.length) throw corrupt();
	const data = archive.subarray(start, start + entry.compressedSize);
	if (entry.method === 0) {
		if (data.length > budget) throw bomb();
		return data.length;
	}
	if (entry.method !== 8) throw corrupt();

	let produced = 0;
	let ended = false;
	const inflate = new Inflate((chunk, final) => {
		produced += chunk.length;
		if (final) ended = true;
	});
	let turn = performance.now();
	try {
		for (let at = 0; ; at += PIECE) {
			const last = at + PIECE >= data.length;
			inflate.push(data.subarray(at, at + PIECE), last);
			if (produced > budget) throw bomb();
			if (last) break;
			// A lying archive may inflate to the whole budget (seconds): others' requests go on.
			if (performance.now() - turn > YIELD_EVERY_MS) {
				await new Promise((resolve) => setImmediate(resolve));
				turn = performance.now();
			}
		}
	} catch (err) {
		if (err instanceof AppError) throw err;
		throw corrupt();
	}
	if (!ended) throw corrupt();
	return produced;
}

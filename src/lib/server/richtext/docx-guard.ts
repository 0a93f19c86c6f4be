// Everything a .docx must pass before mammoth (and JSZip inside it) touches it: the archive's
// own headers first (declared sizes, entry count, part names), then each part really inflated
// a small piece at a time — its output counted and never kept, except document.xml — stopping
// at the first byte past a limit, so neither a lying header nor a bomb inflates beyond it. The
// XML parts' paragraphs and elements are counted on the way: mammoth's time grows with them,
// not with the file's size (a 60 KB file can hold 3 million empty paragraphs).
import { Inflate } from 'fflate';
import { AppError } from '../errors';
import type { MessageKey } from '../../i18n/messages';
import {
	entryDataOffset,
	findCentralDirectory,
	readCentralDirectory,
	ZIP_TAIL_BYTES,
	type ZipEntry
} from '../files/zip';

const MB = 1024 * 1024;

/** What a Word file may hold to be converted (import or preview). */
export const DOCX_CONVERT_LIMITS = {
	/** A real document has a few dozen parts; every part costs a header and a lookup. */
	maxEntries: 1_000,
	/** All parts together, unpacked. */
	maxTotalBytes: 64 * MB,
	/** One XML part (document.xml of a 20-page lesson plan is under 2 MB). */
	maxXmlPartBytes: 20 * MB,
	/** One picture or other binary part: the largest file one may upload. */
	maxBinaryPartBytes: 20 * MB,
	/** Paragraphs in all XML parts: a 100-page document has about 5,000. */
	maxParagraphs: 20_000,
	/** Start tags in all XML parts: a 100-page document with tables has about 200,000. */
	maxElements: 400_000
} as const;

export type DocxLimits = typeof DOCX_CONVERT_LIMITS;

function refuse(key: MessageKey, params?: Record<string, string | number>): AppError {
	return new AppError('invalid', key, { field: 'docx', ...(params ? { params } : {}) });
}

const corrupt = () => refuse('error_docx_corrupt');

/**
 * A part name a zip reader could turn into a path outside the archive, or that two readers
 * could read differently: absolute, with a drive letter, "..", a backslash or a control char.
 */
export function isUnsafePartName(name: string): boolean {
	if (name.length === 0 || name.length > 512) return true;
	// eslint-disable-next-line no-control-regex
	if (/[\u0000-\u001f\u007f\\]/.test(name)) return true;
	if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return true;
	return name.split('/').some((segment) => segment === '..' || segment === '.');
}

const isXmlPart = (name: string) => /\.(xml|rels)$/i.test(name);

const LT = 0x3c;
const COLON = 0x3a;
const P = 0x70;

/** A letter or "_": what an XML name starts with (ASCII is enough to count tags). */
const isNameStart = (byte: number) =>
	(byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || byte === 0x5f || byte >= 0x80;
const isNameChar = (byte: number) =>
	isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte === 0x2d || byte === 0x2e;

const OUTSIDE = 0;
const TAG_START = 1;
const NAME = 2;

/**
 * Counts start tags and paragraphs (`<p>` of any namespace prefix: mammoth resolves prefixes)
 * in XML given a piece at a time, byte by byte: a tag split between two pieces is still seen.
 */
class XmlCounter {
	paragraphs = 0;
	elements = 0;
	private state = OUTSIDE;
	/** Length of the tag name's local part so far, and whether it starts with "p". */
	private localLength = 0;
	private localIsP = false;

	constructor(private readonly limits: DocxLimits) {}

	push(chunk: Uint8Array) {
		let { state, localLength, localIsP, paragraphs, elements } = this;
		for (let i = 0; i < chunk.length; i++) {
			const byte = chunk[i]!;
			if (state === NAME) {
				if (byte === COLON) {
					localLength = 0;
					localIsP = false;
					continue;
				}
				if (isNameChar(byte)) {
					localIsP = localLength === 0 && byte === P;
					localLength++;
					continue;
				}
				if (localIsP && localLength === 1) paragraphs++;
				state = OUTSIDE;
			}
			if (state === TAG_START) {
				if (isNameStart(byte)) {
					elements++;
					state = NAME;
					localIsP = byte === P;
					localLength = 1;
					continue;
				}
				state = OUTSIDE;
			}
			if (byte === LT) state = TAG_START;
		}
		Object.assign(this, { state, localLength, localIsP, paragraphs, elements });
		if (paragraphs > this.limits.maxParagraphs)
			throw refuse('docx_error_too_many_paragraphs', { max: this.limits.maxParagraphs });
		if (elements > this.limits.maxElements)
			throw refuse('docx_error_too_many_elements', { max: this.limits.maxElements });
	}

	/** A part ends: the next one starts outside any tag. */
	end() {
		this.state = OUTSIDE;
	}
}

/** Small input pieces keep each burst of output small (deflate expands at most ~1032×). */
const PIECE = 4096;

/**
 * Inflates one entry a piece at a time, passing each output chunk to `sink` and throwing as
 * soon as more than `budget` bytes come out. Returns the inflated size.
 */
function inflateEntry(
	archive: Uint8Array,
	entry: ZipEntry,
	budget: number,
	overBudget: () => AppError,
	sink: (chunk: Uint8Array) => void
): number {
	const start = entryDataOffset(archive, entry);
	if (start === null || start + entry.compressedSize > archive.length) throw corrupt();
	const data = archive.subarray(start, start + entry.compressedSize);
	if (entry.method === 0) {
		if (data.length > budget) throw overBudget();
		sink(data);
		return data.length;
	}
	if (entry.method !== 8) throw corrupt();
	let produced = 0;
	let ended = false;
	let failure: unknown = null;
	const inflate = new Inflate((chunk, final) => {
		if (failure) return;
		produced += chunk.length;
		if (final) ended = true;
		if (produced > budget) {
			failure = overBudget();
			return;
		}
		try {
			sink(chunk);
		} catch (error) {
			failure = error;
		}
	});
	for (let at = 0; ; at += PIECE) {
		const last = at + PIECE >= data.length;
		try {
			inflate.push(data.subarray(at, at + PIECE), last);
		} catch {
			throw corrupt();
		}
		// Stop streaming at the first piece past a limit: the rest is never inflated.
		if (failure) throw failure;
		if (last) break;
	}
	if (!ended) throw corrupt();
	return produced;
}

export interface InspectedDocx {
	/** word/document.xml, inflated (within the limits). */
	documentXml: Uint8Array;
	paragraphs: number;
	elements: number;
}

/** The archive's entries, refused from the headers alone when they admit to too much. */
function readEntries(bytes: Uint8Array, limits: DocxLimits): ZipEntry[] {
	// "PK\x03\x04": every .docx starts with a local file header.
	if (
		bytes.length < 4 ||
		bytes[0] !== 0x50 ||
		bytes[1] !== 0x4b ||
		bytes[2] !== 3 ||
		bytes[3] !== 4
	)
		throw corrupt();
	const tail = bytes.subarray(Math.max(0, bytes.length - ZIP_TAIL_BYTES));
	const directory = findCentralDirectory(tail, bytes.length);
	if (!directory) throw corrupt();
	if (directory.entryCount > limits.maxEntries)
		throw refuse('docx_error_too_many_parts', { max: limits.maxEntries });
	const entries = readCentralDirectory(
		bytes.subarray(directory.offset, directory.offset + directory.size),
		directory.entryCount
	);
	if (!entries) throw corrupt();
	const names = new Set<string>();
	let declared = 0;
	for (const entry of entries) {
		// Two entries of one name: readers may disagree on which one counts.
		if (isUnsafePartName(entry.name) || names.has(entry.name))
			throw refuse('docx_error_bad_part_name');
		names.add(entry.name);
		const partLimit = isXmlPart(entry.name) ? limits.maxXmlPartBytes : limits.maxBinaryPartBytes;
		if (entry.declaredSize > partLimit)
			throw refuse('docx_error_part_too_large', { max: partLimit / MB });
		declared += entry.declaredSize;
		if (declared > limits.maxTotalBytes)
			throw refuse('docx_error_unpacked_too_large', { max: limits.maxTotalBytes / MB });
	}
	return entries;
}

/**
 * Checks a .docx against the limits (throws a translated AppError on field "docx" naming the
 * limit, or error_docx_corrupt) and returns its document.xml.
 */
export function inspectDocx(
	bytes: Uint8Array,
	limits: DocxLimits = DOCX_CONVERT_LIMITS
): InspectedDocx {
	const entries = readEntries(bytes, limits);
	const counter = new XmlCounter(limits);
	let total = 0;
	let documentXml: Uint8Array | null = null;
	for (const entry of entries) {
		if (entry.name.endsWith('/')) continue; // a folder
		const xml = isXmlPart(entry.name);
		const partLimit = xml ? limits.maxXmlPartBytes : limits.maxBinaryPartBytes;
		const left = limits.maxTotalBytes - total;
		const budget = Math.min(partLimit, left);
		const overBudget = () =>
			budget === partLimit
				? refuse('docx_error_part_too_large', { max: partLimit / MB })
				: refuse('docx_error_unpacked_too_large', { max: limits.maxTotalBytes / MB });
		const isDocument = entry.name === 'word/document.xml';
		const kept: Uint8Array[] = [];
		total += inflateEntry(bytes, entry, budget, overBudget, (chunk) => {
			if (xml) counter.push(chunk);
			if (isDocument) kept.push(chunk.slice());
		});
		counter.end();
		if (isDocument) documentXml = Buffer.concat(kept);
	}
	if (!documentXml) throw corrupt();
	return { documentXml, paragraphs: counter.paragraphs, elements: counter.elements };
}

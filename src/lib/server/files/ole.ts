// Office 97–2003 files (.doc, .ppt, .xls) are OLE2 compound files: a little file system of
// sectors whose directory names the streams inside. The signature says "compound file"; the
// stream names say which program wrote it. Only the directory is read, a sector at a time,
// and never more than MAX_DIRECTORY_SECTORS of it: a hostile file cannot make us read much.

export const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** 64 sectors of 512 bytes hold 256 directory entries; Office files have a few dozen. */
const MAX_DIRECTORY_SECTORS = 64;
/** The header lists the first 109 sectors of the allocation table (enough for 6.8 MB at 512). */
const HEADER_DIFAT_ENTRIES = 109;
/**
 * Further ones are listed in DIFAT sectors, a chain: 32 of them reach 260 MB of 512-byte
 * sectors, more than any upload we take; a longer chain is refused, not followed.
 */
const MAX_DIFAT_SECTORS = 32;
const END_OF_CHAIN = 0xfffffffe;
const ENTRY_BYTES = 128;

export type CompoundKind = 'doc' | 'ppt' | 'xls';

/** Reads `length` bytes at `at` (fewer at the end of the file). */
type ReadAt = (at: number, length: number) => Promise<Uint8Array>;

/**
 * VBA macros: a Word "Macros" storage, Excel's "_VBA_PROJECT_CUR", or any "VBA" storage.
 * (PowerPoint keeps its VBA inside its main stream and Excel 4.0 macro sheets live in the
 * workbook stream: those are not seen here. Attachments are only ever downloaded.)
 */
const macroStorages = new Set(['Macros', '_VBA_PROJECT_CUR', 'VBA']);

/**
 * Which Office program wrote the compound file, by the streams its directory names; null
 * when it is not a compound file, is broken, carries macros, or is something else stored
 * the same way (an Outlook message, an installer, an encrypted OOXML package).
 */
export async function sniffCompound(
	read: ReadAt,
	head: Uint8Array,
	size: number
): Promise<CompoundKind | null> {
	if (head.length < 512 || !OLE_SIGNATURE.every((byte, i) => head[i] === byte)) return null;
	const header = new DataView(head.buffer, head.byteOffset, 512);
	if (header.getUint16(0x1c, true) !== 0xfffe) return null; // byte order mark
	const shift = header.getUint16(0x1e, true);
	if (shift !== 9 && shift !== 12) return null;
	const sectorBytes = 1 << shift;
	const perFatSector = sectorBytes / 4;
	const sectorAt = (sector: number) => (sector + 1) * sectorBytes;

	const readUint32 = async (at: number): Promise<number | null> => {
		if (at < 0 || at + 4 > size) return null;
		const bytes = await read(at, 4);
		return bytes.length === 4
			? new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true)
			: null;
	};

	/** Where the `index`th allocation table sector is: the header, then the DIFAT chain. */
	const fatSectorOf = async (index: number): Promise<number | null> => {
		if (index < HEADER_DIFAT_ENTRIES) return header.getUint32(0x4c + index * 4, true);
		const perDifat = perFatSector - 1; // the last slot points at the next DIFAT sector
		const beyond = index - HEADER_DIFAT_ENTRIES;
		const hops = Math.floor(beyond / perDifat);
		if (hops >= MAX_DIFAT_SECTORS || hops >= header.getUint32(0x48, true)) return null;
		let difat: number | null = header.getUint32(0x44, true);
		for (let hop = 0; hop < hops && difat !== null; hop++)
			difat = await readUint32(sectorAt(difat) + perDifat * 4);
		return difat === null ? null : readUint32(sectorAt(difat) + (beyond % perDifat) * 4);
	};

	/** The next sector of a chain, from the allocation table sector that holds it. */
	const next = async (sector: number): Promise<number | null> => {
		const fatSector = await fatSectorOf(Math.floor(sector / perFatSector));
		if (fatSector === null) return null;
		const at = sectorAt(fatSector) + (sector % perFatSector) * 4;
		if (at + 4 > size) return null;
		const bytes = await read(at, 4);
		return bytes.length === 4
			? new DataView(bytes.buffer, bytes.byteOffset).getUint32(0, true)
			: null;
	};

	const names = new Set<string>();
	let sector: number | null = header.getUint32(0x30, true);
	for (let count = 0; sector !== END_OF_CHAIN; count++) {
		if (sector === null || count >= MAX_DIRECTORY_SECTORS) return null;
		const at = sectorAt(sector);
		if (at + sectorBytes > size) return null;
		const entries = await read(at, sectorBytes);
		if (entries.length < sectorBytes) return null;
		for (let offset = 0; offset < sectorBytes; offset += ENTRY_BYTES) {
			const name = entryName(entries.subarray(offset, offset + ENTRY_BYTES));
			if (name) names.add(name);
		}
		sector = await next(sector);
	}

	if ([...names].some((name) => macroStorages.has(name))) return null;
	if (names.has('WordDocument')) return 'doc';
	if (names.has('PowerPoint Document')) return 'ppt';
	if (names.has('Workbook') || names.has('Book')) return 'xls';
	return null;
}

/** A directory entry's name (UTF-16LE, its length in bytes with the terminator); '' if unused. */
function entryName(entry: Uint8Array): string {
	const view = new DataView(entry.buffer, entry.byteOffset, entry.byteLength);
	const type = entry[66];
	if (type !== 1 && type !== 2 && type !== 5) return '';
	const length = view.getUint16(64, true);
	if (length < 2 || length > 64 || length % 2 !== 0) return '';
	let name = '';
	for (let i = 0; i < length - 2; i += 2) name += String.fromCharCode(view.getUint16(i, true));
	return name;
}

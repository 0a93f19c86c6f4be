// Small .docx files built in memory for the limit tests, the upload corpus and the bench: a
// minimal valid document, and hostile ones (paragraph floods, zip bombs, lying sizes, bad names).
import { zipSync, strToU8 } from 'fflate';
import { constants, crc32, deflateRawSync } from 'node:zlib';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** document.xml around the given body XML. */
export function documentXml(body: string): string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
}

export const paragraph = (text: string) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** A .docx of the given document.xml body and extra entries, deflated at the highest level. */
export function docxOf(body: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
	return zipSync(
		{
			'[Content_Types].xml': strToU8(CONTENT_TYPES),
			'_rels/.rels': strToU8(RELS),
			'word/document.xml': strToU8(documentXml(body)),
			...extra
		},
		{ level: 9 }
	);
}

/** A plain document of `count` short paragraphs. */
export const paragraphsDocx = (count: number) =>
	docxOf(Array.from({ length: count }, (_, i) => paragraph(`Абзац ${i + 1}`)).join(''));

/** The finding: a ~60 KB file whose document.xml is ~19 MB of empty paragraphs. */
export function paragraphFloodDocx(megabytes = 19): Uint8Array {
	return docxOf('<w:p/>'.repeat(Math.floor((megabytes * 1024 * 1024) / 6)));
}

/** A document.xml that inflates to `megabytes` of one repeated byte (a classic bomb). */
export function bombDocx(megabytes: number): Uint8Array {
	const filler = new Uint8Array(megabytes * 1024 * 1024).fill(0x20);
	return docxOf(paragraph('x'), { 'word/bomb.xml': filler });
}

const le32 = (bytes: Uint8Array, at: number, value: number) =>
	new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, value >>> 0, true);

/**
 * Rewrites the uncompressed size that the archive's headers (local and central) declare for
 * `name`: a lie that readers trusting the headers believe.
 */
export function withDeclaredSize(archive: Uint8Array, name: string, size: number): Uint8Array {
	const out = archive.slice();
	const view = new DataView(out.buffer);
	const wanted = strToU8(name);
	for (let at = 0; at + 46 < out.length; at++) {
		const signature = view.getUint32(at, true);
		if (signature !== 0x02014b50 && signature !== 0x04034b50) continue;
		const central = signature === 0x02014b50;
		const nameLength = view.getUint16(at + (central ? 28 : 26), true);
		const nameAt = at + (central ? 46 : 30);
		const entryName = out.subarray(nameAt, nameAt + nameLength);
		if (entryName.length !== wanted.length || !entryName.every((b, i) => b === wanted[i])) continue;
		le32(out, at + (central ? 24 : 22), size);
	}
	return out;
}

/** A document whose parts sit under hostile names (zip-slip, absolute, NUL). */
export function badNameDocx(name: string): Uint8Array {
	return docxOf(paragraph('x'), { [name]: strToU8('boo') });
}

interface RawEntry {
	name: string;
	data: Uint8Array;
	method: 0 | 8;
	crc: number;
	/** The uncompressed size the headers declare. */
	size: number;
}

/** A zip archive of the entries as given: their sizes and CRCs are written as declared. */
function rawZip(entries: RawEntry[]): Uint8Array {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(entry.method, 8);
		local.writeUInt32LE(entry.crc >>> 0, 14);
		local.writeUInt32LE(entry.data.length, 18);
		local.writeUInt32LE(entry.size >>> 0, 22);
		local.writeUInt16LE(name.length, 26);
		const central = Buffer.alloc(46);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(entry.method, 10);
		central.writeUInt32LE(entry.crc >>> 0, 16);
		central.writeUInt32LE(entry.data.length, 20);
		central.writeUInt32LE(entry.size >>> 0, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		locals.push(local, name, Buffer.from(entry.data));
		centrals.push(central, name);
		offset += 30 + name.length + entry.data.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const deflatedEntry = (name: string, text: string): RawEntry => {
	const data = strToU8(text);
	return { name, data: deflateRawSync(data), method: 8, crc: crc32(data), size: data.length };
};

/**
 * A docx whose document.xml is `megabytes` MB of empty paragraphs, built without ever holding
 * them: one compressed megabyte is repeated (sync-flushed deflate blocks chain). `declared`
 * is what the headers claim (the true size by default); `spaces` fills it with blanks instead.
 */
export function hugeDocumentDocx(
	megabytes: number,
	declared?: number,
	content: 'paragraphs' | 'spaces' = 'paragraphs'
): Uint8Array {
	const head = strToU8(documentXml('').replace('</w:body></w:document>', ''));
	const filler = strToU8(
		content === 'spaces' ? ' '.repeat(1024 * 1024) : '<w:p/>'.repeat(Math.floor((1024 * 1024) / 6))
	);
	const tail = strToU8('</w:body></w:document>');
	const flush = { level: 9, finishFlush: constants.Z_SYNC_FLUSH };
	const headData = deflateRawSync(head, flush);
	const fillerData = deflateRawSync(filler, flush);
	const tailData = deflateRawSync(tail);
	let crc = crc32(head);
	for (let i = 0; i < megabytes; i++) crc = crc32(filler, crc);
	crc = crc32(tail, crc);
	const data = Buffer.concat([headData, ...Array(megabytes).fill(fillerData), tailData]);
	const size = head.length + filler.length * megabytes + tail.length;
	return rawZip([
		deflatedEntry('[Content_Types].xml', CONTENT_TYPES),
		deflatedEntry('_rels/.rels', RELS),
		{ name: 'word/document.xml', data, method: 8, crc, size: declared ?? size }
	]);
}

/** A docx with `count` extra tiny parts. */
export function manyPartsDocx(count: number): Uint8Array {
	const extra: Record<string, Uint8Array> = {};
	for (let i = 0; i < count; i++) extra[`word/media/p${i}.bin`] = new Uint8Array([i & 0xff]);
	return docxOf(paragraph('x'), extra);
}

/** A docx listing the same part twice. */
export function duplicatePartDocx(): Uint8Array {
	return rawZip([
		deflatedEntry('[Content_Types].xml', CONTENT_TYPES),
		deflatedEntry('_rels/.rels', RELS),
		deflatedEntry('word/document.xml', documentXml(paragraph('one'))),
		deflatedEntry('word/document.xml', documentXml(paragraph('two')))
	]);
}

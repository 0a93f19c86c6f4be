import { Document, Packer, Paragraph } from 'docx';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDeflateRaw, crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { checkZipBudget, sniffFile } from './sniff';

let dir: string;
beforeAll(async () => {
	dir = await mkdtemp(path.join(tmpdir(), 'sniff-'));
});
afterAll(async () => {
	await rm(dir, { recursive: true, force: true });
});

/** Writes bytes under a (possibly lying) name and sniffs them. */
async function sniff(name: string, bytes: Uint8Array | string) {
	const file = path.join(dir, name);
	await writeFile(file, bytes);
	return sniffFile(file);
}

const bytes = (...parts: (number[] | string | Uint8Array)[]) =>
	Buffer.concat(
		parts.map((part) =>
			typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part)
		)
	);

const image = () => sharp({ create: { width: 8, height: 6, channels: 3, background: '#c33' } });

const minimalPdf = [
	'%PDF-1.4',
	'1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
	'2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
	'3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj',
	'trailer << /Root 1 0 R >>',
	'%%EOF'
].join('\n');

const contentTypes = strToU8(
	'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
);
const ooxml = (files: Zippable) => zipSync({ '[Content_Types].xml': contentTypes, ...files });
const odf = (mime: string) =>
	zipSync({
		mimetype: [strToU8(mime), { level: 0 }],
		'META-INF/manifest.xml': strToU8('<manifest/>'),
		'content.xml': strToU8('<office:document-content/>')
	});

/** An ISO-BMFF ftyp box with a major brand and compatible brands. */
const ftyp = (major: string, ...compatible: string[]) => {
	const size = 16 + 4 * compatible.length;
	return bytes(
		[0, 0, 0, size],
		'ftyp',
		major,
		[0, 0, 2, 0],
		compatible.join(''),
		[0, 0, 0, 8],
		'free'
	);
};
const mp3Frame = [0xff, 0xfb, 0x90, 0x64, 0, 0, 0, 0];
/** An ID3v2.3 tag of `size` bytes (syncsafe length) before the audio. */
const id3 = (size: number) =>
	bytes('ID3', [3, 0, 0, 0, 0, (size >> 7) & 0x7f, size & 0x7f], new Array(size).fill(0));
const oggPage = (packet: string) =>
	bytes('OggS', [0, 2], new Array(22).fill(0), [1, packet.length], packet);

describe('sniffFile accepts', () => {
	it.each([
		['png', () => image().png().toBuffer(), 'image/png', 'image'],
		['jpeg', () => image().jpeg().toBuffer(), 'image/jpeg', 'image'],
		['webp', () => image().webp().toBuffer(), 'image/webp', 'image'],
		['gif', () => image().gif().toBuffer(), 'image/gif', 'image'],
		['pdf', async () => Buffer.from(minimalPdf), 'application/pdf', 'document'],
		[
			'docx',
			async () =>
				Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Сабак')] }] })),
			'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'document'
		],
		[
			'pptx',
			async () => ooxml({ 'ppt/presentation.xml': strToU8('<p:presentation/>') }),
			'application/vnd.openxmlformats-officedocument.presentationml.presentation',
			'presentation'
		],
		[
			'xlsx',
			async () => ooxml({ 'xl/workbook.xml': strToU8('<workbook/>') }),
			'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'spreadsheet'
		],
		[
			'odt',
			async () => odf('application/vnd.oasis.opendocument.text'),
			'application/vnd.oasis.opendocument.text',
			'document'
		],
		[
			'odp',
			async () => odf('application/vnd.oasis.opendocument.presentation'),
			'application/vnd.oasis.opendocument.presentation',
			'presentation'
		],
		[
			'ods',
			async () => odf('application/vnd.oasis.opendocument.spreadsheet'),
			'application/vnd.oasis.opendocument.spreadsheet',
			'spreadsheet'
		],
		['mp3', async () => bytes(mp3Frame, mp3Frame), 'audio/mpeg', 'audio'],
		['mp3', async () => bytes(id3(300), mp3Frame), 'audio/mpeg', 'audio'],
		['m4a', async () => ftyp('M4A ', 'M4A ', 'mp42', 'isom'), 'audio/mp4', 'audio'],
		['mp4', async () => ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41'), 'video/mp4', 'video'],
		['mp4', async () => ftyp('mp42', 'mp42', 'isom'), 'video/mp4', 'video'],
		['mp4', async () => ftyp('xyz1', 'xyz1', 'isom'), 'video/mp4', 'video'],
		['mov', async () => ftyp('qt  ', 'qt  '), 'video/quicktime', 'video'],
		[
			'webm',
			async () =>
				bytes(
					[0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84],
					'webm',
					[0x42, 0x87, 0x81, 0x04]
				),
			'video/webm',
			'video'
		],
		[
			'mkv',
			async () =>
				bytes([0x1a, 0x45, 0xdf, 0xa3, 0xa3, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88], 'matroska'),
			'video/x-matroska',
			'video'
		],
		['ogg', async () => oggPage('\x01vorbis\x00\x00\x00\x00'), 'audio/ogg', 'audio'],
		['ogg', async () => oggPage('OpusHead\x01\x02'), 'audio/ogg', 'audio'],
		['ogv', async () => oggPage('\x80theora\x03\x02'), 'video/ogg', 'video'],
		[
			'wav',
			async () => bytes('RIFF', [36, 0, 0, 0], 'WAVEfmt ', [16, 0, 0, 0, 1, 0, 1, 0]),
			'audio/wav',
			'audio'
		]
	] as const)('%s', async (kind, make, mime, category) => {
		// The name says nothing: a wrong extension must not matter.
		const result = await sniff(`sample-${kind}.bin`, await make());
		expect(result).toMatchObject({ kind, mime, category });
	});

	it('gives the usual extension', async () => {
		expect((await sniff('photo', await image().jpeg().toBuffer()))?.ext).toBe('jpg');
		expect((await sniff('talk', bytes(mp3Frame)))?.ext).toBe('mp3');
	});
});

describe('sniffFile refuses', () => {
	it.each([
		['HTML named .pdf', 'lesson.pdf', '<!doctype html><html><script>alert(1)</script></html>'],
		['HTML that mentions %PDF- later', 'a.pdf', '<html>%PDF-1.4</html>'],
		[
			'SVG named .png',
			'logo.png',
			'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
		],
		['an empty file', 'empty.docx', ''],
		['plain text', 'notes.txt', 'Сабактын планы'],
		['a Windows program', 'setup.docx', bytes('MZ', new Array(200).fill(0x90))],
		['a zip renamed .docx', 'archive.docx', zipSync({ 'a.txt': strToU8('hello') })],
		[
			'an OOXML package with no known main part',
			'x.docx',
			ooxml({ 'foo/bar.xml': strToU8('<x/>') })
		],
		[
			'a macro-enabled document',
			'macro.docx',
			ooxml({ 'word/document.xml': strToU8('<w/>'), 'word/vbaProject.bin': strToU8('VBA') })
		],
		['an ODF template', 'template.odt', odf('application/vnd.oasis.opendocument.text-template')],
		[
			'a truncated zip',
			'cut.docx',
			ooxml({ 'word/document.xml': strToU8('<w/>') }).subarray(0, 60)
		],
		['AAC in ADTS (not MP3)', 'song.mp3', bytes([0xff, 0xf1, 0x50, 0x80, 0, 0, 0])],
		['an ID3 tag before something else', 'song.mp3', bytes(id3(20), '<html>')],
		['a HEIC photo', 'photo.mp4', ftyp('heic', 'mif1', 'heic')],
		['an unknown RIFF', 'x.wav', bytes('RIFF', [4, 0, 0, 0], 'AVI LIST')],
		['an Ogg stream of an unknown codec', 'x.ogg', oggPage('\x00unknown')],
		[
			'an EBML file of another type',
			'x.webm',
			bytes([0x1a, 0x45, 0xdf, 0xa3, 0x87, 0x42, 0x82, 0x83], 'xyz')
		]
	])('%s', async (_label, name, content) => {
		expect(await sniff(name, content)).toBeNull();
	});
});

const MB = 1024 * 1024;

/** A zip archive of one deflated entry, built by hand so the sizes it declares can lie. */
function zipOf(name: string, deflated: Uint8Array, declaredSize: number, crc: number): Uint8Array {
	const fileName = Buffer.from(name);
	const local = Buffer.alloc(30);
	local.writeUInt32LE(0x04034b50, 0);
	local.writeUInt16LE(20, 4);
	local.writeUInt16LE(8, 8);
	local.writeUInt32LE(crc, 14);
	local.writeUInt32LE(deflated.length, 18);
	local.writeUInt32LE(declaredSize, 22);
	local.writeUInt16LE(fileName.length, 26);
	const central = Buffer.alloc(46);
	central.writeUInt32LE(0x02014b50, 0);
	central.writeUInt16LE(20, 4);
	central.writeUInt16LE(20, 6);
	central.writeUInt16LE(8, 10);
	central.writeUInt32LE(crc, 16);
	central.writeUInt32LE(deflated.length, 20);
	central.writeUInt32LE(declaredSize, 24);
	central.writeUInt16LE(fileName.length, 28);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(1, 8);
	end.writeUInt16LE(1, 10);
	end.writeUInt32LE(46 + fileName.length, 12);
	end.writeUInt32LE(30 + fileName.length + deflated.length, 16);
	return Buffer.concat([local, fileName, deflated, central, fileName, end]);
}

/** `megabytes` of zeros, deflated as a stream by zlib (fast, never all in memory). */
async function deflatedZeros(megabytes: number): Promise<{ deflated: Uint8Array; crc: number }> {
	const deflate = createDeflateRaw({ level: 1 });
	const chunks: Buffer[] = [];
	deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
	const ended = once(deflate, 'end');
	const zeros = Buffer.alloc(MB);
	let crc = 0;
	for (let i = 0; i < megabytes; i++) {
		crc = crc32(zeros, crc);
		if (!deflate.write(zeros)) await once(deflate, 'drain');
	}
	deflate.end();
	await ended;
	return { deflated: Buffer.concat(chunks), crc };
}

const expectAppError = async (fn: () => Promise<void>, messageKey: string) => {
	try {
		await fn();
	} catch (err) {
		expect(err).toBeInstanceOf(AppError);
		expect((err as AppError).messageKey).toBe(messageKey);
		expect((err as AppError).code).toBe('invalid');
		return;
	}
	expect.unreachable('no error thrown');
};

describe('checkZipBudget', () => {
	const limits = { maxEntries: 1000, maxUncompressedBytes: 50 * 1024 * 1024 };

	it('passes a real document', async () => {
		const docx = await Packer.toBuffer(
			new Document({ sections: [{ children: [new Paragraph('Ө')] }] })
		);
		await expect(checkZipBudget(docx, limits)).resolves.toBeUndefined();
	});

	it('passes stored entries within the budget', async () => {
		await expect(
			checkZipBudget(odf('application/vnd.oasis.opendocument.text'), limits)
		).resolves.toBeUndefined();
	});

	it('stops a 200 MB bomb early', async () => {
		const { deflated, crc } = await deflatedZeros(200);
		const bomb = zipOf('word/document.xml', deflated, 200 * MB, crc);
		expect(bomb.length).toBeLessThan(2 * MB);
		const started = performance.now();
		await expectAppError(() => checkZipBudget(bomb, limits), 'error_zip_bomb');
		expect(performance.now() - started).toBeLessThan(5000);
	});

	it('refuses an archive that declares more than the budget without inflating', async () => {
		const archive = zipOf('word/document.xml', new Uint8Array(8), 200 * MB, 0);
		const started = performance.now();
		await expectAppError(() => checkZipBudget(archive, limits), 'error_zip_bomb');
		expect(performance.now() - started).toBeLessThan(50);
	});

	it('lets other work run while a lying archive inflates', async () => {
		const { deflated, crc } = await deflatedZeros(45);
		const liar = zipOf('word/document.xml', deflated, 10, crc);
		let last = performance.now();
		let longest = 0;
		const beat = setInterval(() => {
			const now = performance.now();
			longest = Math.max(longest, now - last);
			last = now;
		}, 5);
		await expect(checkZipBudget(liar, limits)).resolves.toBeUndefined();
		clearInterval(beat);
		expect(longest).toBeLessThan(200);
	});

	it('counts real output, not the sizes the archive declares', async () => {
		const { deflated, crc } = await deflatedZeros(60);
		const liar = zipOf('word/document.xml', deflated, 10, crc);
		await expectAppError(() => checkZipBudget(liar, limits), 'error_zip_bomb');
		const honest = await deflatedZeros(1);
		await expect(
			checkZipBudget(zipOf('a.xml', honest.deflated, 10, honest.crc), limits)
		).resolves.toBeUndefined();
	});

	it('adds up many entries', async () => {
		const files: Zippable = {};
		for (let i = 0; i < 6; i++) files[`part${i}.xml`] = new Uint8Array(MB);
		const archive = zipSync(files);
		await expect(
			checkZipBudget(archive, { ...limits, maxUncompressedBytes: 6 * MB })
		).resolves.toBeUndefined();
		await expectAppError(
			() => checkZipBudget(archive, { ...limits, maxUncompressedBytes: 6 * MB - 1 }),
			'error_zip_bomb'
		);
	});

	it('refuses too many entries', async () => {
		const files: Zippable = {};
		for (let i = 0; i < 20; i++) files[`f${i}.txt`] = strToU8('x');
		await expectAppError(
			() => checkZipBudget(zipSync(files), { ...limits, maxEntries: 10 }),
			'error_zip_bomb'
		);
	});

	it('calls a broken archive corrupt', async () => {
		const good = zipSync({ 'a.xml': strToU8('<a>' + 'x'.repeat(5000) + '</a>') });
		await expectAppError(
			() => checkZipBudget(strToU8('not a zip at all'), limits),
			'error_file_corrupt'
		);
		await expectAppError(() => checkZipBudget(new Uint8Array(0), limits), 'error_file_corrupt');
		await expectAppError(
			() => checkZipBudget(good.subarray(0, good.length - 10), limits),
			'error_file_corrupt'
		);
		// Damage the deflate data itself.
		const damaged = Uint8Array.from(good);
		for (let i = 40; i < 60; i++) damaged[i] = 0xff;
		await expectAppError(() => checkZipBudget(damaged, limits), 'error_file_corrupt');
	});
});

// OLE2 compound files made byte by byte (the container of Office 97–2003 files), so the
// sniffer's tests can name exactly which streams the directory holds; and a real .doc.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const FREE = 0xffffffff;
const END = 0xfffffffe;
const FAT = 0xfffffffd;

/**
 * A compound file with 512-byte sectors: sector 0 the allocation table, then the directory
 * (a root entry and one entry per name, four per sector), then nothing. `loop` makes the
 * directory's chain point back at itself, as a hostile file might.
 */
export function compoundFile(
	streams: { name: string; storage?: boolean }[],
	options: { loop?: boolean; truncate?: number } = {}
): Uint8Array {
	const entries = [
		{ name: 'Root Entry', type: 5 },
		...streams.map((s) => ({ name: s.name, type: s.storage ? 1 : 2 }))
	];
	const dirSectors = Math.ceil(entries.length / 4);
	const bytes = new Uint8Array(512 * (2 + dirSectors));
	const view = new DataView(bytes.buffer);
	bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
	view.setUint16(0x18, 0x3e, true);
	view.setUint16(0x1a, 3, true);
	view.setUint16(0x1c, 0xfffe, true);
	view.setUint16(0x1e, 9, true);
	view.setUint16(0x20, 6, true);
	view.setUint32(0x2c, 1, true);
	view.setUint32(0x30, 1, true);
	view.setUint32(0x3c, END, true);
	view.setUint32(0x44, END, true);
	for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, i === 0 ? 0 : FREE, true);
	const fat = (sector: number, value: number) => view.setUint32(512 + sector * 4, value, true);
	for (let i = 0; i < 128; i++) fat(i, FREE);
	fat(0, FAT);
	for (let d = 0; d < dirSectors; d++) fat(1 + d, d === dirSectors - 1 ? END : 2 + d);
	if (options.loop) fat(dirSectors, 1);
	entries.forEach((entry, index) => {
		const at = 1024 + index * 128;
		for (let i = 0; i < entry.name.length; i++)
			view.setUint16(at + i * 2, entry.name.charCodeAt(i), true);
		view.setUint16(at + 64, (entry.name.length + 1) * 2, true);
		bytes[at + 66] = entry.type;
	});
	return options.truncate ? bytes.subarray(0, options.truncate) : bytes;
}

/** A Word 97–2003 file of `docx`, saved by LibreOffice itself (`soffice --convert-to doc`). */
export async function legacyDoc(docx: Uint8Array, soffice = 'soffice'): Promise<Uint8Array> {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ustat-make-doc-'));
	try {
		await fs.writeFile(path.join(dir, 'plan.docx'), docx);
		await promisify(execFile)(
			soffice,
			[
				`-env:UserInstallation=file://${path.join(dir, 'profile')}`,
				'--headless',
				'--norestore',
				'--convert-to',
				'doc',
				'--outdir',
				dir,
				path.join(dir, 'plan.docx')
			],
			{ timeout: 120_000, env: { ...process.env, HOME: dir } }
		);
		return new Uint8Array(await fs.readFile(path.join(dir, 'plan.doc')));
	} finally {
		await fs.rm(dir, { recursive: true, force: true });
	}
}

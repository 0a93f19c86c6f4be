import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { compoundFile } from '../test/compound-files';
import { libreOfficeAvailable } from '../test/libreoffice';
import { sniffFile } from './sniff';

// Office 97–2003 files are accepted as attachments, told apart by the streams their
// compound file's directory names (issue 18), never by their extension.

const lo = await libreOfficeAvailable();
const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ustat-ole-'));
afterAll(() => fs.rm(dir, { recursive: true, force: true }));
const kindOf = async (bytes: Uint8Array) => {
	const file = path.join(dir, `f-${Math.random().toString(36).slice(2)}.doc`);
	await fs.writeFile(file, bytes);
	return (await sniffFile(file))?.kind ?? null;
};

describe('Office 97–2003 files by their content', () => {
	it('the directory says Word, PowerPoint or Excel', async () => {
		expect(await kindOf(compoundFile([{ name: 'WordDocument' }, { name: 'Data' }]))).toBe('doc');
		expect(
			await kindOf(compoundFile([{ name: 'Current User' }, { name: 'PowerPoint Document' }]))
		).toBe('ppt');
		expect(await kindOf(compoundFile([{ name: 'Workbook' }]))).toBe('xls');
		expect(await kindOf(compoundFile([{ name: 'Book' }]))).toBe('xls');
		// Entries past the first directory sector are read too (a chain of two sectors).
		const many = ['1Table', 'Data', 'ObjectPool', 'CompObj', 'SummaryInformation'];
		expect(
			await kindOf(compoundFile([...many.map((name) => ({ name })), { name: 'WordDocument' }]))
		).toBe('doc');
	});

	it('refused: macros, other compound files, broken or looping directories, a renamed text', async () => {
		expect(
			await kindOf(compoundFile([{ name: 'WordDocument' }, { name: 'Macros', storage: true }]))
		).toBeNull();
		expect(
			await kindOf(
				compoundFile([{ name: 'Workbook' }, { name: '_VBA_PROJECT_CUR', storage: true }])
			)
		).toBeNull();
		// An encrypted OOXML package, an Outlook message: compound files, not Office 97–2003.
		expect(await kindOf(compoundFile([{ name: 'EncryptedPackage' }]))).toBeNull();
		expect(await kindOf(compoundFile([{ name: '__substg1.0_0037001F' }]))).toBeNull();
		expect(await kindOf(compoundFile([{ name: 'WordDocument' }], { loop: true }))).toBeNull();
		expect(await kindOf(compoundFile([{ name: 'WordDocument' }], { truncate: 1100 }))).toBeNull();
		expect(await kindOf(new TextEncoder().encode('Бул жөн эле текст.\n'.repeat(100)))).toBeNull();
	});

	it('a file over 7 MB: the allocation table found through the DIFAT chain', async () => {
		// Sector 13,957 lies past the 109 allocation sectors the header lists (109 × 128).
		const directory = 109 * 128 + 5;
		const bytes = new Uint8Array((directory + 2) * 512);
		const view = new DataView(bytes.buffer);
		bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
		view.setUint16(0x1c, 0xfffe, true);
		view.setUint16(0x1e, 9, true);
		view.setUint32(0x30, directory, true);
		view.setUint32(0x44, 1, true); // the first DIFAT sector
		view.setUint32(0x48, 1, true); // one of them
		for (let i = 0; i < 109; i++) view.setUint32(0x4c + i * 4, 0xffffffff, true);
		const sector = (n: number) => (n + 1) * 512;
		view.setUint32(sector(1), 2, true); // allocation sector no. 109 is sector 2
		view.setUint32(sector(1) + 127 * 4, 0xfffffffe, true);
		view.setUint32(sector(2) + (directory % 128) * 4, 0xfffffffe, true); // end of chain
		const entry = (at: number, name: string, type: number) => {
			for (let i = 0; i < name.length; i++) view.setUint16(at + i * 2, name.charCodeAt(i), true);
			view.setUint16(at + 64, (name.length + 1) * 2, true);
			bytes[at + 66] = type;
		};
		entry(sector(directory), 'Root Entry', 5);
		entry(sector(directory) + 128, 'WordDocument', 2);
		expect(await kindOf(bytes)).toBe('doc');
		// Without the chain (no DIFAT sector declared) the directory cannot be found: refused.
		view.setUint32(0x48, 0, true);
		expect(await kindOf(bytes)).toBeNull();
	});

	describe.skipIf(!lo)('as LibreOffice writes them', () => {
		it('a .doc and an .xls saved by LibreOffice', async () => {
			await fs.writeFile(path.join(dir, 'plan.txt'), 'Сабактын планы\n');
			await fs.writeFile(path.join(dir, 'marks.csv'), 'аты,баа\nАйгүл,5\n');
			const convert = (file: string, to: string) =>
				promisify(execFile)(
					'soffice',
					[
						`-env:UserInstallation=file://${path.join(dir, 'profile')}`,
						'--headless',
						'--norestore',
						'--convert-to',
						to,
						'--outdir',
						dir,
						path.join(dir, file)
					],
					{ timeout: 120_000, env: { ...process.env, HOME: dir } }
				);
			await convert('plan.txt', 'doc');
			await convert('marks.csv', 'xls');
			expect((await sniffFile(path.join(dir, 'plan.doc')))?.mime).toBe('application/msword');
			expect((await sniffFile(path.join(dir, 'marks.xls')))?.mime).toBe('application/vnd.ms-excel');
		}, 180_000);
	});
});

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

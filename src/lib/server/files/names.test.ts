import { describe, expect, it } from 'vitest';
import { safeFileName } from './names';

describe('safeFileName', () => {
	it.each([
		['Сабактын планы ң ө ү.docx', 'Сабактын планы ң ө ү.docx'],
		['../../etc/passwd', 'passwd'],
		['a\\b.docx', 'b.docx'],
		['C:\\Users\\Айгүл\\Desktop\\план.pptx', 'план.pptx'],
		['x\u0000.pdf', 'x.pdf'],
		['line\r\nbreak.pdf', 'linebreak.pdf'],
		['evil\u202Excod.exe', 'evilxcod.exe'],
		['  spaced.pdf  ', 'spaced.pdf'],
		['', 'file'],
		['   ', 'file'],
		['..', 'file'],
		['dir/', 'file'],
		['\u0000\u0001', 'file'],
		['.hidden', '.hidden']
	])('%j → %j', (raw, expected) => {
		expect(safeFileName(raw)).toBe(expected);
	});

	it('shortens to 150 characters, keeping the extension', () => {
		const name = safeFileName(`${'ү'.repeat(300)}.docx`);
		expect(Array.from(name)).toHaveLength(150);
		expect(name.endsWith('ү.docx')).toBe(true);
	});

	it('does not cut a character in half', () => {
		const name = safeFileName('😀'.repeat(200));
		expect(Array.from(name)).toHaveLength(150);
		expect(name).toBe('😀'.repeat(150));
	});

	it('drops an overlong "extension" rather than keeping it', () => {
		const name = safeFileName(`a.${'b'.repeat(200)}`);
		expect(name).toHaveLength(150);
	});
});

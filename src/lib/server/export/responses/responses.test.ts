import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';
import { neutralize } from './table';
import { toXlsx } from './xlsx';

/** RFC 4180 reader: enough to read back what toCsv wrote. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(cell);
			cell = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
			i++;
		} else cell += c;
	}
	return rows;
}

const header = ['Мүчө', 'Пикир', 'Саны'];
const rows = [
	['Үмүт Өмүрбекова', 'Теңир, "жакшы", абдан, өңүт\nэкинчи сап', 4.5],
	['=HYPERLINK("http://evil")', '+1+2', -3],
	['@SUM(A1)', '-2+3', null],
	['\tтаб', '\rкайтуу', 0]
];

describe('responses exports', () => {
	it('neutralizes formula starts', () => {
		expect(neutralize('=1+1')).toBe("'=1+1");
		expect(neutralize('+1')).toBe("'+1");
		expect(neutralize('-1')).toBe("'-1");
		expect(neutralize('@x')).toBe("'@x");
		expect(neutralize('\tx')).toBe("'\tx");
		expect(neutralize('\rx')).toBe("'\rx");
		expect(neutralize('ң ө ү')).toBe('ң ө ү');
	});

	it('CSV: BOM, RFC 4180 quoting, Kyrgyz letters intact, formulas neutralized', () => {
		const csv = toCsv(header, rows);
		expect(csv.charCodeAt(0)).toBe(0xfeff);
		const back = parseCsv(csv.slice(1));
		expect(back).toEqual([
			header,
			['Үмүт Өмүрбекова', 'Теңир, "жакшы", абдан, өңүт\nэкинчи сап', '4.5'],
			[`'=HYPERLINK("http://evil")`, "'+1+2", '-3'],
			["'@SUM(A1)", "'-2+3", ''],
			["'\tтаб", "'\rкайтуу", '0']
		]);
		// UTF-8 bytes round-trip.
		expect(Buffer.from(csv, 'utf8').toString('utf8')).toBe(csv);
	});

	it('XLSX: two sheets read back by exceljs, text and numbers kept, formulas neutralized', async () => {
		const file = await toXlsx(
			{ title: 'Анкета', header, rows },
			{
				header: ['Суроо', 'Маани', 'Саны'],
				rows: [
					['Даярдык', '4', 2],
					[null, '=5', 1]
				]
			},
			{ responses: 'Жооптор', summary: 'Жыйынтык' }
		);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(file as unknown as ArrayBuffer);
		expect(book.worksheets.map((s) => s.name)).toEqual(['Жооптор', 'Жыйынтык']);
		const sheet = book.getWorksheet('Жооптор')!;
		const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
		expect(values(1)).toEqual(header);
		expect(values(2)).toEqual(['Үмүт Өмүрбекова', 'Теңир, "жакшы", абдан, өңүт\nэкинчи сап', 4.5]);
		expect(values(3)).toEqual([`'=HYPERLINK("http://evil")`, "'+1+2", -3]);
		expect(sheet.getCell('A3').type).toBe(ExcelJS.ValueType.String);
		expect(sheet.getCell('A4').value).toBe("'@SUM(A1)");
		const summary = book.getWorksheet('Жыйынтык')!;
		expect(summary.getCell('B3').value).toBe("'=5");
		expect(summary.getCell('C2').value).toBe(2);
	});
});

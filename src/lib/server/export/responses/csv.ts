import { safeCell, type Cell } from './table';

// CSV for Excel and LibreOffice: UTF-8 with a byte-order mark (Excel then reads Kyrgyz
// letters ң ө ү right), RFC 4180 quoting, CRLF line ends, formula cells neutralized.

const BOM = '\ufeff';

function csvCell(cell: Cell): string {
	const value = safeCell(cell);
	if (value === null) return '';
	const text = String(value);
	return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: Cell[][]): string {
	const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
	return BOM + lines.join('\r\n') + '\r\n';
}

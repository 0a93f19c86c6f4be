import ExcelJS from 'exceljs';
import { safeCell, type ResponsesTable, type SummaryTable } from './table';

// XLSX with exceljs: a Responses sheet (one row per response) and a Summary sheet (one row
// per question and value). Text cells are neutralized against formulas; numbers stay numbers
// so the leader can compute with them.

/** Excel's sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(name: string): string {
	return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet';
}

export async function toXlsx(
	responses: ResponsesTable,
	summary: SummaryTable,
	names: { responses: string; summary: string }
): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Ustat';
	const add = (name: string, header: string[], rows: ResponsesTable['rows']) => {
		const sheet = workbook.addWorksheet(sheetName(name), {
			views: [{ state: 'frozen', ySplit: 1 }]
		});
		sheet.addRow(header.map((h) => safeCell(h)));
		sheet.getRow(1).font = { bold: true };
		for (const row of rows) sheet.addRow(row.map(safeCell));
		sheet.columns.forEach((column, i) => {
			const longest = Math.max(
				header[i]?.length ?? 0,
				...rows.slice(0, 200).map((r) => String(r[i] ?? '').length)
			);
			column.width = Math.min(60, Math.max(10, longest + 2));
		});
	};
	add(names.responses, responses.header, responses.rows);
	add(names.summary, summary.header, summary.rows);
	const buffer = await workbook.xlsx.writeBuffer();
	return Buffer.from(buffer as ArrayBuffer);
}

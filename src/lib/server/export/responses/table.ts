// A questionnaire's responses as one table (a row per response, a column per question) and
// its summary, ready for CSV and XLSX. Pure: the web layer reads the data (with the access
// check) and gives it here.

export type Cell = string | number | null;

export interface ResponsesTable {
	/** The sheet's name, and the title line of the summary. */
	title: string;
	header: string[];
	rows: Cell[][];
}

export interface SummaryTable {
	header: string[];
	rows: Cell[][];
}

/**
 * A text cell a spreadsheet would read as a formula (= + - @, or a tab or carriage return
 * first) gets a leading apostrophe: it shows as the text typed and never runs (OWASP CSV
 * injection). Numbers stay numbers.
 */
export function neutralize(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function safeCell(cell: Cell): Cell {
	return typeof cell === 'string' ? neutralize(cell) : cell;
}

// Sanitized body HTML (see richtext/sanitize.ts) → a small tree of blocks that the DOCX and PDF
// renderers lay out. Pure: no I/O. Whitespace is collapsed as a browser does, text outside any
// block is wrapped into paragraphs, and only pictures of the edition (`edition-image:KEY`) are
// kept. Tables are normalized into a full grid (every row as wide as the table, spans clamped),
// because Typst places cells one after another and Word wants rectangular tables.
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { EDITION_IMAGE } from './model.js';

export interface TextRun {
	text: string;
	bold?: true;
	italic?: true;
	underline?: true;
	strike?: true;
	sub?: true;
	sup?: true;
	code?: true;
	/** http(s) or mailto address of a link. */
	href?: string;
}

export interface LineBreak {
	br: true;
}

/** A footnote's reference, carrying its note (the renderers number the notes themselves). */
export interface FootnoteRef {
	footnote: Block[];
}

export type Inline = TextRun | LineBreak | FootnoteRef;

/** A block's alignment other than the default (left, or justified where the document is). */
export type Alignment = 'center' | 'right' | 'justify';

export interface TableCell {
	/** A `th`: bold, and shaded in the renderers. */
	header: boolean;
	colspan: number;
	rowspan: number;
	blocks: Block[];
}

export type Block =
	| { type: 'paragraph'; inlines: Inline[]; align?: Alignment }
	| { type: 'heading'; level: 2 | 3 | 4; inlines: Inline[]; align?: Alignment }
	| { type: 'list'; ordered: boolean; start: number; items: Block[][] }
	| { type: 'quote'; blocks: Block[] }
	| {
			type: 'table';
			columns: number;
			/** Leading rows repeated on every page the table runs over (0: none). */
			headerRows: number;
			/**
			 * Each row's cells in column order: the cells that start in the row, including empty
			 * ones that pad it, so with the cells spanning down from rows above it fills the grid.
			 */
			rows: TableCell[][];
	  }
	| {
			type: 'image';
			key: string;
			alt: string;
			/** The size set in Word or the editor, in CSS pixels (the picture's own otherwise). */
			width?: number;
			height?: number;
	  }
	| { type: 'hr' }
	| { type: 'pagebreak' }
	| { type: 'pre'; text: string };

/** Lists, quotes and tables nested deeper than this are flattened into their parent. */
export const MAX_DEPTH = 6;
/** Cells past this column are merged into the row's last cell. */
export const MAX_COLUMNS = 30;
/** More leading header rows than this are not repeated on each page. */
const MAX_HEADER_ROWS = 3;

const EDITION_SRC = new RegExp(`^${EDITION_IMAGE}([0-9a-f]{64})$`);
const LINK = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;
const SPACES = /[ \t\n\r\f]+/g;

/**
 * Text that XML and Typst's JSON reader accept: control characters (but tab and newline) and
 * non-characters removed, unpaired surrogates replaced by U+FFFD.
 */
export function cleanText(text: string): string {
	return (
		text
			// eslint-disable-next-line no-control-regex
			.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '')
			.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
	);
}

type Marks = Omit<TextRun, 'text'>;

function sameMarks(a: TextRun, b: TextRun): boolean {
	return (
		a.bold === b.bold &&
		a.italic === b.italic &&
		a.underline === b.underline &&
		a.strike === b.strike &&
		a.sub === b.sub &&
		a.sup === b.sup &&
		a.code === b.code &&
		a.href === b.href
	);
}

const isBreak = (inline: Inline): inline is LineBreak => 'br' in inline;
export const isFootnote = (inline: Inline): inline is FootnoteRef => 'footnote' in inline;

/** Removes the trailing space of the last text run (and runs left empty). */
function trimEnd(out: Inline[]): void {
	for (let last = out.at(-1); last && !isBreak(last) && !isFootnote(last); last = out.at(-1)) {
		last.text = last.text.replace(/ $/, '');
		if (last.text) return;
		out.pop();
	}
}

/** Collapses white space as a browser does in a block of normal text. */
function collapse(inlines: Inline[]): Inline[] {
	const out: Inline[] = [];
	let afterSpace = true; // at the start of a line a space is dropped
	for (const inline of inlines) {
		if (isBreak(inline)) {
			trimEnd(out);
			out.push(inline);
			afterSpace = true;
			continue;
		}
		if (isFootnote(inline)) {
			out.push(inline);
			afterSpace = false;
			continue;
		}
		let text = inline.text.replace(SPACES, ' ');
		if (afterSpace) text = text.replace(/^ /, '');
		if (!text) continue;
		afterSpace = text.endsWith(' ');
		const last = out.at(-1);
		if (last && !isBreak(last) && !isFootnote(last) && sameMarks(last, inline)) last.text += text;
		else out.push({ ...inline, text });
	}
	trimEnd(out);
	while (out.length > 0 && isBreak(out.at(-1) as Inline)) {
		out.pop();
		trimEnd(out);
	}
	return out.some((inline) => !isBreak(inline)) ? out : [];
}

/** A paragraph's or heading's alignment, as the sanitizer writes it. */
function alignmentOf(element: Element): Alignment | undefined {
	return /^text-align:\s*(center|right|justify)$/.exec(
		attribute(element, 'style')?.trim() ?? ''
	)?.[1] as Alignment | undefined;
}

/** Collects blocks, wrapping loose inline content into paragraphs. */
class Flow {
	readonly blocks: Block[] = [];
	private inlines: Inline[] = [];

	constructor(private readonly notes: Notes = new Map()) {}

	/** A footnote's reference, when its note exists. */
	footnote(id: string): void {
		const note = this.notes.get(id);
		if (note) this.inlines.push({ footnote: note });
	}

	text(text: string, marks: Marks): void {
		this.inlines.push({ ...marks, text: cleanText(text) });
	}

	lineBreak(): void {
		this.inlines.push({ br: true });
	}

	flush(align?: Alignment): void {
		const inlines = collapse(this.inlines);
		this.inlines = [];
		if (inlines.length > 0)
			this.blocks.push(
				align ? { type: 'paragraph', inlines, align } : { type: 'paragraph', inlines }
			);
	}

	/** A fresh flow for nested content, sharing the notes. */
	nested(): Flow {
		return new Flow(this.notes);
	}

	push(block: Block): void {
		this.flush();
		this.blocks.push(block);
	}

	append(blocks: Block[]): void {
		this.flush();
		this.blocks.push(...blocks);
	}
}

const isElement = (node: ChildNode): node is Element => node.type === 'tag';

/** The body's footnotes by id (`fn-3`), each its blocks. */
type Notes = Map<string, Block[]>;
const NOTE_LINK = /^#(fn-\d{1,4})$/;

function isBlank(node: ChildNode): boolean {
	return node.type === 'text' && !/[^ \t\n\r\f]/.test(node.data);
}

function attribute(element: Element, name: string): string | undefined {
	return element.attribs[name];
}

function count(value: string | undefined, fallback: number): number {
	const number = Number(value?.trim());
	return Number.isInteger(number) && number >= 0 ? number : fallback;
}

/** The text of a `pre`, its line breaks kept. */
function preText(nodes: ChildNode[]): string {
	let text = '';
	for (const node of nodes) {
		if (node.type === 'text') text += node.data;
		else if (isElement(node)) text += node.name === 'br' ? '\n' : preText(node.children);
	}
	return text;
}

const MARK_TAGS: Record<string, keyof Marks> = {
	strong: 'bold',
	b: 'bold',
	em: 'italic',
	i: 'italic',
	u: 'underline',
	s: 'strike',
	strike: 'strike',
	del: 'strike',
	sub: 'sub',
	sup: 'sup',
	code: 'code'
};

const HEADINGS: Record<string, 2 | 3 | 4> = { h1: 2, h2: 2, h3: 3, h4: 4, h5: 4, h6: 4 };

/** The blocks of `nodes` in a fresh flow (sharing `parent`'s notes). */
function blocksOf(nodes: ChildNode[], marks: Marks, depth: number, parent: Flow): Block[] {
	const flow = parent.nested();
	walk(nodes, marks, flow, depth);
	flow.flush();
	return flow.blocks;
}

function walk(nodes: ChildNode[], marks: Marks, flow: Flow, depth: number): void {
	for (const node of nodes) {
		if (node.type === 'text') {
			flow.text(node.data, marks);
			continue;
		}
		if (!isElement(node)) continue;
		const name = node.name.toLowerCase();
		if (name === 'sup' && hasClass(node, 'footnote-ref')) {
			const href = node.children.find(isElement)?.attribs.href ?? '';
			const id = NOTE_LINK.exec(href)?.[1];
			if (id) flow.footnote(id);
			continue;
		}
		// The notes were read first (see htmlToBlocks); the renderers place them.
		if (name === 'section' && hasClass(node, 'footnotes')) continue;
		const mark = MARK_TAGS[name];
		if (mark) {
			walk(node.children, { ...marks, [mark]: true }, flow, depth);
			continue;
		}
		const level = HEADINGS[name];
		if (level) {
			// A heading's pictures or other blocks follow it.
			const align = alignmentOf(node);
			for (const block of blocksOf(node.children, marks, depth, flow)) {
				flow.push(
					block.type === 'paragraph'
						? { type: 'heading', level, inlines: block.inlines, ...(align ? { align } : {}) }
						: block
				);
			}
			continue;
		}
		switch (name) {
			case 'br':
				flow.lineBreak();
				break;
			case 'a': {
				const href = attribute(node, 'href')?.trim() ?? '';
				walk(node.children, LINK.test(href) ? { ...marks, href } : marks, flow, depth);
				break;
			}
			case 'img': {
				const image = imageBlock(node);
				if (image) flow.push(image);
				break;
			}
			case 'hr':
				flow.push(hasClass(node, 'page-break') ? { type: 'pagebreak' } : { type: 'hr' });
				break;
			case 'pre': {
				const text = cleanText(
					preText(node.children)
						.replace(/^\r?\n/, '')
						.replace(/\s+$/, '')
				);
				if (text) flow.push({ type: 'pre', text });
				break;
			}
			case 'ul':
			case 'ol':
				list(node, name === 'ol', marks, flow, depth);
				break;
			case 'blockquote':
				if (depth >= MAX_DEPTH) flow.append(blocksOf(node.children, marks, depth, flow));
				else {
					const blocks = blocksOf(node.children, marks, depth + 1, flow);
					if (blocks.length > 0) flow.push({ type: 'quote', blocks });
				}
				break;
			case 'table':
				table(node, marks, flow, depth);
				break;
			case 'p':
				flow.flush();
				walk(node.children, marks, flow, depth);
				flow.flush(alignmentOf(node));
				break;
			case 'li':
			case 'div':
				flow.flush();
				walk(node.children, marks, flow, depth);
				flow.flush();
				break;
			default:
				// Unknown or misplaced tags (a stray td, span…) are transparent.
				walk(node.children, marks, flow, depth);
		}
	}
}

function hasClass(element: Element, name: string): boolean {
	return (attribute(element, 'class') ?? '').split(/\s+/).includes(name);
}

/** An edition picture, with the size it was given when that is a sane one. */
function imageBlock(element: Element): Extract<Block, { type: 'image' }> | null {
	const key = EDITION_SRC.exec(attribute(element, 'src')?.trim() ?? '')?.[1];
	if (!key) return null;
	const image: Extract<Block, { type: 'image' }> = {
		type: 'image',
		key,
		alt: cleanText(attribute(element, 'alt') ?? '')
	};
	const width = count(attribute(element, 'width'), 0);
	const height = count(attribute(element, 'height'), 0);
	if (width > 0 && width <= 10_000) image.width = width;
	if (height > 0 && height <= 10_000) image.height = height;
	return image;
}

function list(element: Element, ordered: boolean, marks: Marks, flow: Flow, depth: number): void {
	const items: Block[][] = [];
	let loose: ChildNode[] = [];
	const flushLoose = () => {
		// Content between items (not valid HTML) becomes an item of its own.
		if (loose.some((node) => !isBlank(node))) items.push(blocksOf(loose, marks, depth + 1, flow));
		loose = [];
	};
	for (const child of element.children) {
		if (isElement(child) && child.name.toLowerCase() === 'li') {
			flushLoose();
			items.push(blocksOf(child.children, marks, depth + 1, flow));
		} else loose.push(child);
	}
	flushLoose();
	if (items.length === 0) return;
	if (depth >= MAX_DEPTH) {
		flow.append(items.flat());
		return;
	}
	const start = ordered ? count(attribute(element, 'start'), 1) : 1;
	flow.push({ type: 'list', ordered, start, items });
}

interface RawCell {
	header: boolean;
	colspan: number;
	rowspan: number;
	nodes: ChildNode[];
}

interface RawRow {
	inHead: boolean;
	cells: RawCell[];
}

function rowsOf(element: Element, inHead: boolean, rows: RawRow[]): void {
	for (const child of element.children) {
		if (!isElement(child)) continue;
		const name = child.name.toLowerCase();
		if (name === 'thead') rowsOf(child, true, rows);
		else if (name === 'tbody' || name === 'tfoot') rowsOf(child, false, rows);
		else if (name === 'tr') {
			const cells: RawCell[] = [];
			for (const cell of child.children) {
				if (!isElement(cell)) continue;
				const cellName = cell.name.toLowerCase();
				if (cellName !== 'td' && cellName !== 'th') continue;
				cells.push({
					header: cellName === 'th',
					colspan: Math.max(1, count(attribute(cell, 'colspan'), 1)),
					// rowspan="0" spans the rest of the table.
					rowspan: count(attribute(cell, 'rowspan'), 1),
					nodes: cell.children
				});
			}
			if (cells.length > 0) rows.push({ inHead, cells });
		}
	}
}

function table(element: Element, marks: Marks, flow: Flow, depth: number): void {
	const raw: RawRow[] = [];
	rowsOf(element, false, raw);
	if (raw.length === 0) return;
	if (depth >= MAX_DEPTH) {
		flow.append(
			raw.flatMap((row) => row.cells.flatMap((cell) => blocksOf(cell.nodes, marks, depth, flow)))
		);
		return;
	}
	let headerRows = 0;
	while (
		headerRows < raw.length &&
		(raw[headerRows]?.inHead || raw[headerRows]?.cells.every((cell) => cell.header))
	) {
		headerRows++;
	}
	if (headerRows >= raw.length || headerRows > MAX_HEADER_ROWS) headerRows = 0;

	const rowCount = raw.length;
	const taken: boolean[][] = raw.map(() => []);
	const isTaken = (row: number, column: number) => taken[row]?.[column] === true;
	const rows: { column: number; cell: TableCell }[][] = raw.map(() => []);
	let columns = 0;
	raw.forEach((rawRow, y) => {
		let x = 0;
		let last: TableCell | undefined;
		for (const rawCell of rawRow.cells) {
			while (isTaken(y, x)) x++;
			const blocks = blocksOf(rawCell.nodes, marks, depth + 1, flow);
			if (x >= MAX_COLUMNS) {
				if (last) last.blocks.push(...blocks);
				continue;
			}
			// A span stops at the table's edge, the header's end and cells spanning from above.
			let colspan = 1;
			while (colspan < rawCell.colspan && x + colspan < MAX_COLUMNS && !isTaken(y, x + colspan)) {
				colspan++;
			}
			const lastRow = y < headerRows ? headerRows : rowCount;
			const wanted = rawCell.rowspan === 0 ? lastRow - y : rawCell.rowspan;
			let rowspan = 1;
			while (
				rowspan < wanted &&
				y + rowspan < lastRow &&
				Array.from({ length: colspan }, (_, i) => x + i).every(
					(column) => !isTaken(y + rowspan, column)
				)
			) {
				rowspan++;
			}
			for (let dy = 0; dy < rowspan; dy++) {
				for (let dx = 0; dx < colspan; dx++) (taken[y + dy] as boolean[])[x + dx] = true;
			}
			last = { header: rawCell.header, colspan, rowspan, blocks };
			rows[y]?.push({ column: x, cell: last });
			x += colspan;
			columns = Math.max(columns, x);
		}
	});
	// Pad every row to the full width with empty cells.
	const grid: TableCell[][] = rows.map((cells, y) => {
		const padded = [...cells];
		for (let x = 0; x < columns; x++) {
			if (!isTaken(y, x)) {
				padded.push({
					column: x,
					cell: { header: y < headerRows, colspan: 1, rowspan: 1, blocks: [] }
				});
			}
		}
		return padded.sort((a, b) => a.column - b.column).map(({ cell }) => cell);
	});
	flow.push({ type: 'table', columns, headerRows, rows: grid });
}

const BREAKING = /^(p|h[1-6]|li|ul|ol|blockquote|table|thead|tbody|tfoot|tr|td|th|pre|hr|div)$/;

/**
 * For markup nested too deep to walk recursively (thousands of levels): the text alone, a
 * paragraph per block, and the pictures. Iterative.
 */
function flatBlocks(nodes: ChildNode[]): Block[] {
	const flow = new Flow();
	const stack: (ChildNode | 'break')[] = [];
	const visit = (children: ChildNode[]) => {
		for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as ChildNode);
	};
	visit(nodes);
	for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
		if (node === 'break') flow.flush();
		else if (node.type === 'text') flow.text(node.data, {});
		else if (isElement(node)) {
			const name = node.name.toLowerCase();
			if (name === 'br') flow.lineBreak();
			else if (name === 'img') {
				const image = imageBlock(node);
				if (image) flow.push(image);
			} else if (BREAKING.test(name)) {
				flow.flush();
				stack.push('break');
				visit(node.children);
			} else visit(node.children);
		}
	}
	flow.flush();
	return flow.blocks;
}

/** The notes of a body's `<section class="footnotes">`, by id. */
function readNotes(nodes: ChildNode[]): Notes {
	const notes: Notes = new Map();
	const section = nodes.find(
		(node): node is Element =>
			isElement(node) && node.name === 'section' && hasClass(node, 'footnotes')
	);
	const list = section?.children.find(
		(node): node is Element => isElement(node) && node.name === 'ol'
	);
	for (const item of list?.children ?? []) {
		if (!isElement(item) || item.name !== 'li') continue;
		const id = attribute(item, 'id') ?? '';
		// A note's own references to notes are not followed (no note within a note).
		if (/^fn-\d{1,4}$/.test(id) && !notes.has(id))
			notes.set(id, blocksOf(item.children, {}, 0, new Flow()));
	}
	return notes;
}

/** The blocks of a sanitized body. */
export function htmlToBlocks(html: string): Block[] {
	const document = parseDocument(html, { decodeEntities: true, lowerCaseTags: true });
	try {
		return blocksOf(document.children, {}, 0, new Flow(readNotes(document.children)));
	} catch (error) {
		if (error instanceof RangeError) return flatBlocks(document.children);
		throw error;
	}
}

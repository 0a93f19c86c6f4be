// Helpers for the tests of the collection renderers: read back what a DOCX or a PDF says.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';

const run = promisify(execFile);

export interface DocxParts {
	files: Record<string, Uint8Array>;
	xml: (name: string) => string;
	/** The text of word/document.xml, paragraph by paragraph (one line each). */
	text: string;
}

function decodeXml(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&#x([0-9a-f]+);/gi, (_m, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
		.replace(/&#(\d+);/g, (_m, decimal: string) => String.fromCodePoint(Number(decimal)))
		.replace(/&amp;/g, '&');
}

/** The text of WordprocessingML: one line per paragraph. */
export function wordText(xml: string): string {
	return xml
		.split(/<\/w:p>/)
		.map((paragraph) =>
			[...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:(tab|br)\/>/g)]
				.map((match) =>
					match[1] !== undefined ? decodeXml(match[1]) : match[2] === 'tab' ? '\t' : '\n'
				)
				.join('')
		)
		.join('\n');
}

export function readDocx(bytes: Uint8Array): DocxParts {
	const files = unzipSync(bytes);
	const xml = (name: string) => {
		const file = files[name];
		if (!file) throw new Error(`${name} is not in the DOCX`);
		return strFromU8(file);
	};
	return { files, xml, text: wordText(xml('word/document.xml')) };
}

export interface PdfFacts {
	text: string;
	pages: number;
	/** The XML of pdftohtml, with the <outline> of bookmarks. */
	xml: string;
	/** pdfinfo's output (Title:, Author:, Pages:…). */
	info: string;
}

/** Reads a PDF back with poppler (pdftotext, pdfinfo, pdftohtml). */
export async function readPdf(bytes: Uint8Array): Promise<PdfFacts> {
	const directory = await mkdtemp(path.join(tmpdir(), 'ustat-pdf-'));
	try {
		const file = path.join(directory, 'doc.pdf');
		await writeFile(file, bytes);
		const options = { maxBuffer: 256 * 1024 * 1024 };
		const [text, info, xml] = await Promise.all([
			run('pdftotext', ['-enc', 'UTF-8', file, '-'], options),
			run('pdfinfo', [file], options),
			run('pdftohtml', ['-xml', '-stdout', '-i', '-q', file], options)
		]);
		const pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1] ?? 0);
		return { text: text.stdout, pages, xml: xml.stdout, info: info.stdout };
	} finally {
		await rm(directory, { recursive: true, force: true });
	}
}

/** Whether `needles` occur in `haystack` in this order; returns the first missing one. */
export function missingInOrder(haystack: string, needles: string[]): string | null {
	let from = 0;
	for (const needle of needles) {
		const at = haystack.indexOf(needle, from);
		if (at < 0) return needle;
		from = at + needle.length;
	}
	return null;
}

/** Text with white space (line breaks of the PDF's layout) squeezed to single spaces. */
export function squeeze(text: string): string {
	return text.replace(/[\s\u2060]+/g, ' ');
}

// Documents checked with the renderers people open them in (issue 18): LibreOffice converts a
// DOCX to PDF headless, then poppler's tools read what came out: pages, text, pictures.
// `.ci/run` installs LibreOffice (libreoffice-writer) and poppler-utils; on a machine without
// them the tests that need them are skipped, except in CI where a missing renderer fails.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';

const run = promisify(execFile);

const SOFFICE = process.env.SOFFICE_PATH ?? 'soffice';
/** A cold start of LibreOffice takes 3–10 s on two cores; a collection a little more. */
const CONVERT_TIMEOUT_MS = 180_000;

async function found(command: string): Promise<boolean> {
	try {
		await run('sh', ['-c', `command -v ${command}`]);
		return true;
	} catch {
		return false;
	}
}

let availability: Promise<boolean> | undefined;

/** True when LibreOffice and poppler's tools are here; in CI their absence is an error. */
export function libreOfficeAvailable(): Promise<boolean> {
	availability ??= (async () => {
		const here = (await found(SOFFICE)) && (await found('pdftotext')) && (await found('pdfimages'));
		if (!here && process.env.CI)
			throw new Error('CI needs LibreOffice and poppler-utils (.ci/run installs them)');
		return here;
	})();
	return availability;
}

/** The PDF LibreOffice makes of a DOCX (its own profile each time: conversions may overlap). */
export async function docxToPdf(docx: Uint8Array, name = 'document'): Promise<Uint8Array> {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ustat-lo-'));
	try {
		const input = path.join(dir, `${name}.docx`);
		await fs.writeFile(input, docx);
		await run(
			SOFFICE,
			[
				`-env:UserInstallation=file://${path.join(dir, 'profile')}`,
				'--headless',
				'--norestore',
				'--nolockcheck',
				'--convert-to',
				'pdf',
				'--outdir',
				dir,
				input
			],
			{ timeout: CONVERT_TIMEOUT_MS, env: { ...process.env, HOME: dir } }
		);
		return new Uint8Array(await fs.readFile(path.join(dir, `${name}.pdf`)));
	} finally {
		await fs.rm(dir, { recursive: true, force: true });
	}
}

/** A picture as placed on a page, in points (1/72 inch). */
export interface PlacedImage {
	page: number;
	widthPt: number;
	heightPt: number;
}

/** What a reader of the PDF sees: the number of pages, the text of each, the pictures. */
export interface PdfReading {
	pages: number;
	/** The text of each page (pdftotext's order, page breaks removed). */
	pageTexts: string[];
	text: string;
	images: PlacedImage[];
}

export async function readPdf(pdf: Uint8Array): Promise<PdfReading> {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ustat-pdf-'));
	try {
		const file = path.join(dir, 'document.pdf');
		await fs.writeFile(file, pdf);
		const { stdout: text } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], {
			maxBuffer: 64 * 1024 * 1024
		});
		const pageTexts = text.split('\f');
		if (pageTexts.at(-1)?.trim() === '') pageTexts.pop();
		const { stdout: list } = await run('pdfimages', ['-list', file]);
		return {
			pages: pageTexts.length,
			pageTexts,
			text: pageTexts.join('\n'),
			images: placedImages(list)
		};
	} finally {
		await fs.rm(dir, { recursive: true, force: true });
	}
}

/**
 * `pdfimages -list` gives each image's pixels and its resolution as placed (x-ppi, y-ppi):
 * pixels ÷ ppi × 72 is its size on the page. Soft masks (smask) repeat their image: skipped.
 */
export function placedImages(list: string): PlacedImage[] {
	const rows = list.split('\n').slice(2);
	const images: PlacedImage[] = [];
	for (const row of rows) {
		const cells = row.trim().split(/\s+/);
		if (cells.length < 14 || cells[2] !== 'image') continue;
		const [page = 0, width = 0, height = 0, xppi = 0, yppi = 0] = [0, 3, 4, 12, 13].map((i) =>
			Number(cells[i])
		);
		if (!xppi || !yppi) continue;
		images.push({ page, widthPt: (width / xppi) * 72, heightPt: (height / yppi) * 72 });
	}
	return images;
}

/** Pages as PNG files (for a person to look at, kept as test artifacts), at `dpi`. */
export async function pdfToPngs(pdf: Uint8Array, outDir: string, dpi = 60): Promise<string[]> {
	await fs.mkdir(outDir, { recursive: true });
	const file = path.join(outDir, 'document.pdf');
	await fs.writeFile(file, pdf);
	await run('pdftoppm', ['-png', '-r', String(dpi), file, path.join(outDir, 'page')]);
	return (await fs.readdir(outDir))
		.filter((name) => name.endsWith('.png'))
		.sort()
		.map((name) => path.join(outDir, name));
}

/**
 * How tall something of this colour shows on the pages, in points (at 72 dpi a pixel is a
 * point). A picture clipped to one line is still whole in the PDF, under a clipping path, so
 * `pdfimages` gives its full size: only what is drawn tells the clip (draw the picture in one
 * flat colour that nothing else on the page has).
 */
export async function visibleHeightPt(
	pdf: Uint8Array,
	colour: { r: number; g: number; b: number }
): Promise<number> {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ustat-visible-'));
	try {
		let tallest = 0;
		for (const png of await pdfToPngs(pdf, dir, 72)) {
			const { data, info } = await sharp(png)
				.removeAlpha()
				.raw()
				.toBuffer({ resolveWithObject: true });
			let rows = 0;
			for (let y = 0; y < info.height; y++)
				for (let x = 0; x < info.width; x++) {
					const at = (y * info.width + x) * 3;
					const near =
						Math.abs(data[at]! - colour.r) < 12 &&
						Math.abs(data[at + 1]! - colour.g) < 12 &&
						Math.abs(data[at + 2]! - colour.b) < 12;
					if (near) {
						rows++;
						break;
					}
				}
			tallest = Math.max(tallest, rows);
		}
		return tallest;
	} finally {
		await fs.rm(dir, { recursive: true, force: true });
	}
}

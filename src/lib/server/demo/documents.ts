// The demo's files, made by the product's own renderers: Word and PDF as the collection's
// export lays a body out (export/collection), pictures drawn as SVG and turned into PNG.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { buildMaterialDocx } from '../export/collection/docx';
import type { MaterialDocument } from '../export/collection/model';
import { buildMaterialPdf } from '../export/collection/typst';
import type { DemoAttachment } from './data';

/** A picture of the demo folder (an SVG file) as PNG. */
async function png(directory: string, file: string): Promise<Uint8Array> {
	const svg = fs.readFileSync(path.resolve(directory, file));
	return new Uint8Array(await sharp(svg).png().toBuffer());
}

const PICTURE = /src="(pictures\/[^"]+\.svg)"/g;

/** A body with its `<img src="pictures/….svg">` pasted in as PNG (as the editor pastes them). */
export async function withPictures(directory: string, html: string): Promise<string> {
	const files = [...new Set([...html.matchAll(PICTURE)].map((match) => match[1]!))];
	const uris = new Map<string, string>();
	for (const file of files)
		uris.set(
			file,
			`data:image/png;base64,${Buffer.from(await png(directory, file)).toString('base64')}`
		);
	return html.replace(PICTURE, (_match, file: string) => `src="${uris.get(file)}"`);
}

/** An attached file's bytes; `material` is the material as it is when the file is attached. */
export async function attachmentBytes(
	directory: string,
	file: DemoAttachment,
	material: MaterialDocument
): Promise<Uint8Array> {
	if ('svg' in file) return png(directory, file.svg);
	const document: MaterialDocument =
		'from' in file
			? material
			: {
					title: file.title,
					authors: [],
					language: file.language ?? material.language,
					bodyHtml: file.html
				};
	if (file.name.endsWith('.docx')) return buildMaterialDocx(document);
	const slides = 'slides' in file && file.slides === true;
	return buildMaterialPdf(document, new Map(), { slides }).pdf;
}

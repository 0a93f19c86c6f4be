// A Word file holding each construct the import keeps since issue 18 (superscript and subscript,
// alignment, a page break, a two-level list, a table's header row, a picture's size, footnotes)
// and the ones it can only report (tracked changes, a field), built with the `docx` package.
import {
	AlignmentType,
	Document,
	FootnoteReferenceRun,
	HeadingLevel,
	ImageRun,
	InsertedTextRun,
	DeletedTextRun,
	LevelFormat,
	Packer,
	PageBreak,
	Paragraph,
	SimpleField,
	Table,
	TableCell,
	TableRow,
	TextRun,
	WidthType
} from 'docx';
import { createHash } from 'node:crypto';
import { normalizeImage, type NormalizedImage } from '../export/collection/images';
import { EDITION_IMAGE, type MaterialDocument } from '../export/collection/model';
import { importDocx } from '../richtext/import-docx';
import sharp from 'sharp';

/** The texts of the fixture, for assertions. */
export const FIDELITY_TEXT = {
	title: 'Физика: кубаттуулук',
	centered: 'Борборго тегизделген сап',
	right: 'Оң жакка тегизделген сап',
	formulaBase: 'a',
	water: 'H',
	afterBreak: 'Жаңы беттеги текст',
	outer: ['Биринчи пункт', 'Экинчи пункт'],
	inner: ['Ички пункт А', 'Ички пункт Б'],
	header: ['Аты', 'Баасы'],
	rows: [
		['Айгүл', '5'],
		['Бакыт', '4']
	],
	noted: 'Ньютондун мыйзамы',
	note: 'Исаак Ньютон, 1687-жыл.',
	secondNote: 'Экинчи эскертүү.',
	imageAlt: 'Чийме',
	/** The picture's size set in Word, in CSS pixels. */
	image: { width: 240, height: 120 },
	inserted: 'кошулган',
	deleted: 'өчүрүлгөн'
};

const NUMBERING = {
	config: [
		{
			reference: 'steps',
			levels: [
				{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
				{ level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.START }
			]
		}
	]
};

/** Every construct of issue 18's "Word import" list in one document. */
export async function fidelityDocx(): Promise<Uint8Array> {
	const t = FIDELITY_TEXT;
	// Twice the size it is shown at, as a scanned drawing would be.
	const picture = await sharp({
		create: { width: 480, height: 240, channels: 3, background: { r: 70, g: 130, b: 180 } }
	})
		.png()
		.toBuffer();
	const doc = new Document({
		numbering: NUMBERING,
		footnotes: {
			1: { children: [new Paragraph(t.note)] },
			2: { children: [new Paragraph(t.secondNote)] }
		},
		features: { trackRevisions: true },
		sections: [
			{
				children: [
					new Paragraph({ text: t.title, heading: HeadingLevel.HEADING_1 }),
					new Paragraph({ text: t.centered, alignment: AlignmentType.CENTER }),
					new Paragraph({ text: t.right, alignment: AlignmentType.RIGHT }),
					new Paragraph({
						children: [
							new TextRun('E = m'),
							new TextRun(`c`),
							new TextRun({ text: '2', superScript: true }),
							new TextRun(', '),
							new TextRun(t.formulaBase),
							new TextRun({ text: '2', superScript: true }),
							new TextRun(', '),
							new TextRun(t.water),
							new TextRun({ text: '2', subScript: true }),
							new TextRun('O')
						]
					}),
					new Paragraph({
						children: [
							new TextRun(t.noted),
							new FootnoteReferenceRun(1),
							new TextRun(' жана андан ары.')
						]
					}),
					new Paragraph({
						children: [new TextRun('Дагы бир сап'), new FootnoteReferenceRun(2)]
					}),
					new Paragraph({ children: [new PageBreak()] }),
					new Paragraph(t.afterBreak),
					new Paragraph({ text: t.outer[0]!, numbering: { reference: 'steps', level: 0 } }),
					...t.inner.map(
						(text) => new Paragraph({ text, numbering: { reference: 'steps', level: 1 } })
					),
					new Paragraph({ text: t.outer[1]!, numbering: { reference: 'steps', level: 0 } }),
					new Table({
						width: { size: 100, type: WidthType.PERCENTAGE },
						rows: [
							new TableRow({
								tableHeader: true,
								children: t.header.map((text) => new TableCell({ children: [new Paragraph(text)] }))
							}),
							...t.rows.map(
								(cells) =>
									new TableRow({
										children: cells.map(
											(text) => new TableCell({ children: [new Paragraph(text)] })
										)
									})
							)
						]
					}),
					new Paragraph({
						children: [
							new ImageRun({
								type: 'png',
								data: new Uint8Array(picture),
								transformation: t.image,
								altText: { name: 'chart', description: t.imageAlt, title: t.imageAlt }
							})
						]
					}),
					new Paragraph({
						children: [
							new TextRun('Өзгөртүүлөр: '),
							new InsertedTextRun({
								text: t.inserted,
								id: 1,
								author: 'Үмүт',
								date: '2026-01-01T00:00:00Z'
							}),
							new DeletedTextRun({
								text: t.deleted,
								id: 2,
								author: 'Үмүт',
								date: '2026-01-01T00:00:00Z'
							})
						]
					}),
					new Paragraph({ children: [new TextRun('Барак: '), new SimpleField('PAGE', '1')] })
				]
			}
		]
	});
	return new Uint8Array(await Packer.toBuffer(doc));
}

/** The imported body as an edition holds it: pictures as `edition-image:KEY`. */
export async function importedMaterial(): Promise<{
	material: MaterialDocument;
	images: Map<string, NormalizedImage>;
}> {
	const imported = await importDocx(await fidelityDocx());
	const images = new Map<string, NormalizedImage>();
	let html = imported.html;
	for (const image of imported.images) {
		const key = createHash('sha256').update(image.bytes).digest('hex');
		const normalized = await normalizeImage(image.bytes);
		if (normalized) images.set(key, normalized);
		html = html.replace(image.placeholder, `${EDITION_IMAGE}${key}`);
	}
	const material: MaterialDocument = {
		title: FIDELITY_TEXT.title,
		authors: [],
		language: 'ky',
		bodyHtml: html
	};
	return { material, images };
}

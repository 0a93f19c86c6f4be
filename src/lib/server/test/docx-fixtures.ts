// Real .docx files built in memory with the `docx` package, for the import tests and the bench.
import { constants, crc32, deflateRawSync } from 'node:zlib';
import {
	AlignmentType,
	CommentRangeEnd,
	CommentRangeStart,
	CommentReference,
	Document,
	ExternalHyperlink,
	FootnoteReferenceRun,
	HeadingLevel,
	ImageRun,
	LevelFormat,
	Math as MathBlock,
	MathRun,
	Packer,
	Paragraph,
	Table,
	TableCell,
	TableRow,
	TextRun,
	Textbox,
	WidthType,
	type FileChild,
	type ISectionOptions
} from 'docx';
import { ChartRun } from 'docx/charts';
import sharp from 'sharp';

/** A 2×2 PNG (red, green / blue, white), small enough to hard-code. */
export const TINY_PNG = Uint8Array.from(
	Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAFUlEQVQI12P4z8DAsACIGf7///8fAByXBZzc4LtrAAAAAElFTkSuQmCC',
		'base64'
	)
);

/** A 1×1 BMP: Word takes it, browsers (and so the import) do not. */
function tinyBmp(): Uint8Array {
	const bmp = Buffer.alloc(58);
	bmp.write('BM', 0, 'latin1');
	bmp.writeUInt32LE(58, 2); // file size
	bmp.writeUInt32LE(54, 10); // pixel data offset
	bmp.writeUInt32LE(40, 14); // info header size
	bmp.writeInt32LE(1, 18); // width
	bmp.writeInt32LE(1, 22); // height
	bmp.writeUInt16LE(1, 26); // planes
	bmp.writeUInt16LE(24, 28); // bits per pixel
	bmp.writeUInt32LE(4, 34); // image size
	bmp.set([0x00, 0x00, 0xff, 0x00], 54); // one red pixel, padded to 4 bytes
	return new Uint8Array(bmp);
}

/** A photo-like PNG (noise does not compress), as teachers paste from their phones. */
async function photoPng(width: number, height: number): Promise<Uint8Array> {
	const png = await sharp({
		create: {
			width,
			height,
			channels: 3,
			background: '#808080',
			noise: { type: 'gaussian', mean: 128, sigma: 30 }
		}
	})
		.png()
		.toBuffer();
	return new Uint8Array(png);
}

const NUMBERING = {
	config: [
		{
			reference: 'steps',
			levels: [
				{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START }
			]
		}
	]
};

async function pack(
	sections: ISectionOptions[],
	extra: Partial<ConstructorParameters<typeof Document>[0]> = {}
) {
	const doc = new Document({ numbering: NUMBERING, sections, ...extra });
	return new Uint8Array(await Packer.toBuffer(doc));
}

function table3x3(rows: string[][]): Table {
	return new Table({
		width: { size: 100, type: WidthType.PERCENTAGE },
		rows: rows.map(
			(cells) =>
				new TableRow({
					children: cells.map((text) => new TableCell({ children: [new Paragraph(text)] }))
				})
		)
	});
}

/** The text the teacher fixture is made of, for assertions. */
export const TEACHER_TEXT = {
	title: 'Сабактын планы: Ата-мекен',
	section: 'Сабактын максаты',
	intro:
		'Окуучулар Ата-мекендин тоолору, көлдөрү жана дарыялары жөнүндө үйрөнүшөт: Теңир-Тоо, Ысык-Көл, Нарын.',
	russian: 'Цель урока — развитие речи учащихся.',
	bold: 'Мекенди сүйүү',
	italic: 'өзүңдү сыйлоо',
	bullets: ['Үй тапшырмасын текшерүү', 'Жаңы сабак: Ата-мекен', 'Бышыктоо'],
	steps: ['Саламдашуу', 'Көнүгүү аткаруу', 'Жыйынтык чыгаруу'],
	table: [
		['Этап', 'Убакыт', 'Иш-аракет'],
		['Киришүү', '5 мүнөт', 'Сүрөт көрсөтүү'],
		['Негизги бөлүк', '30 мүнөт', 'Топтор менен иштөө']
	],
	link: { text: 'Билим берүү министрлиги', href: 'https://edu.gov.kg/' },
	imageAlt: 'Ала-Тоонун сүрөтү'
};

function teacherContent(image: Uint8Array): FileChild[] {
	const t = TEACHER_TEXT;
	return [
		new Paragraph({ text: t.title, heading: HeadingLevel.HEADING_1 }),
		new Paragraph({ text: t.section, heading: HeadingLevel.HEADING_2 }),
		new Paragraph(t.intro),
		new Paragraph({
			children: [
				new TextRun(`${t.russian} `),
				new TextRun({ text: t.bold, bold: true }),
				new TextRun(' жана '),
				new TextRun({ text: t.italic, italics: true }),
				new TextRun('.')
			]
		}),
		...t.bullets.map((text) => new Paragraph({ text, bullet: { level: 0 } })),
		...t.steps.map((text) => new Paragraph({ text, numbering: { reference: 'steps', level: 0 } })),
		table3x3(t.table),
		new Paragraph({
			children: [
				new ImageRun({
					type: 'png',
					data: image,
					transformation: { width: 120, height: 90 },
					altText: { name: 'map', description: t.imageAlt, title: t.imageAlt }
				})
			]
		}),
		new Paragraph({
			children: [
				new TextRun('Кошумча маалымат: '),
				new ExternalHyperlink({
					link: t.link.href,
					children: [new TextRun({ text: t.link.text, style: 'Hyperlink' })]
				})
			]
		})
	];
}

/** A Kyrgyz lesson plan: headings, bold/italic, both kinds of list, a 3×3 table, a PNG, a link. */
export async function teacherDocx(): Promise<Uint8Array> {
	return pack([{ children: teacherContent(TINY_PNG) }]);
}

/**
 * A document with what the import cannot carry over: a footnote, a comment, an equation, a
 * text box, a chart, a BMP image and a custom paragraph style.
 */
export async function unsupportedPartsDocx(): Promise<Uint8Array> {
	return pack(
		[
			{
				children: [
					new Paragraph({ text: 'Кошумча бөлүктөр', heading: HeadingLevel.HEADING_1 }),
					new Paragraph({
						children: [new TextRun('Шилтеме менен текст'), new FootnoteReferenceRun(1)]
					}),
					new Paragraph({
						children: [
							new CommentRangeStart(0),
							new TextRun('Комментарий бар текст'),
							new CommentRangeEnd(0),
							new TextRun({ children: [new CommentReference(0)] })
						]
					}),
					new Paragraph({ children: [new MathBlock({ children: [new MathRun('a+b=c')] })] }),
					new Textbox({
						style: { width: '200pt', height: '50pt' },
						children: [new Paragraph('Кутучадагы текст')]
					}),
					new Paragraph({
						children: [
							new ChartRun({
								type: 'column',
								categories: ['I чейрек', 'II чейрек'],
								series: [{ name: 'Баалар', values: [4, 5] }]
							})
						]
					}),
					new Paragraph({
						children: [
							new ImageRun({
								type: 'bmp',
								data: tinyBmp(),
								transformation: { width: 10, height: 10 }
							})
						]
					}),
					new Paragraph({ text: 'Өзгөчө стилдеги абзац', style: 'MeninStilim' })
				]
			}
		],
		{
			footnotes: { 1: { children: [new Paragraph('Сноска тексти')] } },
			comments: {
				children: [
					{
						id: 0,
						author: 'Үмүт',
						date: new Date(0),
						children: [new Paragraph('Муну текшериңиз')]
					}
				]
			},
			styles: {
				paragraphStyles: [{ id: 'MeninStilim', name: 'Менин стилим', run: { color: '990000' } }]
			}
		}
	);
}

/** Headings in paragraph styles named as Russian and Kyrgyz tools name them. */
export async function localizedHeadingsDocx(): Promise<Uint8Array> {
	const styles = [
		{ id: 'Nazvanie', name: 'Название' },
		{ id: 'Zagolovok1', name: 'Заголовок 1' },
		{ id: 'Zagolovok2', name: 'Заголовок 2' },
		{ id: 'Atalysh3', name: 'Аталыш 3' }
	];
	return pack(
		[{ children: styles.map((style) => new Paragraph({ text: style.name, style: style.id })) }],
		{ styles: { paragraphStyles: styles.map((style) => ({ ...style, run: { bold: true } })) } }
	);
}

/** A document with nothing in it but an empty paragraph. */
export async function emptyDocx(): Promise<Uint8Array> {
	return pack([{ children: [new Paragraph('')] }]);
}

const FILLER =
	'Мугалим сабакта окуучулардын ой жүгүртүүсүн өнүктүрүүгө көңүл бурат. Ар бир окуучу өз пикирин айтып, ' +
	'топто талкуулайт. Учитель организует работу в группах и оценивает результаты. Ысык-Көлдүн жээгинде, ' +
	'Теңир-Тоонун этегинде жашаган элдин тарыхы жана маданияты жөнүндө маалымат берилет. ';

/** About `pages` pages of lesson-plan content (text, lists, tables, a few photos), for timing. */
export async function longDocx(pages = 20): Promise<Uint8Array> {
	// Distinct photos (the noise differs each time), as the docx package stores equal ones once.
	const photos = await Promise.all(
		Array.from({ length: Math.floor(pages / 5) }, () => photoPng(400, 300))
	);
	const children: FileChild[] = [];
	for (let page = 1; page <= pages; page++) {
		children.push(
			new Paragraph({
				text: `${page}-бөлүм: Ата-мекен`,
				heading: HeadingLevel.HEADING_1,
				pageBreakBefore: page > 1
			})
		);
		// About 400 words a page: three paragraphs of ~100 words, a list and a table.
		for (let p = 0; p < 3; p++) {
			children.push(
				new Paragraph({
					children: [
						new TextRun(FILLER.repeat(2)),
						new TextRun({ text: 'Негизги ой. ', bold: true }),
						new TextRun({ text: FILLER, italics: true })
					]
				})
			);
		}
		for (const text of TEACHER_TEXT.bullets)
			children.push(new Paragraph({ text, bullet: { level: 0 } }));
		children.push(table3x3(TEACHER_TEXT.table));
		const photo = page % 5 === 0 ? photos[page / 5 - 1] : undefined;
		if (photo) {
			children.push(
				new Paragraph({
					children: [
						new ImageRun({ type: 'png', data: photo, transformation: { width: 400, height: 300 } })
					]
				})
			);
		}
	}
	return pack([{ children }]);
}

interface ZipEntry {
	name: string;
	/** Raw deflate data (method 8) or the bytes themselves (method 0). */
	data: Uint8Array;
	method: 0 | 8;
	crc: number;
	size: number;
}

function deflated(name: string, text: string): ZipEntry {
	const bytes = Buffer.from(text, 'utf8');
	return { name, data: deflateRawSync(bytes), method: 8, crc: crc32(bytes), size: bytes.length };
}

/** A zip archive of the given entries (no ZIP64, no data descriptors). */
function zip(entries: ZipEntry[]): Uint8Array {
	const locals: Buffer[] = [];
	const centrals: Buffer[] = [];
	let offset = 0;
	for (const entry of entries) {
		const name = Buffer.from(entry.name, 'utf8');
		const local = Buffer.alloc(30 + name.length);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x0800, 6); // UTF-8 names
		local.writeUInt16LE(entry.method, 8);
		local.writeUInt32LE(entry.crc >>> 0, 14);
		local.writeUInt32LE(entry.data.length, 18);
		local.writeUInt32LE(entry.size, 22);
		local.writeUInt16LE(name.length, 26);
		name.copy(local, 30);
		const central = Buffer.alloc(46 + name.length);
		central.writeUInt32LE(0x02014b50, 0);
		central.writeUInt16LE(20, 4);
		central.writeUInt16LE(20, 6);
		central.writeUInt16LE(0x0800, 8);
		central.writeUInt16LE(entry.method, 10);
		central.writeUInt32LE(entry.crc >>> 0, 16);
		central.writeUInt32LE(entry.data.length, 20);
		central.writeUInt32LE(entry.size, 24);
		central.writeUInt16LE(name.length, 28);
		central.writeUInt32LE(offset, 42);
		name.copy(central, 46);
		locals.push(local, Buffer.from(entry.data));
		centrals.push(central);
		offset += local.length + entry.data.length;
	}
	const directory = Buffer.concat(centrals);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(directory.length, 12);
	end.writeUInt32LE(offset, 16);
	return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const CONTENT_TYPES =
	'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
	'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
	'<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>' +
	'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const ROOT_RELS =
	'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
	'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const DOCUMENT =
	'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
	'<w:body><w:p><w:r><w:t>Салам</w:t></w:r></w:p></w:body></w:document>';

/** How far the zip bomb inflates: past the 200 MB import budget. */
export const ZIP_BOMB_BYTES = 300 * 1024 * 1024;

/**
 * A small (~300 KB) zip named like a docx whose "image" inflates to 300 MB of zeros. Its headers
 * tell the truth unless `lyingHeaders` (then they claim 1 KB). The deflate stream is one
 * compressed megabyte repeated, so it builds in a fraction of a second.
 */
export function zipBombDocx(options: { lyingHeaders?: boolean } = {}): Uint8Array {
	const megabyte = new Uint8Array(1024 * 1024);
	// A sync flush ends the data on a byte boundary without a final block, so copies chain.
	const chunk = deflateRawSync(megabyte, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
	const copies = ZIP_BOMB_BYTES / megabyte.length;
	const data = Buffer.alloc(chunk.length * copies + 2);
	let crc = 0;
	for (let i = 0; i < copies; i++) {
		chunk.copy(data, i * chunk.length);
		crc = crc32(megabyte, crc);
	}
	data.set([0x03, 0x00], chunk.length * copies); // an empty final block
	return zip([
		deflated('[Content_Types].xml', CONTENT_TYPES),
		deflated('_rels/.rels', ROOT_RELS),
		deflated('word/document.xml', DOCUMENT),
		{
			name: 'word/media/image1.png',
			data,
			method: 8,
			crc,
			size: options.lyingHeaders ? 1024 : ZIP_BOMB_BYTES
		}
	]);
}

/** A real docx cut in half: the zip's central directory is gone. */
export async function corruptDocx(): Promise<Uint8Array> {
	const whole = await teacherDocx();
	return whole.slice(0, Math.floor(whole.length / 2));
}

/** A valid zip that is not a docx (no word/document.xml). */
export function notADocx(): Uint8Array {
	return zip([
		deflated('notes.txt', 'Бул Word документи эмес.'),
		deflated('data/list.csv', 'a,b\n1,2\n')
	]);
}

/** The start of a PDF file, uploaded with a .docx name. */
export function pdfNamedDocx(): Uint8Array {
	return new Uint8Array(
		Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n')
	);
}

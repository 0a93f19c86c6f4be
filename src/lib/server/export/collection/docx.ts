// The DOCX of a methodological collection's edition. Word lays the pages out itself, so the
// table of contents is a TOC field Word fills in when the document opens (updateFields): the
// docx/layout page estimation is far too slow for a few hundred pages.
import {
	AlignmentType,
	BorderStyle,
	Document,
	ExternalHyperlink,
	FootnoteReferenceRun,
	type FileChild,
	Footer,
	Header,
	HeadingLevel,
	ImageRun,
	LeaderType,
	LevelFormat,
	LineRuleType,
	Packer,
	PageBreak,
	PageNumber,
	Paragraph,
	ShadingType,
	Tab,
	TabStopType,
	Table,
	TableCell,
	TableOfContents,
	TableRow,
	TextRun,
	WidthType,
	type ILevelsOptions,
	type IParagraphOptions,
	type IRunOptions,
	type ISectionOptions,
	type ParagraphChild
} from 'docx';
import {
	cleanText,
	htmlToBlocks,
	type Block,
	isFootnote,
	type Alignment,
	type Inline,
	type TextRun as RunModel
} from './blocks.js';
import { resultsBlocks, withCharts } from './charts.js';
import { fontFaces } from './fonts.js';
import type { NormalizedImage } from './images.js';
import type {
	CollectionItemModel,
	CollectionLanguage,
	CollectionModel,
	CollectionSectionModel,
	MaterialDocument
} from './model.js';

const LOCALES: Record<CollectionLanguage, string> = { ky: 'ky-KG', ru: 'ru-RU', en: 'en-US' };
const FONT = 'PT Serif';
/** Headings in the PDF's family (both are embedded). */
const HEADING_FONT = 'PT Sans';
/** One material's document: a font every office suite has, so nothing needs embedding. */
const PLAIN_FONT = 'Times New Roman';
const CODE_FONT = 'Courier New';
/** Half-points. */
const SIZE = 22;

/** Millimetres to twips (1/1440 inch). */
const mm = (millimeters: number) => Math.round((millimeters * 1440) / 25.4);
const PAGE = { width: mm(210), height: mm(297) };
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(25), right: mm(20) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
/** Pictures stay below this height (twips), so one always fits a page with a line of text. */
const MAX_IMAGE_HEIGHT = mm(200);
const LIST_INDENT = mm(7);
const QUOTE_INDENT = mm(8);
const CELL_MARGIN = 80;
/** Twips to the pixels (96 to the inch) docx sizes pictures in. */
const px = (twips: number) => twips / 15;

const BULLETS = ['•', '–', '◦'];
const ORDERED: { format: (typeof LevelFormat)[keyof typeof LevelFormat]; suffix: string }[] = [
	{ format: LevelFormat.DECIMAL, suffix: '.' },
	{ format: LevelFormat.LOWER_LETTER, suffix: ')' },
	{ format: LevelFormat.LOWER_ROMAN, suffix: '.' }
];

function levels(ordered: boolean, start: number): ILevelsOptions[] {
	return Array.from({ length: 9 }, (_, level) => {
		const style = {
			paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: mm(5) } }
		};
		if (!ordered) {
			return {
				level,
				format: LevelFormat.BULLET,
				text: BULLETS[level % BULLETS.length],
				alignment: AlignmentType.LEFT,
				style
			};
		}
		const kind = ORDERED[level % ORDERED.length] ?? { format: LevelFormat.DECIMAL, suffix: '.' };
		return {
			level,
			format: kind.format,
			text: `%${level + 1}${kind.suffix}`,
			start: level === 0 ? start : 1,
			alignment: AlignmentType.LEFT,
			style
		};
	});
}

interface Context {
	/** List nesting: -1 outside lists. */
	level: number;
	/** Left indent (twips) of the text, from quotes and lists. */
	indent: number;
	quote: boolean;
	/** Width (twips) available to pictures and tables. */
	width: number;
	/** In a table cell: no justification. */
	cell: boolean;
	/** Header cells: bold text. */
	bold?: boolean;
	/** The language of the texts when it isn't the document's. */
	language?: string;
	/** Kyrgyz text: ragged right, as in the PDF (no hyphenation patterns: justifying makes rivers). */
	ragged?: boolean;
}

type Child = Paragraph | Table;

/** A picture's size in CSS pixels: as set in the body, its own where the body sets none. */
function imageSize(
	block: Extract<Block, { type: 'image' }>,
	image: { width: number; height: number }
): { width: number; height: number } {
	const ratio = image.width / image.height;
	if (block.width && block.height) return { width: block.width, height: block.height };
	if (block.width) return { width: block.width, height: block.width / ratio };
	if (block.height) return { width: block.height * ratio, height: block.height };
	return image;
}

const ALIGNMENTS: Record<Alignment, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
	center: AlignmentType.CENTER,
	right: AlignmentType.RIGHT,
	justify: AlignmentType.JUSTIFIED
};

/** Lays out bodies (see blocks.ts) and keeps the numbering their lists use. */
class BodyWriter {
	private readonly numberingStarts = new Set<number>();
	private listInstance = 0;
	/** The footnotes met so far, by their number in the document (from 1). */
	private readonly notes: Record<number, { children: Paragraph[] }> = {};
	private noteCount = 0;

	constructor(private readonly images: Map<string, NormalizedImage>) {}

	private orderedReference(start: number): string {
		this.numberingStarts.add(start);
		return `ordered-${start}`;
	}

	numbering() {
		return {
			config: [
				{ reference: 'bullet', levels: levels(false, 1) },
				...[...this.numberingStarts].map((start) => ({
					reference: `ordered-${start}`,
					levels: levels(true, start)
				}))
			]
		};
	}

	/** The document's footnotes, for its `footnotes` option. */
	footnotes(): Record<number, { children: Paragraph[] }> {
		return this.notes;
	}

	/** Numbers a note and lays it out; Word places it at the foot of the page. */
	private footnote(blocks: Block[], context: Context): FootnoteReferenceRun {
		const id = ++this.noteCount;
		// A note holds paragraphs only: a table or picture in it is left out.
		const children = this.blocks(blocks, {
			level: -1,
			indent: 0,
			quote: false,
			width: TEXT_WIDTH,
			cell: true,
			language: context.language
		}).filter((child): child is Paragraph => child instanceof Paragraph);
		this.notes[id] = { children: children.length > 0 ? children : [new Paragraph({})] };
		return new FootnoteReferenceRun(id);
	}

	protected run(options: IRunOptions, context: Pick<Context, 'language'>): TextRun {
		return new TextRun({
			...options,
			...(context.language ? { language: { value: context.language } } : {})
		});
	}

	protected inlines(inlines: Inline[], context: Context): ParagraphChild[] {
		const children: ParagraphChild[] = [];
		let link: { href: string; runs: TextRun[] } | undefined;
		const closeLink = () => {
			if (link) children.push(new ExternalHyperlink({ link: link.href, children: link.runs }));
			link = undefined;
		};
		for (const inline of inlines) {
			if ('br' in inline) {
				closeLink();
				children.push(this.run({ break: 1 }, context));
				continue;
			}
			if (isFootnote(inline)) {
				closeLink();
				children.push(this.footnote(inline.footnote, context));
				continue;
			}
			const run = this.textRun(inline, context);
			if (inline.href) {
				if (link?.href !== inline.href) closeLink();
				link ??= { href: inline.href, runs: [] };
				link.runs.push(run);
			} else {
				closeLink();
				children.push(run);
			}
		}
		closeLink();
		return children;
	}

	protected textRun(run: RunModel, context: Context): TextRun {
		return this.run(
			{
				text: run.text,
				bold: run.bold || context.bold || undefined,
				italics: run.italic,
				underline: run.underline ? {} : undefined,
				strike: run.strike,
				subScript: run.sub,
				superScript: run.sup,
				font: run.code ? CODE_FONT : undefined,
				style: run.href ? 'Hyperlink' : undefined
			},
			context
		);
	}

	protected paragraphOptions(context: Context): IParagraphOptions {
		return {
			alignment: context.cell || context.ragged ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
			indent: context.indent > 0 ? { left: context.indent } : undefined,
			border: context.quote
				? { left: { style: BorderStyle.SINGLE, size: 12, color: 'A0A0A0', space: 8 } }
				: undefined
		};
	}

	private image(block: Extract<Block, { type: 'image' }>, context: Context): Paragraph | null {
		const { key, alt } = block;
		const image = this.images.get(key);
		if (!image || image.ext === 'svg') return null;
		// The size set in Word or the editor (CSS pixels), else the picture's own.
		const wanted = imageSize(block, image);
		const width = Math.max(
			1,
			Math.floor(
				Math.min(
					wanted.width,
					px(context.width),
					px(MAX_IMAGE_HEIGHT) * (wanted.width / wanted.height)
				)
			)
		);
		const height = Math.max(1, Math.round((width * wanted.height) / wanted.width));
		return new Paragraph({
			...this.paragraphOptions(context),
			alignment: AlignmentType.CENTER,
			keepLines: true,
			children: [
				new ImageRun({
					type: image.ext,
					data: image.bytes,
					transformation: { width, height },
					altText: { name: `picture-${key.slice(0, 8)}`, description: alt, title: alt }
				})
			]
		});
	}

	private table(block: Extract<Block, { type: 'table' }>, context: Context): Table {
		const width = Math.max(mm(20), context.width);
		const column = Math.floor(width / block.columns);
		const border = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
		return new Table({
			width: { size: column * block.columns, type: WidthType.DXA },
			columnWidths: Array.from({ length: block.columns }, () => column),
			indent: context.indent > 0 ? { size: context.indent, type: WidthType.DXA } : undefined,
			borders: {
				top: border,
				bottom: border,
				left: border,
				right: border,
				insideHorizontal: border,
				insideVertical: border
			},
			rows: block.rows.map(
				(cells, y) =>
					new TableRow({
						tableHeader: y < block.headerRows || undefined,
						children: cells.map((cell) => {
							const cellWidth = column * cell.colspan;
							const children = this.blocks(cell.blocks, {
								level: -1,
								indent: 0,
								quote: false,
								width: cellWidth - 2 * CELL_MARGIN,
								cell: true,
								bold: cell.header,
								language: context.language
							});
							if (!(children.at(-1) instanceof Paragraph)) children.push(new Paragraph({}));
							return new TableCell({
								columnSpan: cell.colspan > 1 ? cell.colspan : undefined,
								rowSpan: cell.rowspan > 1 ? cell.rowspan : undefined,
								width: { size: cellWidth, type: WidthType.DXA },
								margins: {
									top: 40,
									bottom: 40,
									left: CELL_MARGIN,
									right: CELL_MARGIN
								},
								shading: cell.header
									? { type: ShadingType.CLEAR, color: 'auto', fill: 'EDEDED' }
									: undefined,
								children
							});
						})
					})
			)
		});
	}

	blocks(blocks: Block[], context: Context): Child[] {
		const out: Child[] = [];
		for (const block of blocks) {
			switch (block.type) {
				case 'paragraph':
					out.push(
						new Paragraph({
							...this.paragraphOptions(context),
							...(block.align ? { alignment: ALIGNMENTS[block.align] } : {}),
							children: this.inlines(block.inlines, context)
						})
					);
					break;
				case 'heading': {
					const heading = {
						2: HeadingLevel.HEADING_3,
						3: HeadingLevel.HEADING_4,
						4: HeadingLevel.HEADING_5
					}[block.level];
					out.push(
						new Paragraph({
							...this.paragraphOptions(context),
							alignment: block.align ? ALIGNMENTS[block.align] : AlignmentType.LEFT,
							heading,
							children: this.inlines(block.inlines, context)
						})
					);
					break;
				}
				case 'list':
					out.push(...this.list(block, context));
					break;
				case 'quote':
					out.push(
						...this.blocks(block.blocks, {
							...context,
							indent: context.indent + QUOTE_INDENT,
							width: context.width - QUOTE_INDENT,
							quote: true
						})
					);
					break;
				case 'table':
					out.push(this.table(block, context));
					break;
				case 'image': {
					const image = this.image(block, context);
					if (image) out.push(image);
					break;
				}
				case 'hr':
					out.push(
						new Paragraph({
							...this.paragraphOptions(context),
							border: {
								bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 }
							},
							children: []
						})
					);
					break;
				case 'pagebreak':
					// In a table cell or a note a page break means nothing: it is left out.
					if (!context.cell) out.push(new Paragraph({ children: [new PageBreak()] }));
					break;
				case 'pre':
					out.push(
						new Paragraph({
							...this.paragraphOptions(context),
							alignment: AlignmentType.LEFT,
							shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F3F3F3' },
							children: block.text
								.split('\n')
								.map((line, index) =>
									this.run(
										{ text: line, font: CODE_FONT, size: 19, break: index > 0 ? 1 : undefined },
										context
									)
								)
						})
					);
					break;
			}
		}
		return out;
	}

	private list(block: Extract<Block, { type: 'list' }>, context: Context): Child[] {
		const level = Math.min(context.level + 1, 8);
		const reference = block.ordered ? this.orderedReference(block.start) : 'bullet';
		const instance = ++this.listInstance;
		// One step in from the text around the list (a nested list from its item's text).
		const indent = context.indent + LIST_INDENT;
		const inner: Context = {
			...context,
			level,
			indent,
			width: context.width - LIST_INDENT
		};
		const out: Child[] = [];
		for (const item of block.items) {
			const [first, ...rest] = item;
			const numbering = { reference, level, instance };
			const numbered = {
				...this.paragraphOptions(inner),
				alignment: context.cell || context.ragged ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
				indent: { left: indent, hanging: mm(5) },
				numbering
			};
			if (first?.type === 'paragraph' || first?.type === 'heading') {
				out.push(new Paragraph({ ...numbered, children: this.inlines(first.inlines, inner) }));
				out.push(...this.blocks(rest, inner));
			} else {
				out.push(new Paragraph({ ...numbered, children: [] }));
				out.push(...this.blocks(item, inner));
			}
		}
		return out;
	}

	/** A heading of plain text. */
	heading(
		text: string,
		level: (typeof HeadingLevel)[keyof typeof HeadingLevel],
		language?: string
	) {
		return this.plain(text, { heading: level, alignment: AlignmentType.LEFT }, {}, language);
	}

	/** The authors' line under a title. */
	byline(text: string, language?: string) {
		return this.plain(text, { spacing: { after: 240 } }, { italics: true }, language);
	}

	/** A "label: value" line (a title block's detail), kept with what follows. */
	labelled(label: string, value: string, language?: string): Paragraph {
		return new Paragraph({
			spacing: { after: 40 },
			keepNext: true,
			children: [
				new TextRun({ text: `${cleanText(label)}: `, bold: true }),
				this.run({ text: cleanText(value) }, { language })
			]
		});
	}

	/** A bold line that keeps with what follows (the heading of an abstract). */
	strong(text: string): Paragraph {
		return this.plain(
			text,
			{ spacing: { before: 160, after: 60 }, keepNext: true },
			{ bold: true }
		);
	}

	/** A justified paragraph in italics (an abstract's). */
	emphasized(text: string): Paragraph {
		return this.plain(text, { alignment: AlignmentType.JUSTIFIED }, { italics: true });
	}

	/** A thin line that ends a title block. */
	rule(): Paragraph {
		return new Paragraph({
			spacing: { before: 120, after: 200 },
			border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '999999', space: 1 } },
			children: []
		});
	}

	/** A bulleted line of plain text (the first level of the bullet numbering). */
	bullet(text: string, language?: string): Paragraph {
		return this.plain(text, { numbering: { reference: 'bullet', level: 0 } }, {}, language);
	}

	/** A paragraph of plain text. */
	protected plain(
		text: string,
		options: IParagraphOptions = {},
		run: IRunOptions = {},
		language?: string
	): Paragraph {
		return new Paragraph({
			...options,
			children: [this.run({ ...run, text: cleanText(text) }, { language })]
		});
	}
}

/**
 * The collection's own texts (preface, intros, abstracts, notes) as the PDF sets them:
 * Kyrgyz ragged right (no hyphenation patterns anywhere, so justifying makes rivers), the
 * others justified and hyphenated.
 */
function textAlignment(language: CollectionLanguage) {
	return language === 'ky' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED;
}

class DocxBuilder extends BodyWriter {
	constructor(
		private readonly model: CollectionModel,
		images: Map<string, NormalizedImage>
	) {
		super(images);
	}

	titlePage(): ISectionOptions {
		const { model } = this;
		const centered = (
			text: string,
			size: number,
			options: { bold?: boolean; before?: number; after?: number; sans?: boolean } = {}
		) =>
			this.plain(
				text,
				{
					alignment: AlignmentType.CENTER,
					spacing: { before: options.before ?? 0, after: options.after ?? 120 }
				},
				{ size, bold: options.bold, font: options.sans ? HEADING_FONT : undefined }
			);
		// As the PDF's title page: the school, the group and the title in PT Sans.
		const title: Child[] = [];
		if (model.school) title.push(centered(model.school, 28, { bold: true, sans: true }));
		if (model.labels.groupLine) title.push(centered(model.labels.groupLine, 26, { sans: true }));
		title.push(centered(model.title, 52, { bold: true, before: mm(60), after: 240, sans: true }));
		if (model.subtitle) title.push(centered(model.subtitle, 30, { after: 240 }));
		if (model.labels.edition) title.push(centered(model.labels.edition, 26, { before: 240 }));

		const verso: Child[] = [];
		// One person a line (a compiler with their post, a reviewer with their degree).
		const names = (label: string, list: string[]) => {
			if (list.length > 0) {
				verso.push(
					new Paragraph({
						spacing: { after: 200 },
						children: [
							new TextRun({ text: `${cleanText(label)}:`, bold: true }),
							...list.map((line) => new TextRun({ text: cleanText(line), break: 1 }))
						]
					})
				);
			}
		};
		names(model.labels.editors, model.editors);
		names(model.labels.reviewers, model.reviewers);
		if (model.approval) {
			verso.push(this.plain(model.approval, { spacing: { before: 240 } }, { italics: true }));
		}
		const imprint = [model.city, model.year ? String(model.year) : ''].filter(Boolean).join(' – ');
		const empty = new Footer({ children: [new Paragraph({})] });
		return {
			properties: {
				page: { size: PAGE, margin: MARGIN },
				titlePage: true
			},
			footers: {
				first: new Footer({
					children: [this.plain(imprint, { alignment: AlignmentType.CENTER }, { size: 26 })]
				}),
				default: empty,
				even: empty
			},
			headers: {
				first: new Header({ children: [new Paragraph({})] }),
				default: new Header({ children: [new Paragraph({})] }),
				even: new Header({ children: [new Paragraph({})] })
			},
			// The verso starts the title page's second page.
			children: [...title, new Paragraph({ pageBreakBefore: true, children: [] }), ...verso]
		};
	}

	private pageFooter(): Footer {
		return new Footer({
			children: [
				new Paragraph({
					alignment: AlignmentType.CENTER,
					children: [new TextRun({ children: [PageNumber.CURRENT], size: 20 })]
				})
			]
		});
	}

	private runningHeaders(odd: string) {
		const header = (text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
			new Header({
				children: [
					this.plain(
						text,
						{
							alignment,
							border: {
								bottom: { style: BorderStyle.SINGLE, size: 4, color: 'A0A0A0', space: 2 }
							}
						},
						{ size: 18, italics: true }
					)
				]
			});
		return {
			first: new Header({ children: [new Paragraph({})] }),
			default: header(odd, AlignmentType.RIGHT),
			even: header(this.model.title, AlignmentType.LEFT)
		};
	}

	/** A part that starts on a new page, with running headers, page numbers in the footer. */
	private part(oddHeader: string | null, children: FileChild[]): ISectionOptions {
		const footer = this.pageFooter();
		return {
			properties: { page: { size: PAGE, margin: MARGIN }, titlePage: oddHeader !== null },
			headers:
				oddHeader === null
					? {
							first: new Header({ children: [new Paragraph({})] }),
							default: new Header({ children: [new Paragraph({})] }),
							even: new Header({ children: [new Paragraph({})] })
						}
					: this.runningHeaders(oddHeader),
			footers: { first: footer, default: footer, even: footer },
			children
		};
	}

	frontMatter(): ISectionOptions {
		const { model } = this;
		const children: FileChild[] = [
			this.plain(
				model.labels.contents,
				{ alignment: AlignmentType.CENTER, spacing: { after: 240 } },
				{ bold: true, size: 32, font: HEADING_FONT }
			),
			// The entries are written with the titles (docx fills them from the headings), so
			// the contents read right before Word updates the field; Word adds the pages then.
			new TableOfContents(cleanText(model.labels.contents), {
				hyperlink: true,
				headingStyleRange: '1-2',
				cachedEntries: this.contentsEntries()
			})
		];
		if (model.preface.length > 0) {
			children.push(
				this.plain(model.labels.preface, {
					heading: HeadingLevel.HEADING_1,
					pageBreakBefore: true
				}),
				...model.preface.map((text) =>
					this.plain(text, { alignment: textAlignment(model.language) })
				)
			);
		}
		return this.part(null, children);
	}

	/** The contents as written before Word updates them: sections and their materials. */
	private contentsEntries() {
		const { model } = this;
		const entries: { title: string; level: number }[] = [];
		if (model.preface.length > 0) entries.push({ title: model.labels.preface, level: 1 });
		for (const section of model.sections) {
			entries.push({ title: section.title, level: 1 });
			for (const item of section.items)
				entries.push({ title: `${item.number}. ${item.title}`, level: 2 });
		}
		if (model.authorsIndex.length > 0) entries.push({ title: model.labels.authorsIndex, level: 1 });
		return entries.map((entry) => ({ ...entry, title: cleanText(entry.title) }));
	}

	private item(item: CollectionItemModel, first: boolean): Child[] {
		const { labels } = this.model;
		const language = item.language !== this.model.language ? LOCALES[item.language] : undefined;
		const context: Context = {
			level: -1,
			indent: 0,
			quote: false,
			width: TEXT_WIDTH,
			cell: false,
			language,
			ragged: item.language === 'ky'
		};
		const out: Child[] = [
			this.plain(
				`${item.number}. ${item.title}`,
				// Each on a new page, or following on (the collection's setting).
				{
					heading: HeadingLevel.HEADING_2,
					pageBreakBefore: !first && this.model.itemsOnNewPage !== false
				},
				{},
				language
			)
		];
		if (item.authors.length > 0)
			out.push(
				this.labelled(
					item.authors.length === 1 ? (labels.authorsOne ?? labels.authors) : labels.authors,
					item.authors.join(', ')
				)
			);
		if (item.type) out.push(this.labelled(labels.type, item.type));
		if (item.subjects.length > 0)
			out.push(this.labelled(labels.subjects, item.subjects.join(', ')));
		if (item.grades) out.push(this.labelled(labels.grades, item.grades));
		if (item.abstract.length > 0) {
			out.push(
				this.plain(
					labels.abstract,
					{ spacing: { before: 160, after: 60 }, keepNext: true },
					{ bold: true }
				),
				...item.abstract.map((text) =>
					this.plain(text, { alignment: textAlignment(item.language) }, { italics: true }, language)
				)
			);
		}
		if (item.note.length > 0) {
			const shading = { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' };
			out.push(
				this.plain(
					labels.note,
					{ spacing: { before: 160, after: 60 }, keepNext: true, shading },
					{ bold: true }
				),
				...item.note.map((text) =>
					this.plain(text, { alignment: textAlignment(this.model.language), shading })
				)
			);
		}
		const body = this.blocks(htmlToBlocks(item.bodyHtml), context);
		out.push(new Paragraph({ spacing: { before: 120, after: 0 }, children: [] }));
		if (body.length > 0) out.push(...body);
		else out.push(this.plain(labels.emptyBody, {}, { italics: true }));
		out.push(...this.blocks(resultsBlocks(item.results, item.number, labels.results), context));
		return out;
	}

	section(section: CollectionSectionModel): ISectionOptions {
		const children: Child[] = [this.plain(section.title, { heading: HeadingLevel.HEADING_1 })];
		for (const text of section.intro) {
			children.push(this.plain(text, { alignment: textAlignment(this.model.language) }));
		}
		section.items.forEach((item, index) => children.push(...this.item(item, index === 0)));
		return this.part(section.title, children);
	}

	authorsIndex(): ISectionOptions {
		const { model } = this;
		const children: Child[] = [
			this.plain(model.labels.authorsIndex, { heading: HeadingLevel.HEADING_1 })
		];
		// Word can't give the pages without updating fields: the numbers are the materials'.
		if (model.labels.indexItems)
			children.push(
				this.plain(model.labels.indexItems, { spacing: { after: 200 } }, { italics: true })
			);
		for (const entry of model.authorsIndex) {
			children.push(
				new Paragraph({
					tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH, leader: LeaderType.DOT }],
					indent: { left: mm(8), hanging: mm(8) },
					spacing: { after: 40 },
					children: [
						new TextRun(cleanText(entry.name)),
						new TextRun({ children: [new Tab(), entry.items.join(', ')] })
					]
				})
			);
		}
		return this.part(model.labels.authorsIndex, children);
	}
}

/** A document in the collection's typography (PT Serif, embedded), numbering from `writer`. */
function styledDocument(
	writer: BodyWriter,
	options: {
		title: string;
		subject?: string;
		creator: string;
		language: CollectionLanguage;
		sections: ISectionOptions[];
		/**
		 * A book (the collection): a table of contents to fill in, running headers on facing
		 * pages, and PT Serif embedded. Otherwise a light document in Times New Roman.
		 */
		book?: boolean;
	}
): Document {
	const font = options.book ? FONT : PLAIN_FONT;
	const headingFont = options.book ? HEADING_FONT : PLAIN_FONT;
	const serif = options.book ? fontFaces('pt-serif') : undefined;
	const sans = options.book ? fontFaces('pt-sans') : undefined;
	const heading = (size: number, before: number, after: number) => ({
		run: { font: headingFont, size, bold: true, color: '000000' },
		paragraph: { spacing: { before, after }, keepNext: true, keepLines: true }
	});
	return new Document({
		title: cleanText(options.title),
		subject: options.subject === undefined ? undefined : cleanText(options.subject),
		creator: cleanText(options.creator),
		description: options.subject === undefined ? undefined : cleanText(options.subject),
		features: options.book ? { updateFields: true } : undefined,
		// Word and LibreOffice hyphenate by each run's language where they have patterns
		// (Russian, English); Kyrgyz has none there either, so its lines are left whole.
		hyphenation: options.book ? { autoHyphenation: true } : undefined,
		evenAndOddHeaderAndFooters: options.book || undefined,
		fonts: serif &&
			sans && [
				{
					name: FONT,
					data: serif.regular,
					bold: serif.bold,
					italic: serif.italic,
					boldItalic: serif.boldItalic
				},
				{
					name: HEADING_FONT,
					data: sans.regular,
					bold: sans.bold,
					italic: sans.italic,
					boldItalic: sans.boldItalic
				}
			],
		styles: {
			default: {
				document: {
					run: { font, size: SIZE, language: { value: LOCALES[options.language] } },
					// lineRule auto: a proportional line (1.1), which grows with a picture; without
					// it LibreOffice takes 264 as an exact height and clips pictures to one line.
					paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } }
				},
				heading1: heading(32, 0, 360),
				heading2: heading(27, 240, 160),
				heading3: heading(24, 200, 100),
				heading4: heading(22, 160, 80),
				heading5: heading(22, 120, 60),
				hyperlink: { run: { color: '1F4E8C', underline: {} } }
			}
		},
		numbering: writer.numbering(),
		footnotes: writer.footnotes(),
		sections: options.sections
	});
}

/** The DOCX of an edition; `images` are the normalized pictures by blob key (missing ones are left out). */
export async function buildCollectionDocx(
	model: CollectionModel,
	images: Map<string, NormalizedImage>
): Promise<Uint8Array> {
	const builder = new DocxBuilder(model, withCharts(model, images, 'picture'));
	const sections: ISectionOptions[] = [builder.titlePage(), builder.frontMatter()];
	for (const section of model.sections) sections.push(builder.section(section));
	if (model.authorsIndex.length > 0) sections.push(builder.authorsIndex());
	const document = styledDocument(builder, {
		title: model.title,
		subject: model.subtitle,
		creator: model.editors.join(', ') || model.school,
		language: model.language,
		sections,
		book: true
	});
	return new Uint8Array(await Packer.toBuffer(document));
}

/**
 * The DOCX of one material (a lesson plan, a worksheet): its title, its authors, the details of
 * its title block and its abstract when given, its body and the list of its attached files,
 * laid out as a collection lays out an item's body, in Times New Roman (a light file to work
 * on: no font embedded); `images` as for an edition.
 */
export async function buildMaterialDocx(
	material: MaterialDocument,
	images: Map<string, NormalizedImage> = new Map()
): Promise<Uint8Array> {
	const writer = new BodyWriter(images);
	const children: Child[] = [
		writer.heading(material.title, HeadingLevel.HEADING_1, LOCALES[material.language])
	];
	if (material.authors.length > 0)
		children.push(writer.byline(material.authors.join(', '), LOCALES[material.language]));
	for (const detail of material.details ?? [])
		children.push(writer.labelled(detail.label, detail.value));
	const abstract = material.abstract?.paragraphs.length ? material.abstract : undefined;
	if (abstract)
		children.push(
			writer.strong(abstract.heading),
			...abstract.paragraphs.map((text) => writer.emphasized(text))
		);
	// A line between the title block and the body, as in the PDF.
	if ((material.details?.length ?? 0) > 0 || abstract) children.push(writer.rule());
	children.push(
		...writer.blocks(htmlToBlocks(material.bodyHtml), {
			level: -1,
			indent: 0,
			quote: false,
			width: TEXT_WIDTH,
			cell: false,
			ragged: material.language === 'ky'
		})
	);
	if (material.attachments && material.attachments.files.length > 0) {
		children.push(
			writer.heading(material.attachments.heading, HeadingLevel.HEADING_3),
			...material.attachments.files.map((file) => writer.bullet(file))
		);
	}
	const document = styledDocument(writer, {
		title: material.title,
		creator: material.authors.join(', '),
		language: material.language,
		sections: [{ properties: { page: { size: PAGE, margin: MARGIN } }, children }]
	});
	return new Uint8Array(await Packer.toBuffer(document));
}

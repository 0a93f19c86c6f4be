import mammoth from 'mammoth';
import { AppError } from '../errors';
import type { MessageKey } from '../../i18n/messages';
import { DOCX_CONVERT_LIMITS, inspectDocx, type DocxLimits } from './docx-guard';
import { IMAGE_MAX_BYTES, imagePlaceholder, sniffImageType, type BodyImage } from './images';
import { sanitizeBody } from './sanitize';

/**
 * The document's text part is decoded and parsed whole by mammoth (several times its size in
 * memory): a 20-page lesson plan has under 2 MB of it, so 20 MB is generous and safe.
 */
export const DOCUMENT_XML_MAX_BYTES = DOCX_CONVERT_LIMITS.maxXmlPartBytes;

/** Something the import could not carry over, for the user to see (a catalog key). */
export interface ImportWarning {
	key: MessageKey;
	params?: Record<string, string | number>;
}

export interface DocxImport {
	/** Sanitized HTML; images point at `ustat-image:<n>` placeholders. */
	html: string;
	images: BodyImage[];
	warnings: ImportWarning[];
}

// Word names its built-in styles in English inside the file, but documents made by localized
// tools (LibreOffice, older Word, Google Docs exports) carry Russian or Kyrgyz names. The
// body's headings start at h2 (h1 is the material's title).
const TITLE_NAMES = ['Title', 'Название', 'Заголовок', 'Аталыш'];
const SUBTITLE_NAMES = ['Subtitle', 'Подзаголовок'];
const HEADING_NAMES = ['Heading', 'Заголовок', 'Аталыш'];
const PARAGRAPH_NAMES = [
	'Normal',
	'Обычный',
	'Default',
	'Standard',
	'No Spacing',
	'Без интервала',
	'Body Text',
	'Основной текст',
	'Text Body',
	'Normal (Web)',
	'Обычный (веб)',
	'List Paragraph',
	'Абзац списка',
	'Caption',
	'Название объекта',
	'Plain Text',
	'Текст',
	'Table Paragraph',
	'Table Contents',
	'Header',
	'Footer'
];
const QUOTE_NAMES = ['Quote', 'Цитата', 'Intense Quote', 'Выделенная цитата', 'Quotations'];
const RUN_STRONG = ['Strong', 'Строгий'];
const RUN_EM = ['Emphasis', 'Выделение'];
const RUN_PLAIN = ['Hyperlink', 'Гиперссылка', 'Internet Link', 'Default Paragraph Font'];

const quoted = (name: string) => `'${name.replace(/'/g, "\\'")}'`;
const headingTag = (level: number) => (level === 1 ? 'h2' : level === 2 ? 'h3' : 'h4');

// Our paragraph-style rules would win over mammoth's default list rules, so those come first.
const LIST_RULES = [1, 2, 3, 4, 5].flatMap((level) => {
	const outer = 'ul|ol > li > '.repeat(level - 1);
	return [
		`p:unordered-list(${level}) => ${outer}ul > li:fresh`,
		`p:ordered-list(${level}) => ${outer}ol > li:fresh`
	];
});

const STYLE_MAP = [
	...TITLE_NAMES.map((n) => `p[style-name=${quoted(n)}] => h2:fresh`),
	...SUBTITLE_NAMES.map((n) => `p[style-name=${quoted(n)}] => h3:fresh`),
	...HEADING_NAMES.flatMap((n) =>
		[1, 2, 3, 4, 5, 6, 7, 8, 9].map(
			(level) => `p[style-name=${quoted(`${n} ${level}`)}] => ${headingTag(level)}:fresh`
		)
	),
	...[1, 2, 3, 4, 5, 6].map((level) => `p.Heading${level} => ${headingTag(level)}:fresh`),
	...LIST_RULES,
	...QUOTE_NAMES.map((n) => `p[style-name=${quoted(n)}] => blockquote > p:fresh`),
	...PARAGRAPH_NAMES.map((n) => `p[style-name=${quoted(n)}] => p:fresh`),
	...RUN_STRONG.map((n) => `r[style-name=${quoted(n)}] => strong`),
	...RUN_EM.map((n) => `r[style-name=${quoted(n)}] => em`),
	...RUN_PLAIN.map((n) => `r[style-name=${quoted(n)}] =>`),
	// mammoth drops underline unless told to keep it; bold, italic and strike it keeps itself.
	'u => u'
];

/** Counts the parts of document.xml that mammoth drops or moves without a word of its own. */
function countUnsupportedParts(documentXml: string) {
	const count = (pattern: RegExp) => documentXml.match(pattern)?.length ?? 0;
	return {
		// A text box is written twice (DrawingML and a VML fallback): count the larger kind.
		textBoxes: Math.max(count(/<wps:txbx[\s>]/g), count(/<v:textbox[\s>]/g)),
		equations: count(/<m:oMath[\s>]/g),
		charts: count(/<c:chart[\s/>]/g) + count(/<dgm:relIds[\s/>]/g),
		comments: count(/<w:commentReference[\s/>]/g),
		// An embedded Excel sheet or an Equation 3.0 formula: only its preview picture (often WMF).
		objects: count(/<o:OLEObject[\s/>]/g),
		// Insertions are kept as shown and deletions left out: the text is the accepted one.
		trackedChanges: count(/<w:(?:ins|del|moveFrom|moveTo)[\s>]/g),
		// A field (page number, date, contents…) is computed by Word: only its last result stays.
		// (A hyperlink field is a link, which mammoth keeps.)
		fields:
			count(/<w:fldSimple(?![^>]*w:instr="\s*HYPERLINK)[\s/>]/g) +
			count(/<w:instrText[^>]*>\s*(?!HYPERLINK\b)[A-Z]{2,}/g)
	};
}

// Markers mammoth carries through its HTML for what it does not convert itself (alignment,
// page breaks): Unicode non-characters, removed from the document's own text first.
const CENTER_MARK = '\ufdd0';
const RIGHT_MARK = '\ufdd1';
const PAGE_MARK = '\ufdd2';
const NON_CHARACTERS = /[\ufdd0-\ufdef]/g;
const ALIGN_MARKS: Record<string, string> = {
	center: CENTER_MARK,
	right: RIGHT_MARK,
	// "end" is the right edge in a left-to-right document.
	end: RIGHT_MARK
};

/** 914,400 EMU to the inch, 96 CSS pixels to the inch. */
const EMU_PER_PX = 9525;
/** Larger sizes are Word's, not the reader's: the web view scales pictures down anyway. */
const MAX_IMAGE_PX = 4000;

interface ImageSize {
	width: number;
	height: number;
	alt: string | undefined;
}

function attributeOf(tag: string, name: string): string | undefined {
	return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/**
 * The sizes of the pictures as set in Word, in the order mammoth reads them: DrawingML pictures
 * (wp:extent) and VML ones (no size here, null). mammoth reads the fallback of
 * mc:AlternateContent, so the choices are cut out first.
 */
function pictureSizes(documentXml: string): (ImageSize | null)[] {
	const xml = documentXml.replace(/<mc:Choice[\s>][\s\S]*?<\/mc:Choice>/g, '');
	const sizes: (ImageSize | null)[] = [];
	const drawing = /<wp:(inline|anchor)[\s>][\s\S]*?<\/wp:\1>|<v:imagedata[\s/>]/g;
	for (let match = drawing.exec(xml); match; match = drawing.exec(xml)) {
		const part = match[0];
		if (part.startsWith('<v:')) {
			sizes.push(null);
			continue;
		}
		const blips = part.match(/<a:blip[\s/>]/g)?.length ?? 0;
		if (!/<pic:pic[\s>]/.test(part) || blips === 0) continue;
		const extent = /<wp:extent[^>]*>/.exec(part)?.[0] ?? '';
		const docPr = /<wp:docPr[^>]*>/.exec(part)?.[0] ?? '';
		const width = Math.round(Number(attributeOf(extent, 'cx')) / EMU_PER_PX);
		const height = Math.round(Number(attributeOf(extent, 'cy')) / EMU_PER_PX);
		const descr = attributeOf(docPr, 'descr');
		const alt = descr && /\S/.test(descr) ? descr : attributeOf(docPr, 'title');
		const valid = Number.isFinite(width) && Number.isFinite(height) && width >= 1 && height >= 1;
		for (let i = 0; i < blips; i++) {
			sizes.push(
				valid
					? {
							width: Math.min(width, MAX_IMAGE_PX),
							height: Math.min(height, MAX_IMAGE_PX),
							alt: alt === undefined ? undefined : decodeXml(alt)
						}
					: null
			);
		}
	}
	return sizes;
}

function decodeXml(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

/** The parts of mammoth's document tree we read or rewrite (its types are not published). */
interface DocNode {
	type: string;
	children?: DocNode[];
	value?: string;
	breakType?: string;
	alignment?: string | null;
	numbering?: unknown;
	altText?: string;
}

function descendants(node: DocNode, out: DocNode[] = []): DocNode[] {
	for (const child of node.children ?? []) {
		out.push(child);
		descendants(child, out);
	}
	return out;
}

const containsPageBreak = (node: DocNode) =>
	descendants(node).some((child) => child.type === 'break' && child.breakType === 'page');

/**
 * Splits a paragraph of the body at its page breaks: the text before, a paragraph holding only
 * the page mark, the text after. Runs are split too; a list item is not split (the break goes).
 */
function splitAtPageBreaks(paragraph: DocNode, pageMark: DocNode): DocNode[] {
	if (paragraph.numbering || !containsPageBreak(paragraph)) return [paragraph];
	const pieces: DocNode[][] = [[]];
	for (const child of paragraph.children ?? []) {
		if (child.type !== 'run' || !containsPageBreak(child)) {
			pieces.at(-1)!.push(child);
			continue;
		}
		let run: DocNode[] = [];
		for (const inner of child.children ?? []) {
			if (inner.type === 'break' && inner.breakType === 'page') {
				if (run.length > 0) pieces.at(-1)!.push({ ...child, children: run });
				run = [];
				pieces.push([]);
			} else run.push(inner);
		}
		if (run.length > 0) pieces.at(-1)!.push({ ...child, children: run });
	}
	const out: DocNode[] = [];
	pieces.forEach((children, index) => {
		if (index > 0) {
			out.push({
				type: 'paragraph',
				children: [pageMark],
				styleId: null,
				styleName: null,
				numbering: null,
				alignment: null,
				indent: { start: null, end: null, firstLine: null, hanging: null }
			} as DocNode);
		}
		// mammoth drops a paragraph left empty (the usual Ctrl+Enter paragraph).
		out.push({ ...paragraph, children });
	});
	return out;
}

/**
 * Rewrites mammoth's document tree before it becomes HTML: the document's own non-characters
 * go, aligned paragraphs start with an alignment mark, page breaks of the body become page-mark
 * paragraphs (deeper ones are dropped), and the pictures are collected in reading order.
 */
function prepareDocument(document: DocNode, pictures: DocNode[]): DocNode {
	const pageMark: DocNode = { type: 'text', value: PAGE_MARK };
	const visit = (node: DocNode) => {
		if (node.type === 'text' && node.value && node !== pageMark)
			node.value = node.value.replace(NON_CHARACTERS, '');
		if (node.type === 'image') pictures.push(node);
		if (node.children) {
			node.children = node.children.filter(
				(child) => !(child.type === 'break' && child.breakType === 'page')
			);
			node.children.forEach(visit);
		}
		const mark = node.type === 'paragraph' ? ALIGN_MARKS[node.alignment ?? ''] : undefined;
		if (mark) node.children = [{ type: 'text', value: mark }, ...(node.children ?? [])];
	};
	document.children = (document.children ?? []).flatMap((child) =>
		child.type === 'paragraph' ? splitAtPageBreaks(child, pageMark) : [child]
	);
	visit(document);
	return document;
}

/** The HTML marks made into attributes: alignment on blocks, page breaks as rules. */
function applyMarks(html: string): string {
	return html
		.replace(new RegExp(`<p>${PAGE_MARK}</p>`, 'g'), '<hr class="page-break" />')
		.replace(
			new RegExp(`<(p|h2|h3|h4)>([${CENTER_MARK}${RIGHT_MARK}])`, 'g'),
			(_whole, tag: string, mark: string) =>
				`<${tag} style="text-align: ${mark === CENTER_MARK ? 'center' : 'right'}">`
		)
		.replace(NON_CHARACTERS, '');
}

const NOTE_REFERENCE =
	/<sup><a href="#((?:footnote|endnote)-\d+)" id="(?:footnote|endnote)-ref-\d+">\[\d+\]<\/a><\/sup>/g;
const NOTES_START = /<ol><li id="(?:footnote|endnote)-\d+">/g;
const NOTE_ITEM = /<li id="((?:footnote|endnote)-\d+)">/;

/**
 * mammoth's notes (a "[1]" link and a list at the end) made into our footnotes: references
 * numbered in reading order, `<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup>`,
 * and `<section class="footnotes"><ol><li id="fn-1">…</li></ol></section>` at the end.
 * Endnotes become footnotes too. Returns the HTML and the number of notes.
 */
function cleanNotes(html: string): { html: string; notes: number } {
	let start = -1;
	for (let match = NOTES_START.exec(html); match; match = NOTES_START.exec(html)) {
		start = match.index;
	}
	if (start < 0 || !html.endsWith('</ol>'))
		return { html: html.replace(NOTE_REFERENCE, ''), notes: 0 };
	const body = html.slice(0, start);
	// Each note starts with its own <li id>; lists inside a note have no id.
	const items = html
		.slice(start + '<ol>'.length, -'</ol>'.length)
		.split(/(?=<li id="(?:footnote|endnote)-\d+">)/);
	const contents = new Map<string, string>();
	for (const item of items) {
		const id = NOTE_ITEM.exec(item)?.[1];
		if (id) contents.set(id, item.replace(NOTE_ITEM, '').replace(/<\/li>$/, ''));
	}
	const order: string[] = [];
	const text = body.replace(NOTE_REFERENCE, (_whole, id: string) => {
		if (!contents.has(id)) return '';
		order.push(id);
		const n = order.length;
		return `<sup class="footnote-ref"><a href="#fn-${n}" id="fnref-${n}">${n}</a></sup>`;
	});
	if (order.length === 0) return { html: text, notes: 0 };
	const list = order.map((id, i) => `<li id="fn-${i + 1}">${contents.get(id) ?? ''}</li>`).join('');
	return {
		html: `${text}<section class="footnotes"><ol>${list}</ol></section>`,
		notes: order.length
	};
}

const MAX_STYLE_NAMES = 10;

function corrupt(): AppError {
	return new AppError('invalid', 'error_docx_corrupt', { field: 'docx' });
}

/**
 * Converts a Word .docx into a sanitized body. Images of the kinds a browser shows (PNG, JPEG,
 * GIF, WebP) are returned as bytes behind `ustat-image:<n>` placeholders; everything that could
 * not be carried over is listed in `warnings` as catalog keys with counts.
 */
export async function importDocx(
	bytes: Uint8Array,
	limits: DocxLimits = DOCX_CONVERT_LIMITS
): Promise<DocxImport> {
	// Sizes, names and counts are checked before mammoth inflates or parses anything.
	const { documentXml } = inspectDocx(bytes, limits);
	const xml = new TextDecoder().decode(documentXml);
	const parts = countUnsupportedParts(xml);
	const sizes = pictureSizes(xml);
	const pictures: DocNode[] = [];
	/** Each picture's size, when mammoth's pictures are the ones found in the XML. */
	const sizeOf = (image: object): ImageSize | null => {
		if (pictures.length !== sizes.length) return null;
		const index = pictures.indexOf(image as DocNode);
		const size = index >= 0 ? sizes[index] : null;
		const alt = (image as DocNode).altText;
		// The alt text confirms the pairing where both have one.
		return size && (size.alt === undefined || alt === undefined || size.alt === alt) ? size : null;
	};

	const images: BodyImage[] = [];
	let unsupportedImages = 0;
	let largeImages = 0;
	const convertImage = mammoth.images.imgElement(async (image) => {
		let data: Uint8Array;
		try {
			data = await image.read();
		} catch {
			// A linked (not embedded) image: mammoth may not read files outside the document.
			unsupportedImages++;
			return { src: '' };
		}
		if (data.length > IMAGE_MAX_BYTES) {
			largeImages++;
			return { src: '' };
		}
		// Trust the bytes, not the file name: EMF/WMF/TIFF/BMP and impostors are skipped.
		const contentType = sniffImageType(data);
		if (!contentType) {
			unsupportedImages++;
			return { src: '' };
		}
		const placeholder = imagePlaceholder(images.length + 1);
		images.push({ placeholder, contentType, bytes: new Uint8Array(data) });
		const size = sizeOf(image);
		return size
			? { src: placeholder, width: String(size.width), height: String(size.height) }
			: { src: placeholder };
	});

	let result: Awaited<ReturnType<typeof mammoth.convertToHtml>>;
	try {
		result = await mammoth.convertToHtml(
			{ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
			{
				styleMap: STYLE_MAP,
				// A style map embedded in the upload must not steer the conversion.
				includeEmbeddedStyleMap: false,
				externalFileAccess: false,
				transformDocument: (document: DocNode) => prepareDocument(document, pictures),
				convertImage
			}
		);
	} catch {
		throw corrupt();
	}

	const styleNames = new Set<string>();
	let other = 0;
	for (const message of result.messages) {
		const style = /^Unrecognised (?:paragraph|run) style: '(.*)' \(Style ID: (.*)\)$/.exec(
			message.message
		);
		if (style) {
			styleNames.add((style[1] && style[1] !== 'null' ? style[1] : (style[2] ?? '')).slice(0, 60));
		} else if (
			// Counted above (images, equations) or harmless (a style id without a definition).
			!/^Image of type .* is unlikely to display/.test(message.message) &&
			!/was referenced but not defined in the document$/.test(message.message) &&
			!/^An unrecognised element was ignored: (.*oMath(Para)?|w:fldSimple)$/.test(message.message)
		) {
			other++;
		}
	}

	// mammoth links notes back to their reference with a "↑"; our links are http(s) only, so
	// the arrow would remain as stray text.
	const withoutBacklinks = result.value.replace(
		/<a href="#(?:footnote|endnote)-ref-[^"]*">↑<\/a>/g,
		''
	);
	const notes = cleanNotes(applyMarks(withoutBacklinks));
	// A paragraph that held only a skipped image is left empty.
	const html = sanitizeBody(notes.html).replace(/<p><\/p>/g, '');

	const warnings: ImportWarning[] = [];
	// The HTML is sanitized, so stripping tags is enough to see whether any text is left.
	if (!/\S/.test(html.replace(/<[^>]*>|&nbsp;/g, '')) && images.length === 0)
		warnings.push({ key: 'import_empty' });
	if (styleNames.size > 0) {
		const names = [...styleNames].slice(0, MAX_STYLE_NAMES).join(', ');
		warnings.push({
			key: 'import_styles_unrecognized',
			params: {
				count: styleNames.size,
				names: styleNames.size > MAX_STYLE_NAMES ? `${names}…` : names
			}
		});
	}
	const counted: [MessageKey, number][] = [
		['import_images_unsupported', unsupportedImages],
		['import_text_boxes', parts.textBoxes],
		['import_comments_skipped', parts.comments],
		['import_equations_skipped', parts.equations],
		['import_charts_skipped', parts.charts],
		['import_objects_skipped', parts.objects],
		['import_tracked_changes', parts.trackedChanges],
		['import_fields', parts.fields],
		['import_other_skipped', other]
	];
	if (largeImages > 0)
		warnings.push({
			key: 'import_images_too_large',
			params: { count: largeImages, max: IMAGE_MAX_BYTES / 1024 / 1024 }
		});
	for (const [key, count] of counted) if (count > 0) warnings.push({ key, params: { count } });
	return { html, images, warnings };
}

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
		footnotes: count(/<w:(?:footnote|endnote)Reference[\s/>]/g)
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
	const parts = countUnsupportedParts(new TextDecoder().decode(documentXml));

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
		return { src: placeholder };
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
			!/^An unrecognised element was ignored: .*oMath(Para)?$/.test(message.message)
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
	// A paragraph that held only a skipped image is left empty.
	const html = sanitizeBody(withoutBacklinks).replace(/<p><\/p>/g, '');

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
		['import_footnotes', parts.footnotes],
		['import_comments_skipped', parts.comments],
		['import_equations_skipped', parts.equations],
		['import_charts_skipped', parts.charts],
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

import sanitizeHtml from 'sanitize-html';

/** The longest body (in characters of sanitized HTML) a material may store. */
export const BODY_MAX_CHARS = 2_000_000;

const ALLOWED_TAGS = [
	'p',
	'br',
	'h2',
	'h3',
	'h4',
	'strong',
	'em',
	'u',
	's',
	'sub',
	'sup',
	'blockquote',
	'ul',
	'ol',
	'li',
	'table',
	'thead',
	'tbody',
	'tr',
	'th',
	'td',
	'a',
	'img',
	'hr',
	'code',
	'pre',
	// Only as a body's footnotes (class "footnotes"); any other section is unwrapped.
	'section'
];

// Disallowed tags are unwrapped (their text kept); these lose their content too, because it is
// code, hidden or not text at all.
const DROP_WITH_CONTENT = [
	'script',
	'style',
	'textarea',
	'option',
	'select',
	'xmp',
	'noscript',
	'noembed',
	'noframes',
	'template',
	'title',
	'iframe',
	'object',
	'embed',
	'svg',
	'math'
];

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+={0,2}$/;
const OWN_IMAGE = new RegExp(`^/groups/${UUID}/materials/${UUID}/images/[0-9a-f]{64}$`);
const PLACEHOLDER = /^ustat-image:\d{1,6}$/;
const LINK = /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/i;
const NUMBER = /^\d{1,5}$/;
/** A footnote's link to its note and back: `#fn-3`, `#fnref-3`. */
const NOTE_LINK = /^#fn(?:ref)?-\d{1,4}$/;
const NOTE_REF_ID = /^fnref-\d{1,4}$/;
const NOTE_ID = /^fn-\d{1,4}$/;
/** The alignments a block may have (left is the default, so it is never written). */
const TEXT_ALIGN = /(?:^|;)\s*text-align\s*:\s*(center|right|justify)\s*(?:;|$)/i;

/** Whether `src` is one of the three image sources a body may hold. */
export function isAllowedImageSource(src: string): boolean {
	return DATA_IMAGE.test(src) || OWN_IMAGE.test(src) || PLACEHOLDER.test(src);
}

type Attributes = Record<string, string>;

/** Keeps only the named attributes whose values are plain numbers (colspan, width…). */
function numericOnly(attribs: Attributes, names: string[]): Attributes {
	const kept: Attributes = {};
	for (const name of names) {
		const value = attribs[name]?.trim();
		if (value && NUMBER.test(value)) kept[name] = String(Number(value));
	}
	return kept;
}

const hasClass = (attribs: Attributes, name: string) =>
	(attribs.class ?? '').split(/\s+/).includes(name);

/**
 * A paragraph or heading keeps its alignment only, written anew from a fixed set of values:
 * nothing else of the style attribute (url(), expression(), other properties) gets through.
 */
function aligned(tagName: string, attribs: Attributes): sanitizeHtml.Tag {
	const align = TEXT_ALIGN.exec(attribs.style ?? '')?.[1]?.toLowerCase();
	const kept: Attributes = align ? { style: `text-align: ${align}` } : {};
	return { tagName, attribs: kept };
}

/** Keeps `name` as the only class when the element has it. */
function onlyClass(name: string) {
	return (tagName: string, attribs: Attributes): sanitizeHtml.Tag => {
		const kept: Attributes = hasClass(attribs, name) ? { class: name } : {};
		return { tagName, attribs: kept };
	};
}

function cell(tagName: string, attribs: Attributes) {
	return { tagName, attribs: numericOnly(attribs, ['colspan', 'rowspan']) };
}

function options(mapImage?: (src: string) => string | null): sanitizeHtml.IOptions {
	return {
		allowedTags: ALLOWED_TAGS,
		allowedAttributes: {
			a: ['href', 'rel', 'target', 'id'],
			img: ['src', 'alt', 'width', 'height'],
			ol: ['start'],
			li: ['id'],
			p: ['style'],
			h2: ['style'],
			h3: ['style'],
			h4: ['style'],
			hr: ['class'],
			sup: ['class'],
			section: ['class'],
			th: ['colspan', 'rowspan'],
			td: ['colspan', 'rowspan']
		},
		// Our own checks below are stricter; these keep sanitize-html's scheme filter in agreement.
		allowedSchemes: ['http', 'https', 'mailto'],
		allowedSchemesByTag: { img: ['data', 'ustat-image'] },
		// The values are checked by the transforms below; nothing else may reach the output.
		allowedClasses: { hr: ['page-break'], sup: ['footnote-ref'], section: ['footnotes'] },
		allowProtocolRelative: false,
		nonTextTags: DROP_WITH_CONTENT,
		disallowedTagsMode: 'discard',
		transformTags: {
			h1: 'h2',
			h5: 'h4',
			h6: 'h4',
			b: 'strong',
			i: 'em',
			strike: 's',
			del: 's',
			// A link that is not http(s)/mailto loses its href; exclusiveFilter then unwraps it.
			a: (tagName, attribs): sanitizeHtml.Tag => {
				const href = attribs.href?.trim() ?? '';
				// A footnote's reference links to its note within the page.
				if (NOTE_LINK.test(href)) {
					const id = attribs.id?.trim() ?? '';
					return { tagName, attribs: NOTE_REF_ID.test(id) ? { href, id } : { href } };
				}
				if (!LINK.test(href)) return { tagName, attribs: {} };
				return {
					tagName,
					attribs: { href, rel: 'noopener noreferrer nofollow', target: '_blank' }
				};
			},
			// An image without an allowed source loses its src and is then dropped by exclusiveFilter.
			img: (tagName, attribs) => {
				let src: string | null = attribs.src?.trim() ?? '';
				if (mapImage && isAllowedImageSource(src)) src = mapImage(src);
				const kept: Attributes = {};
				if (src !== null && isAllowedImageSource(src)) kept.src = src;
				// An empty alt is meaningful: it marks a decorative image.
				if (attribs.alt !== undefined) kept.alt = attribs.alt;
				return { tagName, attribs: { ...kept, ...numericOnly(attribs, ['width', 'height']) } };
			},
			ol: (tagName, attribs) => ({ tagName, attribs: numericOnly(attribs, ['start']) }),
			li: (tagName, attribs) => {
				const id = attribs.id?.trim() ?? '';
				const kept: Attributes = NOTE_ID.test(id) ? { id } : {};
				return { tagName, attribs: kept };
			},
			p: aligned,
			h2: aligned,
			h3: aligned,
			h4: aligned,
			hr: onlyClass('page-break'),
			sup: onlyClass('footnote-ref'),
			section: onlyClass('footnotes'),
			td: cell,
			th: cell
		},
		// (Renaming a rejected link to an unwrapped tag would be simpler, but sanitize-html then
		// misnames the closing tag of the next link at the same depth.)
		exclusiveFilter: (frame) => {
			if (frame.tag === 'img') return !frame.attribs.src;
			if (frame.tag === 'a' && !frame.attribs.href) return 'excludeTag';
			if (frame.tag === 'section' && frame.attribs.class !== 'footnotes') return 'excludeTag';
			return false;
		}
	};
}

const FOREIGN_OPEN = /<(svg|math)(?=[\s/>])/gi;

/**
 * Cuts each <svg>…</svg> and <math>…</math> block out before parsing. The parser reads <style>
 * (and <script>, <textarea>, <title>) as raw text up to its own end tag everywhere, but in a
 * browser, inside svg or math, it is an ordinary element that </svg> or </math> ends: an
 * unclosed <style> there would otherwise swallow all the text after the block. The blocks are
 * dropped whole anyway (DROP_WITH_CONTENT); what is left still goes through the allow-list.
 * Linear: each end tag is searched for from the block's start, and a kind whose end tag is
 * missing is not searched for again.
 */
export function cutForeignBlocks(html: string): string {
	if (!/<(svg|math)/i.test(html)) return html;
	const ends = { svg: /<\/svg\s*>/gi, math: /<\/math\s*>/gi };
	const exhausted = { svg: false, math: false };
	let out = '';
	let kept = 0;
	FOREIGN_OPEN.lastIndex = 0;
	for (let open = FOREIGN_OPEN.exec(html); open; open = FOREIGN_OPEN.exec(html)) {
		const kind = open[1]!.toLowerCase() as 'svg' | 'math';
		if (exhausted[kind]) continue;
		const end = ends[kind];
		end.lastIndex = open.index;
		const close = end.exec(html);
		if (!close) {
			exhausted[kind] = true;
			continue;
		}
		out += html.slice(kept, open.index) + ' ';
		kept = close.index + close[0].length;
		FOREIGN_OPEN.lastIndex = kept;
	}
	return out + html.slice(kept);
}

/**
 * The allow-list sanitizer for material bodies. Run before storage and again on output, so a
 * change of the rules applies to bodies stored earlier too. Idempotent.
 */
export function sanitizeBody(html: string): string {
	return sanitizeHtml(cutForeignBlocks(html), options());
}

/**
 * Sanitizes `html` and passes each allowed image source through `map`: the returned source
 * replaces it (it must itself be an allowed source), null drops the image.
 */
export function sanitizeWithImages(html: string, map: (src: string) => string | null): string {
	return sanitizeHtml(cutForeignBlocks(html), options(map));
}

const HTML_TAG = /<\/?[a-z][^>]*>|<!--/i;

function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The body sent by the no-JavaScript textarea. Plain text: blank-line separated paragraphs become
 * <p>, single newlines <br>. Text that contains tags is taken as HTML and sanitized.
 */
export function plainTextToHtml(text: string): string {
	if (HTML_TAG.test(text)) return sanitizeBody(text);
	return text
		.replace(/\r\n?/g, '\n')
		.split(/\n[ \t]*\n/)
		.map((paragraph) => paragraph.trim())
		.filter((paragraph) => paragraph.length > 0)
		.map((paragraph) => `<p>${paragraph.split('\n').map(escapeHtml).join('<br />')}</p>`)
		.join('');
}

const BLOCK = /^(p|h2|h3|h4|blockquote|ul|ol|li|table|thead|tbody|tr|hr|pre)$/;
const CONTAINER = /^(ul|ol|table|blockquote|pre|hr)$/;
const NAMED_ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' '
};

function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) => {
		if (entity[0] === '#') {
			const code =
				entity[1] === 'x' || entity[1] === 'X'
					? parseInt(entity.slice(2), 16)
					: parseInt(entity.slice(1), 10);
			return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
		}
		return NAMED_ENTITIES[entity.toLowerCase()] ?? whole;
	});
}

/**
 * The text of a body, for word diffs between versions and for search: one line per block
 * (paragraph, heading, list item, table row), table cells separated by a tab.
 */
export function htmlToText(html: string): string {
	// Sanitizing first gives well-formed markup without script/style content to strip.
	const clean = sanitizeBody(html);
	let cellDepth = 0;
	const text = clean.replace(/<(\/?)([a-z0-9]+)[^>]*>/gi, (_tag, closing: string, name: string) => {
		const tag = name.toLowerCase();
		if (tag === 'td' || tag === 'th') {
			cellDepth += closing ? -1 : 1;
			return closing ? '\t' : '';
		}
		// Inside a cell, paragraphs and line breaks only separate words: the row stays one line.
		if (tag === 'br') return cellDepth > 0 ? ' ' : '\n';
		if (!BLOCK.test(tag)) return '';
		if (cellDepth > 0 && tag !== 'tr') return ' ';
		// A block ends its line; a list, table or quote also starts a new one.
		return closing || CONTAINER.test(tag) ? '\n' : '';
	});
	return decodeEntities(text)
		.split('\n')
		.map((line) =>
			line
				.replace(/[ \u00a0]+/g, ' ')
				.replace(/ ?\t ?/g, '\t')
				.trim()
		)
		.join('\n')
		.replace(/\n{2,}/g, '\n')
		.trim();
}

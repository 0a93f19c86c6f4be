// The PDF of a methodological collection's edition, typeset by Typst. The template below is
// static: every text of the edition reaches it as a value read from /data.json (mapped into the
// compiler's virtual file system), never as markup, so no character of it can be taken for
// Typst syntax.
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import { cleanText, htmlToBlocks, isFootnote, type Block, type Inline } from './blocks.js';
import { resultsBlocks, withCharts } from './charts.js';
import { fontDirectory } from './fonts.js';
import type { NormalizedImage } from './images.js';
import type { CollectionModel, MaterialDocument } from './model.js';

/** A virtual directory: the template, its data and the pictures live only in the compiler. */
const WORKSPACE = '/ustat-collection';

/**
 * What every document shares: the data, the page and text settings, and the functions that lay
 * out a body's blocks (see blocks.ts). Only settings and definitions: no content, so a document
 * can still set its metadata after it.
 */
const PRELUDE = String.raw`
#let data = json("/data.json")
#let serif = ("PT Serif",)
#let sans = ("PT Sans",)

// Justified and hyphenated where Typst has honest patterns (Russian, English); Kyrgyz has
// none, so it is set ragged right rather than stretched into rivers (docs/architecture.md).
#let hyphenated(lang) = lang != "ky"
#set text(font: serif, size: 11pt, lang: data.lang, hyphenate: hyphenated(data.lang))
#set par(justify: hyphenated(data.lang), leading: 0.62em, spacing: 0.9em)
/// A text in its own language: its hyphenation and justification follow it.
#let in-lang(lang, body) = {
  set text(lang: lang, hyphenate: hyphenated(lang))
  set par(justify: hyphenated(lang))
  body
}
#set page(paper: "a4", margin: (top: 22mm, bottom: 20mm, left: 25mm, right: 20mm))
#set list(indent: 0.4em, marker: ([•], [–], [◦]))
#set enum(indent: 0.4em, numbering: "1.a.i.")
#set table(stroke: 0.5pt + luma(110), inset: (x: 4pt, y: 3pt), align: left)
#show table.cell: set par(justify: false)
#show link: set text(fill: rgb("#1f4e8c"))
#show raw: set text(size: 0.9em)
#show heading: set text(font: sans)
#show heading: set par(justify: false)
#show heading.where(level: 1): set text(size: 18pt)
#show heading.where(level: 1): set block(above: 0pt, below: 16pt)
#show heading.where(level: 2): set text(size: 14pt)
#show heading.where(level: 2): set block(above: 14pt, below: 10pt)
#show heading.where(level: 3): set text(size: 12.5pt)
#show heading.where(level: 4): set text(size: 11.5pt)
#show heading.where(level: 5): set text(size: 11pt, style: "italic")
#show outline.entry.where(level: 1): set text(weight: "bold")
#show outline.entry.where(level: 1): set block(above: 1em)
// The entry written as Typst's own minus its word joiners (U+2060), which would otherwise
// reach the text a reader copies or searches: the dots and the page share one box instead,
// so the page number still never goes to a line of its own.
#show outline.entry: it => link(it.element.location(), text(fill: black, it.indented(it.prefix(), {
  it.body()
  box(width: 1fr, { box(width: 1fr, inset: (left: 0.3em, right: 0.3em), repeat(gap: 0.2em)[.]); it.page() })
})))

#let inlines(runs) = {
  for r in runs {
    if "br" in r {
      linebreak()
    } else if "footnote" in r {
      // The note's paragraphs (see prepare in typst.ts); Typst numbers and places it.
      footnote(r.footnote.map(p => inlines(p)).join(parbreak()))
    } else {
      let c = if r.at("code", default: false) { raw(r.text) } else { text(r.text) }
      if r.at("bold", default: false) { c = strong(c) }
      if r.at("italic", default: false) { c = emph(c) }
      if r.at("underline", default: false) { c = underline(c) }
      if r.at("strike", default: false) { c = strike(c) }
      if r.at("sub", default: false) { c = sub(c) }
      if r.at("sup", default: false) { c = super(c) }
      if "href" in r { c = link(r.href, c) }
      c
    }
  }
}

/// A paragraph or heading set centred, to the right or justified, as its body says.
#let aligned(b, body) = {
  let a = b.at("align", default: none)
  if a == "center" { align(center, body) }
  else if a == "right" { align(right, body) }
  else if a == "justify" { set par(justify: true); body }
  else { body }
}

#let blocks(list-of-blocks) = {
  for b in list-of-blocks {
    let t = b.type
    if t == "paragraph" {
      aligned(b, par(inlines(b.inlines)))
    } else if t == "heading" {
      aligned(b, heading(level: b.level + 1, outlined: false, bookmarked: false, inlines(b.inlines)))
    } else if t == "pagebreak" {
      pagebreak(weak: true)
    } else if t == "list" {
      let items = b.items.map(item => [#blocks(item)])
      if b.ordered { enum(start: b.start, ..items) } else { list(..items) }
    } else if t == "quote" {
      block(inset: (left: 10pt, y: 2pt), stroke: (left: 1.5pt + luma(160)), blocks(b.blocks))
    } else if t == "table" {
      let header = ()
      let body = ()
      for (y, row) in b.rows.enumerate() {
        for c in row {
          let content = [#blocks(c.blocks)]
          let cell = table.cell(
            colspan: c.colspan,
            rowspan: c.rowspan,
            fill: if c.header { luma(235) } else { none },
            if c.header { strong(content) } else { content },
          )
          if y < b.headerRows { header.push(cell) } else { body.push(cell) }
        }
      }
      let head = if header.len() > 0 { (table.header(repeat: true, ..header),) } else { () }
      // Pictures would take all of an auto column's width: tables with pictures share it out.
      let columns = if b.at("pictures", default: false) { (1fr,) * b.columns } else { (auto,) * b.columns }
      set text(size: (if b.columns > 5 { 8.5pt } else { 10pt }) * data.at("scale", default: 1))
      table(columns: columns, ..head, ..body)
    } else if t == "image" {
      let im = data.images.at(b.key, default: none)
      if im != none {
        // The size set in Word or the editor (CSS pixels), else the picture's own.
        let sized = "width" in b and "height" in b
        let ratio = if sized { b.width / b.height } else { im.width / im.height }
        let natural = b.at("width", default: if "height" in b { b.height * ratio } else { im.width })
        block(width: 100%, breakable: false, layout(size => {
          let w = calc.min(size.width, natural * 0.75pt, 200mm * ratio)
          let alt = if b.alt == "" { none } else { b.alt }
          align(center, if sized {
            image(im.path, width: w, height: w / ratio, fit: "stretch", alt: alt)
          } else {
            image(im.path, width: w, alt: alt)
          })
        }))
      }
    } else if t == "hr" {
      block(above: 8pt, below: 8pt, line(length: 100%, stroke: 0.5pt + luma(150)))
    } else if t == "pre" {
      block(fill: luma(244), inset: 6pt, radius: 2pt, width: 100%, raw(b.text, block: true))
    }
  }
}

`;

export const COLLECTION_TEMPLATE =
	PRELUDE +
	String.raw`
#let L = data.labels
#set document(title: data.title, author: data.editors, description: data.subtitle)

#let meta(label, value) = par(justify: false, spacing: 0.45em, strong(label + ": ") + value)

#let item(it) = {
  // Labelled, so the authors index can give the page the material starts on.
  [#heading(level: 2, text(lang: it.lang, str(it.number) + ". " + it.title)) #label("item-" + str(it.number))]
  let authors-label = if it.authors.len() == 1 { L.at("authorsOne", default: L.authors) } else { L.authors }
  if it.authors.len() > 0 { meta(authors-label, it.authors.join(", ")) }
  if it.type != "" { meta(L.type, it.type) }
  if it.subjects.len() > 0 { meta(L.subjects, it.subjects.join(", ")) }
  if it.grades != "" { meta(L.grades, it.grades) }
  if it.abstract.len() > 0 {
    block(above: 10pt, below: 5pt, sticky: true, strong(L.abstract))
    in-lang(it.lang, for p in it.abstract { par(emph(p)) })
  }
  if it.note.len() > 0 {
    block(above: 10pt, fill: luma(242), inset: 8pt, radius: 2pt, width: 100%, {
      block(below: 6pt, sticky: true, strong(L.note))
      for p in it.note { par(p) }
    })
  }
  v(6pt)
  if it.body.len() == 0 {
    par(emph(L.emptyBody))
  } else {
    in-lang(it.lang, blocks(it.body))
  }
  // The approbation results the leader added: in the collection's language.
  blocks(it.results)
}

#let running-header = context {
  let here-page = here().page()
  let chapters = query(heading.where(level: 1))
  if chapters.all(h => h.location().page() != here-page) {
    set text(font: sans, size: 8.5pt, fill: luma(70))
    set par(justify: false)
    let previous = chapters.filter(h => h.location().page() < here-page)
    let label = if calc.even(here-page) { data.title } else if previous.len() > 0 { previous.last().body } else { data.title }
    block(width: 100%, below: 0pt, stroke: (bottom: 0.4pt + luma(150)), inset: (bottom: 3pt),
      align(if calc.even(here-page) { left } else { right }, label))
  }
}

// Title page and its verso: no header, no page number.
#page(header: none, footer: none, numbering: none, {
  set align(center)
  set par(justify: false)
  text(font: sans, size: 13pt, weight: "bold", data.school)
  v(4pt)
  text(font: sans, size: 12pt, L.groupLine)
  v(1fr)
  text(font: sans, size: 26pt, weight: "bold", data.title)
  v(12pt)
  text(size: 15pt, data.subtitle)
  v(16pt)
  text(size: 12pt, L.edition)
  v(1.4fr)
  text(size: 12pt, data.imprint)
})

#page(header: none, footer: none, numbering: none, {
  set par(justify: false)
  // One person a line: a compiler with their post, a reviewer with their degree.
  for entry in data.verso { par(strong(entry.label + ":") + entry.lines.map(l => linebreak() + l).join()) }
  if data.approval != "" { v(10pt); par(emph(data.approval)) }
})

#set page(numbering: "1", header: running-header)

#outline(title: L.contents, depth: 2)

#if data.preface.len() > 0 {
  pagebreak(weak: true)
  heading(level: 1, L.preface)
  for p in data.preface { par(p) }
}

#for section in data.sections {
  pagebreak(weak: true)
  heading(level: 1, section.title)
  for p in section.intro { par(p) }
  for (i, it) in section.items.enumerate() {
    // Each material on a new page, or following on (the collection's setting).
    if i > 0 { if data.itemsOnNewPage { pagebreak(weak: true) } else { v(18pt, weak: true) } }
    item(it)
  }
}

#if data.authorsIndex.len() > 0 {
  pagebreak(weak: true)
  heading(level: 1, L.authorsIndex)
  set par(justify: false, hanging-indent: 1.5em)
  if L.at("indexPages", default: none) != none { par(emph(L.indexPages)) }
  // The pages the author's materials start on (as the contents number them), each once.
  for e in data.authorsIndex {
    let pages = context e.items
      .map(n => counter(page).at(label("item-" + str(n))).first())
      .dedup()
      .map(str)
      .join(", ")
    par(e.name + " " + box(width: 1fr, repeat(gap: 0.2em, ".")) + " " + pages)
  }
}
`;

/**
 * One material as a document of its own: its title, its authors, its title block's details and
 * abstract (when given), its body and its attached files (when given). As slides, the
 * pages are landscape, the text larger and every heading of the body starts a page.
 */
export const MATERIAL_TEMPLATE =
	PRELUDE +
	String.raw`
#let slides = data.slides
#set document(title: data.title, author: data.authors)
#set page(flipped: slides, numbering: if slides { none } else { "1" })
#set text(size: 11pt * data.scale)
#show heading.where(level: 1): set text(size: 24pt) if slides
#show heading.where(level: 3): set text(size: 20pt) if slides
#show heading.where(level: 3): it => if slides { pagebreak(weak: true) + it } else { it }

#heading(level: 1, data.title)
#if data.authors.len() > 0 { par(justify: false, emph(data.authors.join(", "))) }
#for d in data.details {
  par(justify: false, spacing: 0.45em, strong(d.label + ": ") + d.value)
}
#if data.abstract != none {
  block(above: 10pt, below: 5pt, sticky: true, strong(data.abstract.heading))
  for p in data.abstract.paragraphs { par(emph(p)) }
}
#if data.details.len() > 0 or data.abstract != none {
  block(above: 8pt, below: 10pt, line(length: 100%, stroke: 0.5pt + luma(150)))
}
#v(6pt)
#blocks(data.body)
#if data.attachments != none and data.attachments.files.len() > 0 {
  heading(level: 3, data.attachments.heading)
  list(..data.attachments.files.map(f => [#f]))
}
`;

export interface CollectionPdf {
	pdf: Uint8Array;
	pages: number;
}

/** Typst failed: `message` holds its diagnostics, for the logs only. */
export class TypstError extends Error {
	override name = 'TypstError';
}

/** Every string of a value made safe for JSON readers and XML (see cleanText). */
function clean<T>(value: T): T {
	return JSON.parse(
		JSON.stringify(value, (_key, inner: unknown) =>
			typeof inner === 'string' ? cleanText(inner) : inner
		)
	) as T;
}

function imagePath(key: string, image: NormalizedImage): string {
	return `/img/${key}.${image.ext}`;
}

/** The text of a note's blocks, a list of paragraphs (its pictures and tables are left out). */
function noteText(blocks: Block[]): Inline[][] {
	return blocks.flatMap((block): Inline[][] => {
		switch (block.type) {
			case 'paragraph':
			case 'heading':
				return [block.inlines.filter((inline) => !isFootnote(inline))];
			case 'list':
				return block.items.flatMap(noteText);
			case 'quote':
				return noteText(block.blocks);
			default:
				return [];
		}
	});
}

/** A footnote's reference made into its paragraphs for the template. */
function noteParagraphs(inline: Inline): unknown {
	return isFootnote(inline) ? { footnote: noteText(inline.footnote) } : inline;
}

/**
 * The blocks for the template: tables holding a picture are marked (`pictures`), and the keys
 * of the pictures used are added to `used`. Returns whether the blocks hold a picture.
 */
function prepare(
	blocks: Block[],
	used: Set<string>,
	nested = false
): { blocks: unknown[]; pictures: boolean } {
	let pictures = false;
	// Typst breaks pages only at the top level, not inside a list, quote or table.
	const kept = nested ? blocks.filter((block) => block.type !== 'pagebreak') : blocks;
	const out = kept.map((block): unknown => {
		switch (block.type) {
			case 'paragraph':
			case 'heading':
				return { ...block, inlines: block.inlines.map(noteParagraphs) };
			case 'image':
				used.add(block.key);
				pictures = true;
				return block;
			case 'list': {
				const items = block.items.map((item) => prepare(item, used, true));
				pictures ||= items.some((item) => item.pictures);
				return { ...block, items: items.map((item) => item.blocks) };
			}
			case 'quote': {
				const inner = prepare(block.blocks, used, true);
				pictures ||= inner.pictures;
				return { ...block, blocks: inner.blocks };
			}
			case 'table': {
				let inTable = false;
				const rows = block.rows.map((row) =>
					row.map((cell) => {
						const inner = prepare(cell.blocks, used, true);
						inTable ||= inner.pictures;
						return { ...cell, blocks: inner.blocks };
					})
				);
				pictures ||= inTable;
				return { ...block, rows, pictures: inTable };
			}
			default:
				return block;
		}
	});
	return { blocks: out, pictures };
}

/** The JSON the template reads. */
export function typstData(model: CollectionModel, images: Map<string, NormalizedImage>) {
	const used = new Set<string>();
	const sections = model.sections.map((section) => ({
		title: section.title,
		intro: section.intro,
		items: section.items.map((item) => {
			const body = prepare(htmlToBlocks(item.bodyHtml), used).blocks;
			const results = prepare(
				resultsBlocks(item.results, item.number, model.labels.results),
				used
			).blocks;
			return {
				number: item.number,
				title: item.title,
				authors: item.authors,
				type: item.type,
				subjects: item.subjects,
				grades: item.grades,
				lang: item.language,
				abstract: item.abstract,
				note: item.note,
				body,
				results
			};
		})
	}));
	const verso = [
		{ label: model.labels.editors, lines: model.editors },
		{ label: model.labels.reviewers, lines: model.reviewers }
	].filter((entry) => entry.lines.length > 0);
	return clean({
		lang: model.language,
		title: model.title,
		subtitle: model.subtitle,
		school: model.school,
		imprint: [model.city, model.year ? String(model.year) : ''].filter(Boolean).join(' – '),
		editors: model.editors,
		verso,
		approval: model.approval,
		preface: model.preface,
		sections,
		authorsIndex: model.authorsIndex,
		itemsOnNewPage: model.itemsOnNewPage !== false,
		images: pictures(used, images),
		labels: model.labels
	});
}

interface Diagnostic {
	message?: string;
	path?: string;
	range?: string;
	severity?: string;
}

function describe(compiler: NodeCompiler, error: Parameters<NodeCompiler['fetchDiagnostics']>[0]) {
	try {
		const diagnostics = compiler.fetchDiagnostics(error) as Diagnostic[];
		return diagnostics
			.map(
				(d) =>
					`${d.severity ?? 'error'} ${d.path ?? ''}${d.range ? `:${d.range}` : ''}: ${d.message ?? ''}`
			)
			.join('\n');
	} catch {
		return error.shortDiagnostics.map((d: unknown) => JSON.stringify(d)).join('\n');
	}
}

/** Typesets `template` on `data` (with the pictures it names), in a compiler of its own. */
function typeset(
	template: string,
	data: { images: Record<string, unknown> },
	images: Map<string, NormalizedImage>
): CollectionPdf {
	const compiler = NodeCompiler.create({
		workspace: WORKSPACE,
		fontArgs: [{ fontPaths: [fontDirectory('pt-serif'), fontDirectory('pt-sans')] }]
	});
	try {
		compiler.mapShadow(`${WORKSPACE}/data.json`, Buffer.from(JSON.stringify(data)));
		for (const key of Object.keys(data.images)) {
			const image = images.get(key);
			if (image) {
				const bytes = Buffer.from(
					image.bytes.buffer,
					image.bytes.byteOffset,
					image.bytes.byteLength
				);
				compiler.mapShadow(`${WORKSPACE}${imagePath(key, image)}`, bytes);
			}
		}
		const result = compiler.compile({ mainFileContent: template });
		const error = result.takeError();
		if (error) throw new TypstError(`Typst compile failed:\n${describe(compiler, error)}`);
		const document = result.result;
		if (!document) throw new TypstError('Typst compile gave no document');
		const pdf = compiler.pdf(document);
		return { pdf: new Uint8Array(pdf), pages: document.numOfPages };
	} finally {
		compiler.resetShadow();
		compiler.evictCache(0);
	}
}

/** The PDF of an edition; `images` are the normalized pictures by blob key (missing ones are left out). */
export function buildCollectionPdf(
	model: CollectionModel,
	images: Map<string, NormalizedImage>
): CollectionPdf {
	const all = withCharts(model, images, 'vector');
	return typeset(COLLECTION_TEMPLATE, typstData(model, all), all);
}

/** The pictures the blocks use, for the template (those missing from `images` are left out). */
function pictures(used: Set<string>, images: Map<string, NormalizedImage>) {
	const found: Record<string, { path: string; width: number; height: number }> = {};
	for (const key of used) {
		const image = images.get(key);
		if (image)
			found[key] = { path: imagePath(key, image), width: image.width, height: image.height };
	}
	return found;
}

/**
 * The PDF of one material (a worksheet, a lesson plan, slides), laid out as the collection lays
 * out its items' bodies; `images` as for an edition.
 */
export function buildMaterialPdf(
	material: MaterialDocument,
	images: Map<string, NormalizedImage> = new Map(),
	options: { slides?: boolean } = {}
): CollectionPdf {
	const used = new Set<string>();
	const body = prepare(htmlToBlocks(material.bodyHtml), used).blocks;
	const data = clean({
		lang: material.language,
		title: material.title,
		authors: material.authors,
		details: material.details ?? [],
		abstract:
			material.abstract && material.abstract.paragraphs.length > 0 ? material.abstract : null,
		attachments: material.attachments ?? null,
		slides: options.slides ?? false,
		/** Slides are read from afar: larger text, tables included. */
		scale: options.slides ? 15 / 11 : 1,
		body,
		images: pictures(used, images)
	});
	return typeset(MATERIAL_TEMPLATE, data, images);
}

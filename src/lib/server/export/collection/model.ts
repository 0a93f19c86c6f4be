// The frozen content of one edition of a methodological collection (Regulation §6): every
// text already resolved in the collection's language, so the DOCX, PDF and web renderers
// only lay it out. It is made once, when the leader asks to compile, and stored with the
// edition: a later change to a material or to the collection never alters an edition.

export type CollectionLanguage = 'ky' | 'ru' | 'en';

/** The fixed texts of the documents, in the collection's language. */
export interface CollectionLabels {
	/** "Мазмуну" / "Содержание" / "Contents" */
	contents: string;
	preface: string;
	/** Heading of the authors index. */
	authorsIndex: string;
	/** "Түзүүчүлөр / редакторлор" line label on the title page's verso. */
	editors: string;
	reviewers: string;
	/** An item's authors label: by count (the review: «Автору:» / «Авторлору:»). */
	authors: string;
	/** The same for one author; absent in editions made before issue 18. */
	authorsOne?: string;
	type: string;
	subjects: string;
	grades: string;
	abstract: string;
	/** Heading of the leader's editorial note on an item. */
	note: string;
	/** e.g. "Edition 2" */
	edition: string;
	/** The line under the school on the title page, e.g. "Creative group «…»". */
	groupLine: string;
	/** Shown in place of an item's body when it has none. */
	emptyBody: string;
	/** Heading of a material's approbation results. */
	results: string;
	/** Under the authors index when its numbers are pages (the PDF). */
	indexPages?: string;
	/** Under the authors index when its numbers are the materials' (the DOCX, the web). */
	indexItems?: string;
}

/** One indicator of a material's approbation results: its chart and the same data as a table. */
export interface ResultsIndicatorModel {
	/** e.g. "Knowledge quality, %" */
	title: string;
	/** What the chart shows, in words (the picture's alternative text). */
	description: string;
	/** A self-contained SVG (charts/results.ts): vector in the PDF, a picture in the DOCX. */
	svg: string;
	/** The SVG's size in CSS pixels (its width and height attributes). */
	width: number;
	height: number;
	headers: string[];
	rows: string[][];
}

/** A material's approbation results (§4.1, §5.4), frozen with the edition. */
export interface ResultsModel {
	/** e.g. "Approbations: 3. Confirmed by observation: 2." */
	summary: string;
	indicators: ResultsIndicatorModel[];
}

export interface CollectionItemModel {
	/** 1, 2, 3… across the whole collection: the authors index refers to these. */
	number: number;
	materialId: string;
	/** The accepted version the edition was made from. */
	versionNumber: number;
	title: string;
	/** Main author first, then co-authors. */
	authors: string[];
	/** The material type's name in the collection's language. */
	type: string;
	/** Subject names in the collection's language. */
	subjects: string[];
	/** e.g. "5–7" or "" */
	grades: string;
	/** The material's own language (its texts keep it). */
	language: CollectionLanguage;
	/** Paragraphs of plain text. */
	abstract: string[];
	/** The leader's editorial note, paragraphs of plain text. */
	note: string[];
	/**
	 * Sanitized HTML of the accepted version. Body pictures are `<img src="edition-image:KEY">`,
	 * KEY being the blob key of the picture in the file store (see `images`).
	 */
	bodyHtml: string;
	/** The approbation results the leader added, printed after the body (absent: none). */
	results?: ResultsModel;
}

export interface CollectionSectionModel {
	title: string;
	/** Paragraphs of plain text. */
	intro: string[];
	items: CollectionItemModel[];
}

export interface AuthorsIndexEntry {
	/** Surname and initials, «Өмүрбекова А. К.» (the full name in editions before issue 18). */
	name: string;
	/** Item numbers, ascending. */
	items: number[];
}

export interface CollectionImage {
	/** Blob key (SHA-256) in the file store. */
	key: string;
	mime: string;
}

export interface CollectionModel {
	language: CollectionLanguage;
	/** The edition's number within the collection. */
	edition: number;
	title: string;
	subtitle: string;
	year: number;
	city: string;
	school: string;
	group: string;
	/** The compilers, each a line: «Өмүрбекова А. К., башталгыч класстардын мугалими». */
	editors: string[];
	reviewers: string[];
	/** The approval note on the title page's verso, e.g. "Recommended by the decision of…". */
	approval: string;
	/** Paragraphs of plain text. */
	preface: string[];
	sections: CollectionSectionModel[];
	/** By surname in the collection's language's collation (Kyrgyz: Ң after Н, Ө after О). */
	authorsIndex: AuthorsIndexEntry[];
	/** Each material starts a new page (absent: yes, as before issue 18) or follows on. */
	itemsOnNewPage?: boolean;
	/** Every picture the bodies use, once. */
	images: CollectionImage[];
	labels: CollectionLabels;
}

/** Reads a picture's bytes for a renderer (from the file store in the app). */
export type ImageSource = (key: string) => Promise<Uint8Array>;

/** The placeholder scheme of body pictures inside an edition's model. */
export const EDITION_IMAGE = 'edition-image:';

/** A "label: value" line of a material document's title block, both in the document's language. */
export interface MaterialDetail {
	label: string;
	value: string;
}

/** One material as a document of its own (a demo attachment, an export of one material). */
export interface MaterialDocument {
	title: string;
	/** Main author first; may be empty. */
	authors: string[];
	language: CollectionLanguage;
	/** Sanitized HTML, as a material's body; pictures as in an edition (`edition-image:KEY`). */
	bodyHtml: string;
	/** The title block's details under the authors (type, subjects, grades, school, group, version). */
	details?: MaterialDetail[];
	/** The abstract under its heading, paragraphs of plain text. */
	abstract?: { heading: string; paragraphs: string[] };
	/** The attached files listed after the body, one line each (e.g. "Plan.docx — DOCX, 24 KB"). */
	attachments?: { heading: string; files: string[] };
}

import {
	AlignmentType,
	Document,
	Footer,
	Packer,
	PageNumber,
	Paragraph,
	Tab,
	TabStopType,
	TextRun,
	type IParagraphOptions
} from 'docx';

// The minutes ("протокол") of a meeting as a school prints it (REFERENCE.md, issue 18):
// the school, the heading, the city and date, who took part, the agenda, each item as
// HEARD → SPOKE → DECIDED, the decisions by vote in protocol style, the signatures. Text is
// set ragged right: Word and LibreOffice cannot hyphenate Kyrgyz, and justified lines
// without hyphenation stretch into gaps.

export interface MinutesLabels {
	/** The document's title in its properties, e.g. "№1 протокол". */
	title: string;
	/**
	 * The heading's lines in the language's own order, e.g. ky «…чыгармачыл тобунун
	 * отурумунун» / «№1 ПРОТОКОЛУ», ru «ПРОТОКОЛ №1» / «заседания творческой группы «…»».
	 */
	heading: string[];
	time: string;
	place: string;
	online: string;
	chair: string;
	secretary: string;
	present: string;
	absent: string;
	excused: string;
	invited: string;
	agenda: string;
	speaker: string;
	heard: string;
	spoke: string;
	decided: string;
	notes: string;
	decisions: string;
	/** The word printed under the signature line, e.g. "колу". */
	signature: string;
	/** The section of decisions taken by vote, e.g. "Добуш берүү менен кабыл алынган чечимдер". */
	votes: string;
	/** e.g. "Чечим №3" */
	voteTitle: (number: number) => string;
}

/** A decision taken by vote and linked to this meeting, its lines already in words. */
export interface MinutesVote {
	/** The decision's number in the group's log. */
	number: number;
	question: string;
	/** The leader's wording; empty while it waits to be written. */
	wording: string;
	/** «Добуш берүүнүн жыйынтыгы: «макул» — 3, «каршы» — 1, «калыс» — 0.» */
	tally: string;
	/** «Добуш берүү укугу барлар — 12, добуш бергендер — 10. Кворум бар (50%).» */
	turnout: string;
	/** «Чечим кабыл алынды.» */
	outcome: string;
}

export interface MinutesData {
	/** Sets the document language (w:lang) so Word spell-checks in it. */
	language: 'ky' | 'ru' | 'en';
	schoolName: string;
	city: string;
	/** Already written the document's way, e.g. «2026-жылдын 23-сентябры». */
	date: string;
	time: string | null;
	place: string | null;
	onlineLink: string | null;
	/** People's names are printed as they are kept (full names), one style throughout. */
	chair: string | null;
	secretary: string | null;
	present: string[];
	absent: string[];
	excused: string[];
	invited: string | null;
	agenda: {
		title: string;
		speaker: string | null;
		heard: string;
		spoke: string;
		decided: string;
	}[];
	notes: string;
	decisions: string;
	/** Decisions taken by vote at this meeting, in the order taken; a section after the agenda. */
	votes?: MinutesVote[];
}

const LOCALES: Record<MinutesData['language'], string> = {
	ky: 'ky-KG',
	ru: 'ru-RU',
	en: 'en-US'
};

const FONT = 'Times New Roman';
/** Half-points: 14 pt, the usual size of school paperwork. */
const BODY_SIZE = 28;
const CAPTION_SIZE = 20;
const FOOTER_SIZE = 24;

/** Millimetres to the nearest twip (1/1440 inch); docx's own converter rounds down, making A4 a twip short. */
const mm = (millimeters: number) => Math.round((millimeters * 1440) / 25.4);

// A4 with the margins of official paperwork: 30 mm left (for binding), 15 mm right, 20 mm top and bottom.
const PAGE = { width: 210, height: 297 };
const MARGIN = { left: 30, right: 15, top: 20, bottom: 20 };
const TEXT_WIDTH = mm(PAGE.width - MARGIN.left - MARGIN.right);
/** A numbered line's text starts here, wrapped lines too (hanging indent). */
const NUMBER_INDENT = mm(8);

// Signature block columns: label, then the line to sign on, then the name.
const SIGN_LINE = '____________';
const SIGN_LINE_AT = mm(40);
const SIGN_CAPTION_AT = mm(55);
const SIGN_NAME_AT = mm(75);

/** The last decision is kept on the signatures' page whole when it is at most this long. */
const KEEP_WHOLE = 8;
/** …otherwise its last lines are. */
const KEEP_TAIL = 4;

const NBSP = '\u00a0';

/**
 * Spaces a line must not break at: after an initial («А. Асанова», «А. К. Асанова»), between
 * a surname and its initials («Асанова А. К.»), before a dash («макул» — 3) and after «№».
 */
export function typeset(text: string): string {
	return text
		.replace(/(?<![\p{L}\p{N}])(\p{Lu}\.) (?=\p{Lu})/gu, `$1${NBSP}`)
		.replace(/(\p{L}{2,}) (?=\p{Lu}\.(?:[\s,;)]|$))/gu, `$1${NBSP}`)
		.replace(/ (?=[—–] )/g, NBSP)
		.replace(/№ (?=\d)/g, `№${NBSP}`);
}

/** A person's name never broken across lines. */
const nameOf = (name: string) => name.trim().replace(/\s+/g, NBSP);

const run = (text: string, bold = false) => new TextRun({ text: typeset(text), bold });

/** Splits free text into lines, one paragraph each; surrounding blank lines are dropped. */
function lines(text: string): string[] {
	const trimmed = text.replace(/^(\s*\n)+/, '').trimEnd();
	return trimmed ? trimmed.split('\n').map((line) => line.replace(/\r$/, '')) : [];
}

type Para = IParagraphOptions;
/** Paragraphs that belong together: the last one before the signatures stays with them. */
type Block = Para[];

/** A bold line that introduces what follows; kept on the same page as it. */
function heading(text: string, spaceBefore = false): Para {
	return {
		keepNext: true,
		spacing: spaceBefore ? { before: 240 } : undefined,
		children: [run(text, true)]
	};
}

const plain = (text: string): Para => ({ children: [run(text)] });

/** "1. …" with its wrapped lines under the text, not under the number (or the dash). */
function numbered(number: number | string, text: string): Para {
	const mark = typeof number === 'number' ? `${number}.` : number;
	return {
		indent: { left: NUMBER_INDENT, hanging: NUMBER_INDENT },
		children: [new TextRun({ children: [mark, new Tab(), typeset(text)] })]
	};
}

/** A line of free text; one typed as a list item ("1. …", "2) …", "- …") hangs like one. */
function textLine(line: string): Para {
	const item = /^(\d{1,2}[.)]|[-–—•])\s+(\S.*)$/u.exec(line);
	return item ? numbered(item[1]!, item[2]!) : plain(line);
}

/** "Label: value", further lines of the value as paragraphs of their own; nothing without a value. */
function labelled(label: string, value: string | null): Para[] {
	const [first, ...rest] = lines(value ?? '');
	if (first === undefined) return [];
	return [{ children: [run(`${label}: `, true), run(first)] }, ...rest.map(plain)];
}

/** "Label (N): names, …"; nothing when the list is empty and optional. */
function people(label: string, names: string[], always = false): Para[] {
	if (names.length === 0) return always ? [{ children: [run(`${label}: `, true), run('0')] }] : [];
	return [
		{
			children: [
				run(`${label} (${names.length}): `, true),
				new TextRun(names.map(nameOf).join(', '))
			]
		}
	];
}

/** A heading with its text; `always` keeps the heading even with no text (HEARD and DECIDED). */
function section(label: string, text: string, always = false, spaceBefore = false): Block {
	const body = lines(text).map(textLine);
	return body.length === 0 && !always ? [] : [heading(`${label}:`, spaceBefore), ...body];
}

function signature(label: string, name: string | null, caption: string): Para[] {
	return [
		{
			spacing: { before: 480 },
			tabStops: [
				{ type: TabStopType.LEFT, position: SIGN_LINE_AT },
				{ type: TabStopType.LEFT, position: SIGN_NAME_AT }
			],
			children: [
				run(`${label}:`, true),
				new TextRun({
					children: [new Tab(), SIGN_LINE, ...(name ? [new Tab(), nameOf(name)] : [])]
				})
			]
		},
		// The word "signature" sits under the middle of the line, as on printed forms.
		{
			tabStops: [{ type: TabStopType.CENTER, position: SIGN_CAPTION_AT }],
			children: [new TextRun({ children: [new Tab(), `(${caption})`], size: CAPTION_SIZE })]
		}
	];
}

/** Each decision by vote: its number and question, DECIDED with the wording, the count, the outcome. */
function voteBlocks(votes: MinutesVote[], labels: MinutesLabels): Block[] {
	if (votes.length === 0) return [];
	return [
		[heading(`${labels.votes}:`, true)],
		...votes.map((vote) => [
			heading(`${labels.voteTitle(vote.number)}. ${vote.question}`, true),
			...section(labels.decided, vote.wording),
			plain(vote.tally),
			plain(vote.turnout),
			plain(vote.outcome)
		])
	];
}

/**
 * The signatures never stand alone on a page: the last decision (or its last lines) is kept
 * with them, lines of a paragraph unbroken.
 */
function keptWithSignatures(block: Block): Block {
	const from = block.length <= KEEP_WHOLE ? 0 : block.length - KEEP_TAIL;
	return block.map((para, i) => (i >= from ? { ...para, keepNext: true, keepLines: true } : para));
}

/** Renders a meeting's minutes as a DOCX in the layout of Kyrgyz school paperwork. */
export function minutesDocx(data: MinutesData, labels: MinutesLabels): Promise<Buffer> {
	const agendaList: Block =
		data.agenda.length === 0
			? []
			: [
					heading(`${labels.agenda}:`, true),
					...data.agenda.map((item, i) =>
						numbered(
							i + 1,
							item.speaker ? `${item.title} (${labels.speaker}: ${item.speaker})` : item.title
						)
					)
				];

	const items: Block[] = data.agenda.flatMap((item, i) => [
		[
			heading(`${i + 1}. ${item.title}`, true),
			...section(labels.heard, item.heard, true),
			...section(labels.spoke, item.spoke)
		],
		section(labels.decided, item.decided, true)
	]);

	const blocks: Block[] = [
		[
			{ alignment: AlignmentType.CENTER, children: [run(data.schoolName, true)] },
			...labels.heading.map((line, i): Para => ({
				alignment: AlignmentType.CENTER,
				spacing: i === 0 ? { before: 360 } : undefined,
				children: [run(line, true)]
			})),
			// City on the left, date on the right, as on official letterheads.
			{
				spacing: { before: 240, after: 240 },
				tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
				children: [new TextRun({ children: [typeset(data.city), new Tab(), data.date] })]
			},
			...labelled(labels.time, data.time),
			...labelled(labels.place, data.place),
			...labelled(labels.online, data.onlineLink),
			...labelled(labels.chair, data.chair && nameOf(data.chair)),
			...labelled(labels.secretary, data.secretary && nameOf(data.secretary)),
			...people(labels.present, data.present, true),
			...people(labels.absent, data.absent),
			...people(labels.excused, data.excused),
			...labelled(labels.invited, data.invited)
		],
		agendaList,
		...items,
		...voteBlocks(data.votes ?? [], labels),
		section(labels.notes, data.notes, false, true),
		section(labels.decisions, data.decisions, false, true)
	].filter((block) => block.length > 0);

	const last = blocks.length - 1;
	const body = blocks.flatMap((block, i) => (i === last ? keptWithSignatures(block) : block));
	const signatures = [
		...signature(labels.chair, data.chair, labels.signature),
		...signature(labels.secretary, data.secretary, labels.signature)
	].map((para, i, all): Para => ({ ...para, keepLines: true, keepNext: i < all.length - 1 }));

	const doc = new Document({
		title: labels.title,
		styles: {
			default: {
				document: {
					run: {
						// Every script slot named, so Cyrillic text does not fall back to a theme font.
						font: { ascii: FONT, hAnsi: FONT, eastAsia: FONT, cs: FONT },
						size: BODY_SIZE,
						language: { value: LOCALES[data.language] }
					}
				}
			}
		},
		sections: [
			{
				properties: {
					// The first page carries no number, as official paperwork does.
					titlePage: true,
					page: {
						size: { width: mm(PAGE.width), height: mm(PAGE.height) },
						margin: {
							left: mm(MARGIN.left),
							right: mm(MARGIN.right),
							top: mm(MARGIN.top),
							bottom: mm(MARGIN.bottom)
						}
					}
				},
				footers: {
					default: new Footer({
						children: [
							new Paragraph({
								alignment: AlignmentType.CENTER,
								children: [new TextRun({ children: [PageNumber.CURRENT], size: FOOTER_SIZE })]
							})
						]
					}),
					first: new Footer({ children: [new Paragraph({})] })
				},
				children: [...body, ...signatures].map((para) => new Paragraph(para))
			}
		]
	});
	return Packer.toBuffer(doc);
}

import { AlignmentType, Document, Packer, Paragraph, Tab, TabStopType, TextRun } from 'docx';

export interface MinutesLabels {
	/** Already resolved by the caller, e.g. "Протокол № 3". */
	title: string;
	/** e.g. "«Функционалдык сабаттуулук» чыгармачыл тобунун жыйыны" */
	groupLine: string;
	date: string;
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
	voteWording: string;
	voteOutcome: string;
	voteTally: string;
	voteQuorum: string;
}

/** A decision taken by vote and linked to this meeting, its lines already in words. */
export interface MinutesVote {
	/** The decision's number in the group's log. */
	number: number;
	question: string;
	/** The leader's wording; empty while it waits to be written. */
	wording: string;
	/** e.g. "Кабыл алынды" */
	outcome: string;
	/** e.g. "Ооба 7 · Жок 2 · Калыс калгандар 1" */
	tally: string;
	/** e.g. "Кворум бар (50%) · 10 кишиден 8и добуш берди" */
	quorum: string;
}

export interface MinutesData {
	/** Sets the document language (w:lang) so Word spell-checks in it. */
	language: 'ky' | 'ru' | 'en';
	schoolName: string;
	city: string;
	/** Already formatted by the caller, e.g. "2026-ж., 25-ноябрь". */
	date: string;
	time: string | null;
	place: string | null;
	onlineLink: string | null;
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

/** Millimetres to the nearest twip (1/1440 inch); docx's own converter rounds down, making A4 a twip short. */
const mm = (millimeters: number) => Math.round((millimeters * 1440) / 25.4);

// A4 with the margins of official paperwork: 30 mm left (for binding), 15 mm right, 20 mm top and bottom.
const PAGE = { width: 210, height: 297 };
const MARGIN = { left: 30, right: 15, top: 20, bottom: 20 };
const TEXT_WIDTH = mm(PAGE.width - MARGIN.left - MARGIN.right);

// Signature block columns: label, then the line to sign on, then the name.
const SIGN_LINE = '____________';
const SIGN_LINE_AT = mm(35);
const SIGN_CAPTION_AT = mm(50);
const SIGN_NAME_AT = mm(70);

/** Splits free text into lines, one paragraph each; surrounding blank lines are dropped. */
function lines(text: string): string[] {
	const trimmed = text.replace(/^(\s*\n)+/, '').trimEnd();
	return trimmed ? trimmed.split('\n').map((line) => line.replace(/\r$/, '')) : [];
}

function centered(
	text: string,
	options: { bold?: boolean; spaceBefore?: boolean } = {}
): Paragraph {
	return new Paragraph({
		alignment: AlignmentType.CENTER,
		spacing: options.spaceBefore ? { before: 240 } : undefined,
		children: [new TextRun({ text, bold: options.bold })]
	});
}

/** A bold line that introduces what follows; kept on the same page as it. */
function heading(text: string, spaceBefore = false): Paragraph {
	return new Paragraph({
		keepNext: true,
		spacing: spaceBefore ? { before: 240 } : undefined,
		children: [new TextRun({ text, bold: true })]
	});
}

function textParagraphs(text: string): Paragraph[] {
	return lines(text).map(
		(line) => new Paragraph({ alignment: AlignmentType.JUSTIFIED, text: line })
	);
}

/** "Label: value", further lines of the value as paragraphs of their own; nothing without a value. */
function labelled(label: string, value: string | null): Paragraph[] {
	const [first, ...rest] = lines(value ?? '');
	if (first === undefined) return [];
	return [
		new Paragraph({
			children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(first)]
		}),
		...rest.map((line) => new Paragraph(line))
	];
}

/** "Label: N" and the names after it, comma-separated; nothing when the list is empty and optional. */
function people(label: string, names: string[], always = false): Paragraph[] {
	if (names.length === 0 && !always) return [];
	const count = heading(`${label}: ${names.length}`);
	return names.length === 0
		? [count]
		: [count, new Paragraph({ alignment: AlignmentType.JUSTIFIED, text: names.join(', ') })];
}

/** A heading with its text; `always` keeps the heading even with no text (HEARD and DECIDED). */
function section(label: string, text: string, always = false): Paragraph[] {
	const body = textParagraphs(text);
	return body.length === 0 && !always ? [] : [heading(`${label}:`), ...body];
}

function signature(label: string, name: string | null, caption: string): Paragraph[] {
	return [
		new Paragraph({
			spacing: { before: 360 },
			tabStops: [
				{ type: TabStopType.LEFT, position: SIGN_LINE_AT },
				{ type: TabStopType.LEFT, position: SIGN_NAME_AT }
			],
			children: [
				new TextRun({ text: `${label}:`, bold: true }),
				new TextRun({ children: [new Tab(), SIGN_LINE, ...(name ? [new Tab(), name] : [])] })
			]
		}),
		// The word "signature" sits under the middle of the line, as on printed forms.
		new Paragraph({
			tabStops: [{ type: TabStopType.CENTER, position: SIGN_CAPTION_AT }],
			children: [new TextRun({ children: [new Tab(), `(${caption})`], size: CAPTION_SIZE })]
		})
	];
}

/** "Decisions by vote": each decision's number and question, wording, outcome, tally and quorum. */
function voteSections(votes: MinutesVote[], labels: MinutesLabels): Paragraph[] {
	if (votes.length === 0) return [];
	return [
		heading(`${labels.votes}:`, true),
		...votes.flatMap((vote) => [
			heading(`${labels.voteTitle(vote.number)}. ${vote.question}`, true),
			...labelled(labels.voteWording, vote.wording),
			...labelled(labels.voteOutcome, vote.outcome),
			...labelled(labels.voteTally, vote.tally),
			...labelled(labels.voteQuorum, vote.quorum)
		])
	];
}

/** Renders a meeting's minutes as a DOCX in the layout of Kyrgyz school paperwork. */
export function minutesDocx(data: MinutesData, labels: MinutesLabels): Promise<Buffer> {
	const when = data.time ? `${data.date}, ${data.time}` : data.date;

	const agendaList = data.agenda.map((item, i) => {
		const speaker = item.speaker ? ` (${labels.speaker}: ${item.speaker})` : '';
		return new Paragraph({
			alignment: AlignmentType.JUSTIFIED,
			text: `${i + 1}. ${item.title}${speaker}`
		});
	});

	const itemSections = data.agenda.flatMap((item, i) => [
		heading(`${i + 1}. ${item.title}`, true),
		...section(labels.heard, item.heard, true),
		...section(labels.spoke, item.spoke),
		...section(labels.decided, item.decided, true)
	]);

	const children = [
		centered(data.schoolName, { bold: true }),
		centered(labels.title, { bold: true, spaceBefore: true }),
		centered(labels.groupLine),
		// City on the left, date on the right, as on official letterheads.
		new Paragraph({
			spacing: { before: 240, after: 240 },
			tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH }],
			children: [new TextRun({ children: [data.city, new Tab(), when] })]
		}),
		...labelled(labels.place, data.place),
		...labelled(labels.online, data.onlineLink),
		...labelled(labels.chair, data.chair),
		...labelled(labels.secretary, data.secretary),
		...people(labels.present, data.present, true),
		...people(labels.absent, data.absent),
		...people(labels.excused, data.excused),
		...labelled(labels.invited, data.invited),
		...(agendaList.length > 0 ? [heading(`${labels.agenda}:`, true), ...agendaList] : []),
		...itemSections,
		...voteSections(data.votes ?? [], labels),
		...section(labels.notes, data.notes),
		...section(labels.decisions, data.decisions),
		...signature(labels.chair, data.chair, labels.signature),
		...signature(labels.secretary, data.secretary, labels.signature)
	];

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
				children
			}
		]
	});
	return Packer.toBuffer(doc);
}

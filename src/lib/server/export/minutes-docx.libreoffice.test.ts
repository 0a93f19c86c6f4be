import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor';
import { asId, type MaterialId, type MeetingId } from '../domain/ids';
import { materialFile } from '../domain/material-documents/material-file';
import { createMaterial } from '../domain/materials/create-material';
import { offerMaterial } from '../domain/materials/offer-material';
import { createMeeting } from '../domain/meetings/create-meeting';
import type { AgendaItemInput } from '../domain/meetings/input';
import { updateMeeting } from '../domain/meetings/update-meeting';
import { castBallot } from '../domain/votes/cast-ballot';
import { closeVote } from '../domain/votes/close-vote';
import { openVote } from '../domain/votes/open-vote';
import { actorOf, makeUser } from '../test/factories';
import { join, makeGroupWorld, type GroupWorld } from '../test/groups';
import {
	docxToPdf,
	libreOfficeAvailable,
	pdfToPngs,
	readPdf,
	visibleHeightPt,
	type PdfReading
} from '../test/libreoffice';
import { ctxWithStore, materialInput, tempStore } from '../test/materials';
import { testSeal } from '../test/votes';
import { useTestDatabase } from '../test/vitest';
import { minutesDocument } from '../web/minutes-document';

// The minutes and a material's DOCX as people see them: converted to PDF by LibreOffice and
// read back with poppler (issue 18). Set USTAT_PNG_DIR to keep the pages as PNG to look at.

const t = useTestDatabase();
const { store } = tempStore();
const seal = testSeal();
let w: GroupWorld;
let teachers: Actor[];
const as = (actor: Actor) => ctxWithStore(t.db, actor, store);

/** Whitespace as one space (pdftotext breaks lines where the page does). */
const squeeze = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();

/** Lines of the meeting's decisions before the last: enough to bring the signatures to a page's foot. */
const LONG_FILLER_LINES = 6;

const SIGN_LINE = '____________';
const SCHOOL = 'Каракол шаарындагы К. Тыныстанов атындагы №5 орто мектеби';

beforeAll(async () => {
	w = await makeGroupWorld(t.db);
	await t.db
		.updateTable('schools')
		.set({ name: SCHOOL, city: 'Каракол ш.' })
		.where('id', '=', w.schoolId)
		.execute();
	teachers = [];
	// Names as the other members' are kept (given name first): one style in the minutes.
	for (const fullName of ['Үмүт Сарыбаева', 'Азамат Теңирбеков', 'Гүлнара Жумабаева'])
		teachers.push(actorOf(await makeUser(t.db, { schoolId: w.schoolId, fullName })));
	for (const teacher of teachers) await join(t.db, w.leader, w.groupId, teacher);
});

const item = (title: string, over: Partial<AgendaItemInput> = {}): AgendaItemInput => ({
	title,
	speaker: '',
	heard: '',
	spoke: '',
	decided: '',
	...over
});

/** A meeting held on 23 September 2026 with its minutes kept, and a decision by vote linked. */
async function heldMeeting(agenda: AgendaItemInput[], decisions: string): Promise<MeetingId> {
	const details = {
		groupId: w.groupId,
		heldOn: '2026-09-23',
		startTime: '14:00',
		place: 'Мугалимдер бөлмөсү, 12-кабинет',
		chairId: w.leader.id,
		secretaryId: w.member.id,
		invited: 'Райондук билим берүү бөлүмүнүн методисти А. К. Асанова'
	};
	const { meetingId } = await createMeeting(as(w.leader), details);
	const id = asId<MeetingId>(meetingId);
	await updateMeeting(as(w.leader), {
		...details,
		meetingId: id,
		agenda,
		attendance: {
			[w.leader.id]: 'present',
			[w.member.id]: 'present',
			[teachers[0]!.id]: 'present',
			[teachers[1]!.id]: 'present',
			[teachers[2]!.id]: 'absent',
			[w.scientist.id]: 'excused'
		},
		notes: '',
		decisions
	});
	const { voteId } = await openVote(as(w.leader), {
		groupId: w.groupId,
		question: 'Ачык сабактардын графигин бекитебизби?',
		kind: 'yes_no',
		quorumPercent: 50
	});
	const options = await t.db
		.selectFrom('voteOptions')
		.select(['id', 'code'])
		.where('voteId', '=', voteId)
		.execute();
	const option = (code: string) => [asId<never>(options.find((o) => o.code === code)!.id)];
	for (const voter of [w.leader, w.member, teachers[0]!])
		await castBallot(as(voter), { groupId: w.groupId, voteId, choices: option('yes'), seal });
	await castBallot(as(teachers[1]!), { groupId: w.groupId, voteId, choices: option('no'), seal });
	await closeVote(as(w.leader), {
		groupId: w.groupId,
		voteId,
		text: 'Ачык сабактардын графиги бекитилсин.',
		meetingId: id,
		seal
	});
	return id;
}

const threeItems = [
	item('Окуучулардын функционалдык сабаттуулугун баалоо жөнүндө', {
		speaker: 'А. Өмүрбекова',
		heard:
			'А. Өмүрбекова PISA тапшырмаларынын жыйынтыгын айтып берди: окуучулардын 60% тапшырманы толук аткарды.',
		spoke: 'Сарыбаева Ү. А. тапшырмаларды класстар боюнча бөлүүнү сунуштады.',
		decided: 'Маалымат эске алынсын.'
	}),
	item('Ачык сабактардын графиги жөнүндө', {
		speaker: 'Н. Үсөнов',
		heard: 'Н. Үсөнов графиктин долбоорун сунуштады.',
		decided: 'График добушка коюлсун.'
	}),
	item('Методикалык жыйындыга материалдарды даярдоо жөнүндө', {
		heard: 'Жетекчи жыйындынын түзүлүшүн түшүндүрдү.',
		decided: 'Ар бир мүчө бирден материал даярдасын.'
	})
];
const lastDecision = 'Кийинки отурум октябрдын акыркы жумасында өтсүн.';

async function minutesPdf(
	meetingId: MeetingId,
	locale: 'ky' | 'ru',
	name: string,
	change: (docx: Uint8Array) => Uint8Array = (docx) => docx
) {
	const { docx } = await minutesDocument(as(w.member), { groupId: w.groupId, meetingId }, locale);
	const pdf = await docxToPdf(change(docx), name);
	if (process.env.USTAT_PNG_DIR)
		await pdfToPngs(pdf, path.join(process.env.USTAT_PNG_DIR, name), 80);
	return readPdf(pdf);
}

/** The DOCX without "keep with next" and "keep lines together". */
function withoutKeeps(docx: Uint8Array): Uint8Array {
	const files = unzipSync(docx);
	files['word/document.xml'] = strToU8(
		strFromU8(files['word/document.xml']!).replace(/<w:keep(?:Next|Lines)\/>/g, '')
	);
	return zipSync(files);
}

/** Page numbers: none on the first page, the number alone on a line on each later one. */
function expectPageNumbers(reading: PdfReading) {
	const numberLines = reading.pageTexts.map((text) =>
		text
			.split('\n')
			.map((line) => line.trim())
			.filter((line) => /^\d+$/.test(line))
	);
	expect(numberLines[0]).not.toContain('1');
	for (let page = 2; page <= reading.pages; page++)
		expect(numberLines[page - 1]).toContain(String(page));
}

/** The page with the lines to sign on also holds the last decision; both sign on it. */
function expectSignaturesWithLastDecision(reading: PdfReading, decision: string): number {
	const pages = reading.pageTexts.flatMap((text, i) => (text.includes(SIGN_LINE) ? [i] : []));
	expect(pages).toHaveLength(1);
	const text = squeeze(reading.pageTexts[pages[0]!]!);
	expect(text).toContain(decision);
	expect(text.split(SIGN_LINE)).toHaveLength(3);
	return pages[0]!;
}

/** No line says "label: value: value" (a label on a value that has its own). */
function expectNoDoubleColon(reading: PdfReading) {
	for (const line of reading.text.split('\n')) expect(line).not.toMatch(/: .*: /u);
}

const PICTURE_COLOUR = { r: 40, g: 120, b: 200 };

/** The DOCX with every proportional line spacing made exact, as the clipping bug had it. */
function exactLines(docx: Uint8Array): Uint8Array {
	const files = unzipSync(docx);
	for (const name of ['word/styles.xml', 'word/document.xml']) {
		const xml = strFromU8(files[name]!).replace(
			/<w:spacing ([^>]*?)w:line="(\d+)"(?: w:lineRule="auto")?/g,
			'<w:spacing $1w:line="$2" w:lineRule="exact"'
		);
		files[name] = strToU8(xml);
	}
	return zipSync(files);
}

describe.skipIf(!(await libreOfficeAvailable()))('documents opened in LibreOffice', () => {
	it('the minutes in Kyrgyz: heading, date, vote, on one page with the signatures', async () => {
		const meetingId = await heldMeeting(threeItems, lastDecision);
		const reading = await minutesPdf(meetingId, 'ky', 'minutes-ky');
		const first = squeeze(reading.pageTexts[0]!);
		expect(first.startsWith(SCHOOL)).toBe(true);
		expect(first).toContain(
			'«Функционалдык сабаттуулук» чыгармачыл тобунун отурумунун №1 ПРОТОКОЛУ'
		);
		expect(first).toContain('Каракол ш. 2026-жылдын 23-сентябры');
		expect(first).not.toMatch(/мектеби мектеби|жыйын\b/u);
		const text = squeeze(reading.text);
		expect(text).toContain('Добуш берүүнүн жыйынтыгы: «макул» — 3, «каршы» — 1, «калыс» — 0.');
		expect(text).toContain('Чечим кабыл алынды.');
		expect(text).toContain('Катышкандар (4):');
		expect(text).toContain(`Катышпагандар (1): ${teachers[2]!.fullName}`);
		expectNoDoubleColon(reading);
		expect(reading.pages).toBe(2);
		expectPageNumbers(reading);
		expectSignaturesWithLastDecision(reading, lastDecision);
	});

	it('the minutes in Russian: «ПРОТОКОЛ №…», the date with «г.», «Голосовали: «за» — 3 …»', async () => {
		const meetingId = await heldMeeting(threeItems, lastDecision);
		const reading = await minutesPdf(meetingId, 'ru', 'minutes-ru');
		const first = squeeze(reading.pageTexts[0]!);
		expect(first).toMatch(/ПРОТОКОЛ №\d+ заседания творческой группы «Функционалдык сабаттуулук»/u);
		expect(first).toContain('23 сентября 2026 г.');
		const text = squeeze(reading.text);
		expect(text).toContain('Голосовали: «за» — 3, «против» — 1, «воздержались» — 0.');
		expect(text).toContain('Решение принято.');
		expect(text).toContain('СЛУШАЛИ:');
		expectNoDoubleColon(reading);
		expect(reading.pages).toBe(2);
		expectPageNumbers(reading);
		expectSignaturesWithLastDecision(reading, lastDecision);
	});

	it('long minutes: the signatures go over to the next page with the last decision', async () => {
		const agenda = Array.from({ length: 12 }, (_, i) =>
			item(`${i + 1}-чейректин иш планын аткаруу жөнүндө`, {
				speaker: 'А. Өмүрбекова',
				heard: `А. Өмүрбекова ${i + 1}-маселе боюнча маалымат берди. Мугалимдер сабактарда жаңы ыкмаларды колдонуп, окуучулардын ишмердүүлүгүн жогорулатышты.`,
				decided: `${i + 1}-маселе боюнча маалымат эске алынсын.`
			})
		);
		const decisions = [
			...Array.from(
				{ length: LONG_FILLER_LINES },
				(_, i) => `${i + 1}. Мугалимдер ${i + 1}-тапшырманы өз убагында аткарсын.`
			),
			lastDecision
		].join('\n');
		const meetingId = await heldMeeting(agenda, decisions);
		const reading = await minutesPdf(meetingId, 'ky', 'minutes-long');
		expect(reading.pages).toBe(4);
		expectPageNumbers(reading);
		const page = expectSignaturesWithLastDecision(reading, lastDecision);
		expect(page).toBe(3);
		// The break mattered: page 3 had room for the meeting's decisions (a third of it is
		// blank), yet they went over with the signatures rather than leave them alone on page 4.
		expect(squeeze(reading.pageTexts[3]!)).toContain('Отурумдун чечимдери: 1. Мугалимдер');
		expect(squeeze(reading.pageTexts[2]!)).toMatch(/Чечим кабыл алынды\. 3$/u);

		// Without keeping them together the secretary would sign on a page of its own.
		const loose = await minutesPdf(meetingId, 'ky', 'minutes-loose', withoutKeeps);
		const signed = loose.pageTexts.map((text) => text.split(SIGN_LINE).length - 1);
		const last = squeeze(loose.pageTexts.at(-1)!);
		expect(signed.at(-1)).toBeGreaterThan(0);
		expect(last).not.toContain(lastDecision);
	});

	it('a material’s DOCX: every picture is drawn at its size, not clipped to one line', async () => {
		const picture = await sharp({
			create: { width: 480, height: 320, channels: 3, background: PICTURE_COLOUR }
		})
			.png()
			.toBuffer();
		const { materialId } = await createMaterial(as(w.member), {
			groupId: w.groupId,
			...materialInput({
				title: 'Ысык-Көл — ажайып көл',
				body: `<p>Көлдүн сүрөтү:</p><img src="data:image/png;base64,${picture.toString('base64')}" alt="Ысык-Көл"><p>Сүрөттөн кийинки текст.</p>`
			})
		});
		await offerMaterial(as(w.member), { groupId: w.groupId, materialId });
		const file = await materialFile(
			{ db: t.db, store },
			{ materialId: asId<MaterialId>(materialId), versionNumber: 1, format: 'docx' }
		);
		const chunks: Buffer[] = [];
		for await (const chunk of await store.read(file.key)) chunks.push(chunk as Buffer);
		const docx = new Uint8Array(Buffer.concat(chunks));
		const pdf = await docxToPdf(docx, 'material');
		if (process.env.USTAT_PNG_DIR)
			await pdfToPngs(pdf, path.join(process.env.USTAT_PNG_DIR, 'material'), 80);
		const reading = await readPdf(pdf);
		expect(squeeze(reading.text)).toContain('Сүрөттөн кийинки текст.');
		expect(reading.images).toHaveLength(1);
		const placed = reading.images[0]!.heightPt;
		expect(placed).toBeGreaterThan(14);
		// The PDF keeps the whole picture under a clipping path, so its placed size says nothing
		// of a clip: what shows on the page is measured instead.
		expect(await visibleHeightPt(pdf, PICTURE_COLOUR)).toBeGreaterThan(placed * 0.9);

		// The measure sees a clip: the same document with exact line heights (what LibreOffice
		// made of a default line spacing without lineRule="auto") shows only a band of it.
		const clipped = await docxToPdf(exactLines(docx), 'material-clipped');
		expect((await readPdf(clipped)).images[0]!.heightPt).toBeCloseTo(placed, 0);
		expect(await visibleHeightPt(clipped, PICTURE_COLOUR)).toBeLessThan(placed / 3);
	});
});

// A collection's edition checked with the renderers people open it in (issue 18): made on the
// real database as a group makes it (accepted materials with pictures, a title page with its
// approval fields and compilers' posts), compiled by the job, then the DOCX converted by
// LibreOffice and both PDFs read back with poppler. PNGs of the pages are kept under
// $USTAT_PNG_DIR when it is set, for a person to look at.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { addItem } from '../../domain/collections/add-item';
import { addSection } from '../../domain/collections/add-section';
import { compileCollection } from '../../domain/collections/compile-collection';
import { createCollection } from '../../domain/collections/create-collection';
import { editionFile } from '../../domain/collections/edition-file';
import type { CreateCollectionInput } from '../../domain/collections/input';
import { asId, type GroupId, type MaterialId } from '../../domain/ids';
import { decideMaterial } from '../../domain/materials/decide-material';
import { runJobsUntilIdle } from '../../jobs/runner';
import { ctxOf } from '../../test/context';
import { actorOf, makeUser } from '../../test/factories';
import { join, makeGroupWorld } from '../../test/groups';
import {
	docxToPdf,
	libreOfficeAvailable,
	pdfToPngs,
	readPdf,
	type PdfReading
} from '../../test/libreoffice';
import { offeredMaterial, tempStore } from '../../test/materials';
import { useTestDatabase } from '../../test/vitest';

const run = promisify(execFile);
const t = useTestDatabase();
const { store } = tempStore();
const available = await libreOfficeAvailable();

/** The pictures' colour: found again on the rendered pages, so their drawn height is measured. */
const BLUE = { r: 70, g: 130, b: 180 };

/** A PNG of a flat colour with a border. */
async function png(width: number, height: number): Promise<string> {
	const bytes = await sharp({ create: { width, height, channels: 3, background: BLUE } })
		.extend({ top: 4, bottom: 4, left: 4, right: 4, background: '#000000' })
		.png()
		.toBuffer();
	return `data:image/png;base64,${bytes.toString('base64')}`;
}

const PARAGRAPH =
	'Сабактын максаты — окуучулардын функционалдык сабаттуулугун өнүктүрүү жана алган билимин турмушта колдонууга үйрөтүү. Мугалим окуучуларды төрт топко бөлүп, ар бир топко өзүнчө тапшырма берет.';
const nb = (text: string) => text.replace(/ /g, '\u00a0');
/** pdftotext's words: no-break spaces and line ends read as plain spaces. */
const words = (text: string) => text.replace(/[\s\u00a0]+/g, ' ');

/**
 * The height (pt) of each run of rows of a page drawn with the pictures' colour: what a reader
 * sees of them. pdfimages gives the size a picture is placed at, which a clip (the
 * fixed-height line of issue 18) does not change; the pixels do.
 */
async function drawnHeights(pdf: Uint8Array, page: number): Promise<number[]> {
	const dpi = 36;
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ustat-drawn-'));
	try {
		const file = path.join(dir, 'doc.pdf');
		await fs.writeFile(file, pdf);
		const base = path.join(dir, 'page');
		const p = String(page);
		await run('pdftoppm', ['-png', '-r', String(dpi), '-f', p, '-l', p, '-singlefile', file, base]);
		const { data, info } = await sharp(`${base}.png`)
			.removeAlpha()
			.raw()
			.toBuffer({ resolveWithObject: true });
		const near = (a: number, b: number) => Math.abs(a - b) < 24;
		const rows: boolean[] = [];
		for (let y = 0; y < info.height; y++) {
			let count = 0;
			for (let x = 0; x < info.width; x++) {
				const i = (y * info.width + x) * info.channels;
				if (near(data[i]!, BLUE.r) && near(data[i + 1]!, BLUE.g) && near(data[i + 2]!, BLUE.b))
					count++;
			}
			rows.push(count >= 4);
		}
		const heights: number[] = [];
		let length = 0;
		for (const blue of [...rows, false]) {
			if (blue) length++;
			else if (length > 0) {
				heights.push((length / dpi) * 72);
				length = 0;
			}
		}
		return heights;
	} finally {
		await fs.rm(dir, { recursive: true, force: true });
	}
}

let docxBytes: Uint8Array;
let docxPdf: PdfReading;
let typstPdf: PdfReading;
let titles: string[];
let pictureCount = 0;

beforeAll(async () => {
	if (!available) return;
	const w = await makeGroupWorld(t.db);
	const as = (actor: Actor) => ({ ...ctxOf(t.db, actor), store });
	const teacher = async (fullName: string) => {
		const user = actorOf(await makeUser(t.db, { schoolId: w.schoolId, role: 'teacher', fullName }));
		await join(t.db, w.leader, asId<GroupId>(w.groupId), user);
		return user;
	};
	// Surnames that test the Kyrgyz order: Н < Ң, О < Ө, У < Ү.
	const orozova = await teacher('Сезим Орозова');
	const ulanova = await teacher('Уланова Бермет Асановна');
	const nurbekova = await teacher('Нурбекова Айпери');
	const pictures = [await png(600, 900), await png(900, 300), await png(160, 90)];
	const authors = [w.leader, w.member, orozova, ulanova, nurbekova, w.member];
	const materials: MaterialId[] = [];
	titles = [];
	for (const [i, author] of authors.entries()) {
		const title = `Сабактын планы №${i + 1}: окуу сабаттуулугу`;
		const picture = pictures[i % pictures.length]!;
		pictureCount++;
		const body = [
			`<h2>Сабактын максаты</h2><p>${PARAGRAPH}</p>`,
			`<p><img src="${picture}" alt="Сүрөт ${i + 1}"></p>`,
			`<ul><li>${PARAGRAPH}</li><li>Үй тапшырмасы.</li></ul>`,
			`<p>${PARAGRAPH} ${PARAGRAPH}</p>`
		].join('');
		const materialId = await offeredMaterial(t.db, store, author, w.groupId, {
			title,
			body,
			...(i === 0 ? { coauthors: [w.member.id] } : {})
		});
		await decideMaterial(as(w.leader), {
			groupId: w.groupId,
			materialId,
			to: 'accepted',
			version: 1,
			reason: 'Жыйындыга татыктуу.'
		});
		materials.push(asId<MaterialId>(materialId));
		titles.push(title);
	}
	const form: CreateCollectionInput = {
		groupId: w.groupId,
		title: 'Функционалдык сабаттуулук: тажрыйбадан',
		subtitle: 'Методикалык жыйынды',
		year: 2026,
		language: 'ky',
		city: 'Бишкек',
		approvalNote: '',
		approvalBody: 'methodical_council',
		approvalProtocol: '2',
		approvalDate: '2026-09-23',
		itemsFlow: 'flow',
		editorPosts: {
			[w.leader.id]: 'башталгыч класстардын мугалими',
			[orozova.id]: 'математика мугалими'
		},
		preface: 'Бул жыйындыга топтун мүчөлөрүнүн сыналган иштери кирди.',
		reviewers: ['Асанова Б. Т., педагогика илимдеринин кандидаты'],
		editors: [orozova.id]
	};
	const { collectionId } = await createCollection(as(w.leader), form);
	const ids = { groupId: w.groupId, collectionId };
	const sections = [
		(await addSection(as(w.leader), { ...ids, title: 'Башталгыч класстар', intro: '' })).sectionId,
		(await addSection(as(w.leader), { ...ids, title: 'Орто звено', intro: '' })).sectionId
	];
	for (const [i, materialId] of materials.entries())
		await addItem(as(w.leader), { ...ids, sectionId: sections[i < 3 ? 0 : 1]!, materialId });
	await compileCollection(as(w.leader), ids);
	expect(await runJobsUntilIdle(t.db, store)).toBe(1);
	const read = async (format: 'docx' | 'pdf') => {
		const file = await editionFile(as(w.leader), { ...ids, number: 1, format });
		const chunks: Buffer[] = [];
		for await (const chunk of await store.read(file.key)) chunks.push(chunk as Buffer);
		return new Uint8Array(Buffer.concat(chunks));
	};
	const docx = await read('docx');
	const pdf = await read('pdf');
	const converted = await docxToPdf(docx, 'collection');
	docxBytes = converted;
	[docxPdf, typstPdf] = await Promise.all([readPdf(converted), readPdf(pdf)]);
	const pngs = process.env.USTAT_PNG_DIR;
	if (pngs) {
		await pdfToPngs(converted, path.join(pngs, 'docx'), 50);
		await pdfToPngs(pdf, path.join(pngs, 'pdf'), 50);
	}
}, 600_000);

describe.skipIf(!available)('a collection edition, as LibreOffice and poppler show it', () => {
	it('the DOCX: every picture whole, the contents written, no «1-басылыш»', () => {
		expect(docxPdf.pages).toBeGreaterThanOrEqual(6);
		expect(docxPdf.pages).toBeLessThan(20);
		// Each body picture is placed at its size, not clipped to a line (the missing lineRule).
		expect(docxPdf.images.length).toBeGreaterThanOrEqual(pictureCount);
		for (const image of docxPdf.images) expect(image.heightPt).toBeGreaterThan(14);
		// The contents list the materials before Word updates the field.
		const contents = words(docxPdf.pageTexts.find((page) => page.includes('Мазмуну')) ?? '');
		for (const [i, title] of titles.entries()) expect(contents).toContain(`${i + 1}. ${title}`);
		expect(docxPdf.text).not.toContain('1-басылыш');
	});

	it('the DOCX: every picture is drawn whole, not clipped to a line', async () => {
		const pages = [...new Set(docxPdf.images.map((image) => image.page))];
		const drawn = (await Promise.all(pages.map((page) => drawnHeights(docxBytes, page)))).flat();
		expect(drawn.length).toBeGreaterThanOrEqual(pictureCount);
		// The smallest picture (160×90 px) is drawn ~68 pt high; a clipped one a line (~14 pt).
		for (const height of drawn) expect(height).toBeGreaterThan(30);
	}, 120_000);

	it('the DOCX: compilers with posts, the approval note, the index by surname', () => {
		const text = words(docxPdf.text);
		expect(text).toContain(words(nb('Түзгөндөр: Өмүрбекова А., башталгыч класстардын мугалими')));
		expect(text).toContain(words(nb('Орозова С., математика мугалими')));
		expect(text).toContain('Рецензент: Асанова Б. Т.');
		expect(text).toContain(
			'мектептин методикалык кеңешинин 2026-жылдын 23-сентябрындагы №2 протоколу менен басмага сунушталды.'
		);
		expect(text).toContain('Сандар — материалдардын мазмундагы номерлери.');
		const index = words(docxPdf.text.slice(docxPdf.text.lastIndexOf('Авторлордун көрсөткүчү')));
		const order = ['Нурбекова А.', 'Орозова С.', 'Өмүрбекова А.', 'Уланова Б. А.', 'Үсөнов Н.'];
		const at = order.map((name) => index.indexOf(name));
		expect(at.every((position) => position >= 0)).toBe(true);
		expect([...at].sort((a, b) => a - b)).toEqual(at);
	});

	it('the PDF: no word joiners, the approval note, the index with pages', () => {
		expect(typstPdf.text).not.toContain('\u2060');
		expect(typstPdf.text).not.toContain('1-басылыш');
		const text = words(typstPdf.text);
		expect(text).toContain(
			'мектептин методикалык кеңешинин 2026-жылдын 23-сентябрындагы №2 протоколу менен басмага сунушталды.'
		);
		expect(text).toContain('Сандар — беттердин номерлери.');
		// Materials follow on (the setting): fewer pages than materials on their own pages.
		expect(typstPdf.pages).toBeLessThan(3 + 2 * titles.length);
		const index = words(typstPdf.text.slice(typstPdf.text.lastIndexOf('Авторлордун көрсөткүчү')));
		const order = ['Нурбекова А.', 'Орозова С.', 'Өмүрбекова А.', 'Уланова Б. А.', 'Үсөнов Н.'];
		const at = order.map((name) => index.indexOf(name));
		expect(at.every((position) => position >= 0)).toBe(true);
		expect([...at].sort((a, b) => a - b)).toEqual(at);
		// Each entry ends with the pages its materials start on (the contents' numbering).
		const entries = typstPdf.text
			.slice(typstPdf.text.lastIndexOf('Авторлордун көрсөткүчү'))
			.split('\n')
			.map((line) => /\.\s+(\d+(?:, \d+)*)$/.exec(line)?.[1])
			.filter((numbers) => numbers !== undefined);
		expect(entries).toHaveLength(order.length);
		const pages = entries.flatMap((numbers) => numbers.split(', ').map(Number));
		expect(entries.at(-1)!.split(', ').length).toBe(3);
		for (const page of pages) expect(page).toBeGreaterThan(3);
		for (const page of pages) expect(page).toBeLessThanOrEqual(typstPdf.pages);
	});
});

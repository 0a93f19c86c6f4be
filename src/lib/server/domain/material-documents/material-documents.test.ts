import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildWorkers } from '../../../../../scripts/build-workers.js';
import type { Actor } from '../../access/actor';
import { buildMaterialDocx } from '../../export/collection/docx';
import type { MaterialDocument } from '../../export/collection/model';
import {
	missingInOrder,
	readDocx,
	readPdf,
	squeeze,
	wordText
} from '../../export/collection/testing';
import { buildMaterialPdf } from '../../export/collection/typst';
import { TINY_PNG } from '../../test/docx-fixtures';
import { appError } from '../../test/expect-error';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import {
	ctxWithStore,
	materialInput,
	offeredMaterial,
	receivedFile,
	tempStore,
	tinyPdf
} from '../../test/materials';
import { useTestDatabase } from '../../test/vitest';
import { asId, type MaterialId, type SubjectId } from '../ids';
import { attachFiles } from '../materials/attach-files';
import { createMaterial } from '../materials/create-material';
import { decideMaterial } from '../materials/decide-material';
import { offerMaterial } from '../materials/offer-material';
import { updateMaterial } from '../materials/update-material';
import { getMaterialFile } from './get-material-file';
import { getMaterialPrint } from './get-material-print';
import { materialFile, MATERIAL_RENDERER, renderCount } from './material-file';
import { materialDocumentModel, toMaterialDocument } from './model';
import { renderMaterialDocument } from './render';

const details: MaterialDocument = {
	title: 'Ысык-Көл — ажайып көл',
	authors: ['Жылдыз Токтогулова', 'Айгүл Өмүрбекова'],
	language: 'ky',
	bodyHtml: '<h2>Сабактын максаты</h2><p>Окуучулар өз оюн айтышат.</p>',
	details: [
		{ label: 'Түрү', value: 'Сабактын планы' },
		{ label: 'Предметтери', value: 'Кыргыз тили, Адабий окуу' },
		{ label: 'Класстар', value: '3–4' },
		{ label: 'Мектеп', value: 'Ош шаарындагы №5 мектеп' },
		{ label: 'Чыгармачыл топ', value: 'Функционалдык сабаттуулук' },
		{ label: 'Версиясы', value: '2' }
	],
	abstract: { heading: 'Кыскача мазмуну', paragraphs: ['Оюн аркылуу окуу.'] },
	attachments: {
		heading: 'Тиркелген файлдар',
		files: ['Сабактын планы.docx — DOCX, 24 КБ', 'Үлгү.pdf — PDF, 1 КБ']
	}
};
const inOrder = [
	details.title,
	details.authors.join(', '),
	'Түрү: Сабактын планы',
	'Предметтери: Кыргыз тили, Адабий окуу',
	'Класстар: 3–4',
	'Мектеп: Ош шаарындагы №5 мектеп',
	'Чыгармачыл топ: Функционалдык сабаттуулук',
	'Версиясы: 2',
	'Кыскача мазмуну',
	'Оюн аркылуу окуу.',
	'Сабактын максаты',
	'Окуучулар өз оюн айтышат.',
	'Тиркелген файлдар',
	'Сабактын планы.docx — DOCX, 24 КБ',
	'Үлгү.pdf — PDF, 1 КБ'
];

describe('the material renderers with a title block and attachments', () => {
	it('DOCX: the details as "label: value" lines, the attachments as a list after the body', async () => {
		const docx = readDocx(await buildMaterialDocx(details));
		expect(missingInOrder(docx.text, inOrder)).toBeNull();
		const xml = docx.xml('word/document.xml');
		const paragraphs = xml.split('</w:p>');
		const bulleted = paragraphs
			.filter((p) => p.includes('<w:numPr>'))
			.map((p) => wordText(p).trim());
		expect(bulleted).toEqual(details.attachments!.files);
		const label = paragraphs.find((p) => wordText(p).startsWith('Түрү: '))!;
		expect(label).toContain('<w:b/>');
	});

	it('PDF: the same, in order, with the Kyrgyz letters as text', async () => {
		const result = buildMaterialPdf(details);
		const pdf = await readPdf(result.pdf);
		expect(pdf.pages).toBe(1);
		expect(missingInOrder(squeeze(pdf.text), inOrder)).toBeNull();
	});

	it('without details (the demo’s files) nothing is added', async () => {
		const plain = { ...details, details: undefined, abstract: undefined, attachments: undefined };
		const docx = readDocx(await buildMaterialDocx(plain));
		expect(docx.text).not.toContain('Түрү');
		expect(docx.text).not.toContain('Тиркелген');
		const pdf = await readPdf(buildMaterialPdf(plain).pdf);
		expect(squeeze(pdf.text)).not.toContain('Тиркелген');
	});
});

describe('the render worker', () => {
	it('runs bundled by scripts/build-workers.js, as in production', async () => {
		const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
		// Under node_modules, so that the bundle's external packages resolve as in build/.
		const scratch = path.join(root, 'node_modules', '.cache');
		await mkdir(scratch, { recursive: true });
		const directory = await mkdtemp(path.join(scratch, 'ustat-material-workers-'));
		const saved = process.env.USTAT_WORKERS_DIR;
		try {
			await buildWorkers(directory);
			process.env.USTAT_WORKERS_DIR = directory;
			const bytes = await renderMaterialDocument(details, [], 'pdf', () => {
				throw new Error('no pictures here');
			});
			expect(missingInOrder(squeeze((await readPdf(bytes)).text), inOrder)).toBeNull();
		} finally {
			if (saved === undefined) delete process.env.USTAT_WORKERS_DIR;
			else process.env.USTAT_WORKERS_DIR = saved;
			await rm(directory, { recursive: true, force: true });
		}
	});
});

const t = useTestDatabase();
const { store, root } = tempStore();
let w: GroupWorld;
beforeEach(async () => {
	w = await makeGroupWorld(t.db);
	renderCount.value = 0;
});
const as = (actor: Actor) => ctxWithStore(t.db, actor, store);
const png = Buffer.from(TINY_PNG).toString('base64');

/** The member's material with a file attached, offered as version 1, edited into version 2, accepted at 2. */
async function acceptedTwice(): Promise<MaterialId> {
	const fields = {
		coauthors: [w.scientist.id],
		subjects: [asId<SubjectId>('kyrgyz-language'), asId<SubjectId>('mathematics')],
		grades: [5, 6, 7]
	};
	const { materialId } = await createMaterial(as(w.member), {
		groupId: w.groupId,
		...materialInput({
			...fields,
			title: 'Биринчи версия',
			body: `<p>Эски текст.</p><img src="data:image/png;base64,${png}" alt="сүрөт">`
		})
	});
	const ref = { groupId: w.groupId, materialId };
	await attachFiles(as(w.member), {
		...ref,
		files: [receivedFile(root, 'Үлгү барак.pdf', tinyPdf('Улгу'))],
		maxGroupBytes: 10 * 1024 * 1024
	});
	await offerMaterial(as(w.member), ref);
	const current = await t.db
		.selectFrom('materials')
		.select('bodyHtml')
		.where('id', '=', materialId)
		.executeTakeFirstOrThrow();
	await updateMaterial(as(w.member), {
		...ref,
		...materialInput({
			...fields,
			title: 'Экинчи версия: Ысык-Көл',
			body: current.bodyHtml.replace('Эски текст.', 'Жаңы текст, өңдөлгөн.')
		})
	});
	await decideMaterial(as(w.leader), { ...ref, to: 'accepted', version: 2, reason: 'Жакшы' });
	return materialId;
}

async function readAll(key: string): Promise<Uint8Array> {
	const chunks: Buffer[] = [];
	for await (const chunk of await store.read(key)) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

describe('a version as a document (materialDocumentModel)', () => {
	it('reads the version’s snapshot: title, authors, details, pictures and attached files', async () => {
		const materialId = await acceptedTwice();
		const model = await materialDocumentModel(t.db, { materialId, versionNumber: 2 });
		expect(model.title).toBe('Экинчи версия: Ысык-Көл');
		expect(model.authors).toEqual(['Нурлан Үсөнов', 'Кубанычбек Эсенгулов']);
		expect(model.locale).toBe('ky');
		expect(model.subjects).toEqual(['Кыргыз тили', 'Математика']);
		expect(model.grades).toEqual([5, 6, 7]);
		expect(model.school).not.toBe('');
		expect(model.group).toBe('Функционалдык сабаттуулук');
		expect(model.bodyHtml).toContain('Жаңы текст, өңдөлгөн.');
		expect(model.bodyHtml).toMatch(/src="edition-image:[0-9a-f]{64}"/);
		expect(model.images).toHaveLength(1);
		expect(model.attachments.map((a) => [a.name, a.kind])).toEqual([['Үлгү барак.pdf', 'pdf']]);
		expect(model.details.map((d) => `${d.label}: ${d.value}`)).toEqual(
			expect.arrayContaining([
				'Түрү: Сабактын планы',
				'Предметтери: Кыргыз тили, Математика',
				'Класстар: 5–7',
				'Тили: Кыргызча',
				'Чыгармачыл топ: Функционалдык сабаттуулук',
				'Версиясы: 2'
			])
		);
		// The version's date as a school writes it in a document, not the web's «2026-ж., …».
		expect(model.details.find((d) => d.label === 'Версиянын күнү')?.value).toMatch(
			/^\d{4}-жылдын\u00a0\d{1,2}-(январы|февралы|марты|апрели|майы|июну|июлу|августу|сентябры|октябры|ноябры|декабры)$/
		);
		// The labels and names follow the locale asked for.
		const russian = await materialDocumentModel(t.db, {
			materialId,
			versionNumber: 2,
			locale: 'ru'
		});
		expect(russian.subjects).toEqual(['Кыргызский язык', 'Математика']);
		expect(russian.details[0]).toEqual({ label: 'Вид', value: 'План урока' });
		expect(toMaterialDocument(russian).attachments?.heading).toBe('Приложенные файлы');
		// Version 1 is as it was.
		const first = await materialDocumentModel(t.db, { materialId, versionNumber: 1 });
		expect(first.title).toBe('Биринчи версия');
		expect(first.bodyHtml).toContain('Эски текст.');
		expect(first.attachments.map((a) => a.name)).toEqual(['Үлгү барак.pdf']);
		const missing = await appError(materialDocumentModel(t.db, { materialId, versionNumber: 9 }));
		expect(missing.code).toBe('not_found');
	});
});

describe('a version’s DOCX and PDF (materialFile)', () => {
	it('renders once per version and format, keeps it in the store and material_renders', async () => {
		const materialId = await acceptedTwice();
		const ctx = { db: t.db, store };
		// Two requests at once: one render.
		const [pdf, again] = await Promise.all([
			materialFile(ctx, { materialId, versionNumber: 2, format: 'pdf' }),
			materialFile(ctx, { materialId, versionNumber: 2, format: 'pdf' })
		]);
		expect(renderCount.value).toBe(1);
		expect(again).toEqual(pdf);
		expect(pdf.mime).toBe('application/pdf');
		expect(pdf.name).toBe('Экинчи версия: Ысык-Көл (v2).pdf');
		expect(await store.size(pdf.key)).toBe(pdf.size);
		const rows = await t.db
			.selectFrom('materialRenders')
			.selectAll()
			.where('materialId', '=', materialId)
			.execute();
		expect(
			rows.map((r) => [Number(r.versionNumber), r.format, Number(r.renderer), r.blobKey])
		).toEqual([[2, 'pdf', MATERIAL_RENDERER, pdf.key]]);
		// Later: from the store, no render.
		const started = performance.now();
		expect(await materialFile(ctx, { materialId, versionNumber: 2, format: 'pdf' })).toEqual(pdf);
		expect(performance.now() - started).toBeLessThan(500);
		expect(renderCount.value).toBe(1);

		const bytes = await readAll(pdf.key);
		const text = squeeze((await readPdf(bytes)).text);
		expect(
			missingInOrder(text, [
				'Экинчи версия: Ысык-Көл',
				'Нурлан Үсөнов, Кубанычбек Эсенгулов',
				'Түрү: Сабактын планы',
				'Версиясы: 2',
				'Жаңы текст, өңдөлгөн.',
				'Тиркелген файлдар',
				'Үлгү барак.pdf — PDF'
			])
		).toBeNull();

		// The DOCX: its own render, the picture embedded.
		const docx = await materialFile(ctx, { materialId, versionNumber: 2, format: 'docx' });
		expect(renderCount.value).toBe(2);
		expect(docx.name).toBe('Экинчи версия: Ысык-Көл (v2).docx');
		const parts = readDocx(await readAll(docx.key));
		expect(parts.text).toContain('Жаңы текст, өңдөлгөн.');
		expect(parts.text).toContain('Үлгү барак.pdf — PDF');
		expect(Object.keys(parts.files).some((name) => name.startsWith('word/media/'))).toBe(true);

		// An older version's file shows the older text.
		const old = await materialFile(ctx, { materialId, versionNumber: 1, format: 'pdf' });
		const oldText = squeeze((await readPdf(await readAll(old.key))).text);
		expect(oldText).toContain('Биринчи версия');
		expect(oldText).toContain('Эски текст.');
		expect(oldText).not.toContain('Жаңы текст');

		// A lost file is made again.
		await store.delete(pdf.key);
		await materialFile(ctx, { materialId, versionNumber: 2, format: 'pdf' });
		expect(renderCount.value).toBe(4);
	});

	it('a render that takes too long is stopped: 409, nothing kept', async () => {
		const materialId = await acceptedTwice();
		const failed = await appError(
			materialFile(
				{ db: t.db, store },
				{ materialId, versionNumber: 2, format: 'pdf', timeoutMs: 1 }
			)
		);
		expect(failed.code).toBe('conflict');
		expect(failed.messageKey).toBe('documents_error_render');
		const rows = await t.db.selectFrom('materialRenders').selectAll().execute();
		expect(rows.filter((r) => r.materialId === materialId)).toEqual([]);
	});
});

describe('the accepted material’s documents for those who read it (getMaterialFile, getMaterialPrint)', () => {
	it('members and the administration get the accepted version; others as the material page', async () => {
		const materialId = await acceptedTwice();
		const ref = { groupId: w.groupId, materialId };
		for (const reader of [w.member, w.leader, w.scientist, w.admin]) {
			const print = await getMaterialPrint(as(reader), ref);
			expect(print.versionNumber).toBe(2);
		}
		const file = await getMaterialFile(as(w.leader), { ...ref, format: 'docx' });
		expect(file.name).toBe('Экинчи версия: Ысык-Көл (v2).docx');
		// The teaching staff read what is published to them, not the group's work: 403.
		expect((await appError(getMaterialPrint(as(w.staff), ref))).code).toBe('forbidden');
		expect((await appError(getMaterialFile(as(w.staff), { ...ref, format: 'pdf' }))).code).toBe(
			'forbidden'
		);
		// Another school: the group does not exist for them.
		for (const outsider of [w.otherAdmin, w.otherTeacher])
			expect((await appError(getMaterialFile(as(outsider), { ...ref, format: 'pdf' }))).code).toBe(
				'not_found'
			);
		// A bad format is refused after the access check.
		const bad = await appError(
			getMaterialFile(as(w.member), { ...ref, format: 'exe' as unknown as 'pdf' })
		);
		expect(bad.code).toBe('invalid');
	});

	it('a material not accepted has no documents yet: 409 (a draft stays 404 to others)', async () => {
		const offered = await offeredMaterial(t.db, store, w.member, w.groupId);
		const ref = { groupId: w.groupId, materialId: offered };
		const refused = await appError(getMaterialFile(as(w.leader), { ...ref, format: 'pdf' }));
		expect(refused.code).toBe('conflict');
		expect(refused.messageKey).toBe('documents_error_not_accepted');
		expect((await appError(getMaterialPrint(as(w.member), ref))).code).toBe('conflict');
		const { materialId: draft } = await createMaterial(as(w.member), {
			groupId: w.groupId,
			...materialInput()
		});
		const draftRef = { groupId: w.groupId, materialId: draft };
		expect((await appError(getMaterialPrint(as(w.leader), draftRef))).code).toBe('not_found');
		expect((await appError(getMaterialPrint(as(w.member), draftRef))).code).toBe('conflict');
	});
});

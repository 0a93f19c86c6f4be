import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { parseConfig } from '../../config.js';
import { fileResponse } from '../../files/download';
import { sniffFile } from '../../files/sniff';
import { claimJob, finishJob } from '../../jobs/queue';
import { JobFailure } from '../../jobs/runner';
import { compoundFile, legacyDoc } from '../../test/compound-files';
import { teacherDocx, TEACHER_TEXT } from '../../test/docx-fixtures';
import { appError } from '../../test/expect-error';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import { libreOfficeAvailable } from '../../test/libreoffice';
import {
	ctxWithStore,
	materialInput,
	receivedFile,
	tempStore,
	tinyPdf
} from '../../test/materials';
import { useTestDatabase } from '../../test/vitest';
import { ValidationError } from '../../validation';
import { asId, type AttachmentId } from '../ids';
import { createMaterialWithFiles } from './create-material-with-files';
import { getAttachment } from './get-attachment';
import { getLegacyImport } from './get-legacy-import';
import { importLegacyWord, type LegacyImportPayload } from './import-legacy-job';
import type { MaterialFieldsInput } from './input';
import { previewAttachment } from './preview-attachment';

const lo = await libreOfficeAvailable();
const t = useTestDatabase();
const { store, root } = tempStore();
let w: GroupWorld;
beforeEach(async () => {
	w = await makeGroupWorld(t.db);
});
const as = (actor: Actor) => ctxWithStore(t.db, actor, store);
const maxGroupBytes = 10 * 1024 * 1024;

/** A file as the form's `docx` field leaves it. */
const wordFile = (name: string, bytes: Uint8Array) => ({
	...receivedFile(root, name, bytes),
	field: 'docx'
});
const start = (
	actor: Actor,
	files: { word?: Uint8Array; wordName?: string; attach?: [string, Uint8Array][] } = {},
	over: Partial<MaterialFieldsInput> & { convertsLegacy?: boolean } = {}
) => {
	const { convertsLegacy = false, ...fields } = over;
	return createMaterialWithFiles(as(actor), {
		groupId: w.groupId,
		...materialInput(fields),
		word: files.word ? wordFile(files.wordName ?? 'plan.docx', files.word) : null,
		files: (files.attach ?? []).map(([name, bytes]) => receivedFile(root, name, bytes)),
		maxGroupBytes,
		convertsLegacy
	});
};
const materialsCount = async () =>
	Number(
		(
			await t.db
				.selectFrom('materials')
				.select((eb) => eb.fn.countAll().as('n'))
				.executeTakeFirstOrThrow()
		).n
	);
const attachmentsOf = (materialId: string) =>
	t.db
		.selectFrom('materialAttachments')
		.selectAll()
		.where('materialId', '=', materialId)
		.orderBy('name')
		.execute();
const bodyOf = async (materialId: string) =>
	await t.db
		.selectFrom('materials')
		.select(['bodyHtml', 'bodyText', 'title'])
		.where('id', '=', materialId)
		.executeTakeFirstOrThrow();
const validationKeys = async (promise: Promise<unknown>) => {
	const error = await promise.then(
		() => null,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(ValidationError);
	return (error as ValidationError).issues.map((i) => `${i.field}:${i.key}`);
};

describe('a new material from a Word file, with attachments (issue 18)', () => {
	it('a member starts a draft from a .docx: its body and pictures imported, the files attached', async () => {
		const created = await start(w.member, {
			word: await teacherDocx(),
			attach: [['slides.pdf', tinyPdf('new-material')]]
		});
		expect(created.body.from).toBe('docx');
		const body = await bodyOf(created.materialId);
		expect(body.bodyText).toContain(TEACHER_TEXT.intro);
		expect(body.bodyHtml).toContain(`<strong>${TEACHER_TEXT.bold}</strong>`);
		// Its pictures are the material's own, served by its image route.
		const images = await t.db
			.selectFrom('materialImages')
			.select('blobKey')
			.where('materialId', '=', created.materialId)
			.execute();
		expect(images.length).toBeGreaterThan(0);
		expect(body.bodyHtml).toContain(
			`/groups/${w.groupId}/materials/${created.materialId}/images/${images[0]!.blobKey}`
		);
		expect(body.bodyHtml).not.toContain('ustat-image:');
		const files = await attachmentsOf(created.materialId);
		expect(files.map((f) => [f.name, f.kind])).toEqual([['slides.pdf', 'pdf']]);
		expect(created.attached).toBe(1);
	});

	it('without a Word file the typed body is kept, and the files attached', async () => {
		const created = await start(
			w.scientist,
			{
				attach: [
					['a.pdf', tinyPdf('a')],
					['b.pdf', tinyPdf('b')]
				]
			},
			{ body: 'Колго терилген текст' }
		);
		expect(created.body).toEqual({ from: 'form' });
		expect((await bodyOf(created.materialId)).bodyText).toContain('Колго терилген текст');
		expect(await attachmentsOf(created.materialId)).toHaveLength(2);
	});

	it('a refusal saves nothing: a bad field, an attachment of an unknown type, a non-Word file to import', async () => {
		const count = await materialsCount();
		// The title is checked before any file is converted.
		expect(
			await validationKeys(start(w.member, { word: await teacherDocx() }, { title: 'x' }))
		).toEqual(['title:error_too_short']);
		expect(
			await validationKeys(
				start(w.member, {
					word: await teacherDocx(),
					attach: [['notes.pdf', new TextEncoder().encode('just text, not a PDF')]]
				})
			)
		).toEqual(['files:error_file_type']);
		expect(
			await validationKeys(start(w.member, { word: tinyPdf(), wordName: 'plan.docx' }))
		).toEqual(['docx:materials_new_import_not_word']);
		expect(await materialsCount()).toBe(count);
	});

	it('who may: members and external members; not staff outside the group nor another school', async () => {
		expect((await start(w.scientist, {})).body.from).toBe('form');
		expect((await appError(start(w.staff, {}))).code).toBe('forbidden');
		expect((await appError(start(w.otherAdmin, {}))).code).toBe('not_found');
	});
});

describe('Word 97–2003 files (issue 18)', () => {
	let doc: Uint8Array;
	beforeAll(async () => {
		if (lo) doc = await legacyDoc(await teacherDocx());
	}, 180_000);

	it('a renamed text file is not a .doc: refused as an attachment, refused for import', async () => {
		const text = new TextEncoder().encode('Бул жөн эле текст.\n'.repeat(100));
		expect(await validationKeys(start(w.member, { attach: [['plan.doc', text]] }))).toEqual([
			'files:error_file_type'
		]);
		expect(
			await validationKeys(
				start(w.member, { word: text, wordName: 'plan.doc' }, { convertsLegacy: true })
			)
		).toEqual(['docx:materials_new_import_not_word']);
	});

	describe.skipIf(!lo)('with LibreOffice', () => {
		it('a .doc is told by its content, attached, downloaded and never shown in the browser', async () => {
			const file = receivedFile(root, 'anything.bin', doc);
			expect((await sniffFile(file.path))?.kind).toBe('doc');
			const created = await start(w.member, { attach: [['plan.bin', doc]] });
			const [attached] = await attachmentsOf(created.materialId);
			expect(attached).toMatchObject({ name: 'plan.doc', kind: 'doc', mime: 'application/msword' });
			const ref = {
				groupId: w.groupId,
				materialId: created.materialId,
				attachmentId: asId<AttachmentId>(attached!.id)
			};
			const got = await getAttachment(as(w.member), ref);
			expect(got.isViewable).toBe(false);
			// Even asked for inline, it is a download with a harmless type and no sniffing.
			const response = await fileResponse(store, got.blobKey, {
				name: got.name,
				mime: got.mime,
				size: got.size,
				inline: true
			});
			expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
			expect(response.headers.get('content-type')).toBe('application/msword');
			expect(response.headers.get('x-content-type-options')).toBe('nosniff');
			await response.body?.cancel();
			expect((await appError(previewAttachment(as(w.member), ref))).messageKey).toBe(
				'error_preview_unavailable'
			);
		});

		it('without the setting a .doc to import is refused with how to save it as .docx', async () => {
			const count = await materialsCount();
			expect(await validationKeys(start(w.member, { word: doc, wordName: 'plan.doc' }))).toEqual([
				'docx:import_legacy_no_converter'
			]);
			expect(await materialsCount()).toBe(count);
		});

		it('with the setting the draft is saved at once, and the job converts the .doc into its body', async () => {
			const created = await start(
				w.member,
				{ word: doc, wordName: 'plan.doc', attach: [['a.pdf', tinyPdf('with-doc')]] },
				{ convertsLegacy: true, title: 'Эски Word файлы' }
			);
			if (created.body.from !== 'doc') throw new Error('expected a conversion job');
			const jobId = created.body.jobId;
			const page = { groupId: w.groupId, jobId };
			expect(await getLegacyImport(as(w.member), page)).toMatchObject({ state: 'converting' });
			expect((await bodyOf(created.materialId)).bodyHtml).toBe('');
			// The original is among the files.
			expect((await attachmentsOf(created.materialId)).map((f) => f.kind).sort()).toEqual([
				'doc',
				'pdf'
			]);
			// Only the draft's authors see the conversion.
			expect((await appError(getLegacyImport(as(w.leader), page))).code).toBe('not_found');
			expect((await appError(getLegacyImport(as(w.otherAdmin), page))).code).toBe('not_found');

			const config = parseConfig({ LIBREOFFICE: '/usr/bin/soffice' });
			const job = (await claimJob(t.db, 'test'))!;
			const started = performance.now();
			await importLegacyWord(
				{ db: t.db, store, now: new Date() },
				{ id: job.id, payload: JSON.parse(job.payload) as LegacyImportPayload },
				config.libreOffice
			);
			console.info(
				`a small .doc converted and imported in ${Math.round(performance.now() - started)} ms`
			);
			await finishJob(t.db, job, {});
			const body = await bodyOf(created.materialId);
			expect(body.title).toBe('Эски Word файлы');
			expect(body.bodyText).toContain(TEACHER_TEXT.intro);
			expect(body.bodyHtml).toContain(TEACHER_TEXT.bold);
			const done = await getLegacyImport(as(w.member), page);
			expect(done).toMatchObject({ state: 'done', materialId: created.materialId });
		}, 120_000);
	});

	it('a conversion past its time limit is killed, and its page says so', async () => {
		const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'ustat-fake-soffice-'));
		const pidFile = path.join(dir, 'pid');
		const fake = path.join(dir, 'soffice');
		// Stands for a LibreOffice that hangs on a file: it records its pid and sleeps.
		await fs.writeFile(fake, `#!/bin/sh\necho $$ > ${pidFile}\nexec sleep 60\n`, { mode: 0o755 });
		const settings = parseConfig({ LIBREOFFICE: fake, LIBREOFFICE_SECONDS: '1' }).libreOffice;
		// A compound file that says "Word" is enough: the fake converter never reads it.
		const created = await start(
			w.member,
			{ word: compoundFile([{ name: 'WordDocument' }]), wordName: 'plan.doc' },
			{ convertsLegacy: true }
		);
		if (created.body.from !== 'doc') throw new Error('expected a conversion job');
		const job = (await claimJob(t.db, 'test'))!;
		const started = performance.now();
		const failure = await importLegacyWord(
			{ db: t.db, store, now: new Date() },
			{ id: job.id, payload: JSON.parse(job.payload) as LegacyImportPayload },
			settings
		).then(
			() => null,
			(e: unknown) => e
		);
		const ms = performance.now() - started;
		expect(failure).toBeInstanceOf(JobFailure);
		expect((failure as JobFailure).message).toBe('import_legacy_timeout');
		expect(ms).toBeGreaterThanOrEqual(1000);
		expect(ms).toBeLessThan(10_000);
		// The sleeping converter is gone, not left behind.
		const pid = Number(await fs.readFile(pidFile, 'utf8'));
		expect(() => process.kill(pid, 0)).toThrow();
		await finishJob(t.db, job, { error: (failure as JobFailure).message, retry: false });
		expect(
			await getLegacyImport(as(w.member), { groupId: w.groupId, jobId: created.body.jobId })
		).toMatchObject({
			state: 'failed',
			reason: 'import_legacy_timeout',
			// Its message names the limit applied and the file (never "undefined").
			params: { seconds: 1, name: 'plan.doc' }
		});
		expect((await bodyOf(created.materialId)).bodyHtml).toBe('');
		await fs.rm(dir, { recursive: true, force: true });
	}, 30_000);
});

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { runJobsUntilIdle, runNextJob } from '../../jobs/runner';
import type { BlobStore } from '../../storage/types';
import { ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import { offeredMaterial, tempStore } from '../../test/materials';
import { testSeal } from '../../test/votes';
import { useTestDatabase } from '../../test/vitest';
import { ValidationError } from '../../validation';
import { formInput } from '../../web/form-input';
import { collectionFormInput } from '../../web/collection-views';
import type { Ctx } from '../context';
import {
	asId,
	type CollectionEditionId,
	type CollectionId,
	type MaterialId,
	type SectionId,
	type VoteOptionId
} from '../ids';
import { decideMaterial } from '../materials/decide-material';
import { castBallot } from '../votes/cast-ballot';
import { closeVote } from '../votes/close-vote';
import { openVote } from '../votes/open-vote';
import { addItem } from './add-item';
import { addSection } from './add-section';
import { approveEdition } from './approve-edition';
import { compileCollection } from './compile-collection';
import { createCollection } from './create-collection';
import { editionFile } from './edition-file';
import { getCollection } from './get-collection';
import { getEdition } from './get-edition';
import { listCollections } from './list-collections';
import {
	createCollectionInput,
	MAX_TABLE_ROWS,
	moveItemInput,
	type CreateCollectionInput
} from './input';
import { moveItem } from './move-item';
import { moveSection } from './move-section';
import { removeItem } from './remove-item';
import { removeSection } from './remove-section';
import { reorderItems } from './reorder-items';
import { retryEdition } from './retry-edition';
import { updateCollection } from './update-collection';
import { updateItemNote } from './update-item-note';
import { webEdition } from './web-edition';
import { setItemResults } from './set-item-results';
import { recordApprobation } from '../approbations/record-approbation';
import { observeLesson } from '../approbations/observe-lesson';

const t = useTestDatabase();
const { store } = tempStore();
const seal = testSeal();
let w: GroupWorld;
beforeEach(async () => {
	w = await makeGroupWorld(t.db);
});
/** The actor's context, with this file's store (where the job writes the documents). */
const as = (actor: Actor): Ctx => ({ ...ctxOf(t.db, actor), store });

const issues = async (promise: Promise<unknown>) =>
	((await appError(promise)) as ValidationError).issues.map((i) => `${i.field}:${i.key}`);
const form = (over: Partial<CreateCollectionInput> = {}): CreateCollectionInput => ({
	groupId: w.groupId,
	title: 'Функционалдык сабаттуулук: тажрыйбадан',
	subtitle: 'Методикалык жыйынды',
	year: 2026,
	language: 'ky',
	city: '',
	approvalNote: '',
	preface: 'Бул жыйындыга топтун мүчөлөрүнүн сыналган иштери кирди.\nАлар ар кандай класстар үчүн.',
	reviewers: ['Б. Асанова, п.и.к., доцент'],
	editors: [],
	...over
});
/** A new collection of the leader's, with one section. */
async function collectionWithSection(title: string, over: Partial<CreateCollectionInput> = {}) {
	const { collectionId } = await createCollection(as(w.leader), form(over));
	const ids = { groupId: w.groupId, collectionId };
	const { sectionId } = await addSection(as(w.leader), { ...ids, title, intro: '' });
	return { ids, collectionId, sectionId };
}
/** An accepted material by `author`: offered, then accepted by the leader (version 1). */
async function accepted(author: Actor, title: string, body?: string): Promise<MaterialId> {
	const materialId = await offeredMaterial(t.db, store, author, w.groupId, {
		title,
		...(body === undefined ? {} : { body })
	});
	await decideMaterial(as(w.leader), {
		groupId: w.groupId,
		materialId,
		to: 'accepted',
		version: 1,
		reason: 'Жыйындыга татыктуу.'
	});
	return asId<MaterialId>(materialId);
}
/** The default observation sheet, filled in: the lesson's day, eight criteria, a conclusion. */
const observationSheet = {
	lessonDate: '2026-10-20',
	...Object.fromEntries(
		[
			'goals',
			'content',
			'methods',
			'activity',
			'practice',
			'organisation',
			'assessment',
			'style'
		].map((key) => [key, 5])
	),
	conclusion: 'Максатына жетти.'
};
const items = async (collectionId: CollectionId) =>
	(await getCollection(as(w.leader), { groupId: w.groupId, collectionId })).sections.map((s) =>
		s.items.map((i) => i.title)
	);
const edition = (collectionId: CollectionId, number = 1) => ({
	groupId: w.groupId,
	collectionId,
	number
});
/** Poppler warns on stderr about Typst's tagged-PDF details; only stdout matters here. */
const quiet = { stdio: ['ignore', 'pipe', 'ignore'] as ('ignore' | 'pipe')[] };
const pdfText = (pdf: string) =>
	execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], quiet).toString();

describe('collections', () => {
	it('the leader creates one; only the leader, fields checked, several per group', async () => {
		expect(await issues(createCollection(as(w.leader), form({ title: 'Ж', year: 1990 })))).toEqual([
			'title:error_too_short',
			'year:error_number_min'
		]);
		// The form: a year that is no number, reviewers one per line (blank lines dropped).
		const typed = (values: Record<string, string | string[]>) =>
			collectionFormInput(
				createCollectionInput,
				{ title: form().title, year: '2026', language: 'ky', ...values },
				{ groupId: w.groupId }
			);
		expect(await issues(createCollection(as(w.leader), typed({ year: 'дваж' })))).toEqual([
			'year:error_number'
		]);
		expect(
			await issues(createCollection(as(w.leader), typed({ reviewers: 'a\nb\n\nc\nd\ne\nf' })))
		).toEqual(['reviewers:error_collection_reviewers']);
		expect(
			await issues(createCollection(as(w.leader), form({ reviewers: ['ok', 'x'.repeat(201)] })))
		).toEqual(['reviewers:error_collection_reviewer_long']);
		expect(await issues(createCollection(as(w.leader), form({ editors: [w.staff.id] })))).toEqual([
			'editors:error_collection_editor'
		]);
		for (const actor of [w.member, w.admin, w.scientist])
			expect((await appError(createCollection(as(actor), form()))).status).toBe(403);
		expect((await appError(createCollection(as(w.staff), form()))).status).toBe(403);
		expect((await appError(createCollection(as(w.otherAdmin), form()))).status).toBe(404);
		const { collectionId } = await createCollection(
			as(w.leader),
			typed({ reviewers: ' Б. Асанова \r\n\r\nА. Бекова', editors: [w.member.id] })
		);
		await createCollection(as(w.leader), form({ title: '2027-жылдын жыйындысы' }));
		const list = await listCollections(as(w.member), { groupId: w.groupId });
		expect(list.collections.map((c) => c.title).sort()).toEqual(
			['2027-жылдын жыйындысы', 'Функционалдык сабаттуулук: тажрыйбадан'].sort()
		);
		expect(list.canCreate).toBe(false);
		// Members and the admin see drafts, read-only; staff outside the group do not.
		const ids = { groupId: w.groupId, collectionId };
		const seen = await getCollection(as(w.scientist), ids);
		expect(seen.canEdit).toBe(false);
		expect(seen.editors.map((e) => e.fullName)).toEqual([w.member.fullName]);
		expect(seen.collection.reviewers).toEqual(['Б. Асанова', 'А. Бекова']);
		expect((await appError(getCollection(as(w.staff), ids))).status).toBe(403);
		await updateCollection(as(w.leader), { ...form({ title: 'Жаңы аталыш' }), collectionId });
		expect((await getCollection(as(w.admin), ids)).collection.title).toBe('Жаңы аталыш');
		expect(
			(await appError(updateCollection(as(w.member), { ...form(), collectionId }))).status
		).toBe(403);
	});

	it('the approval fields and compilers’ posts: checked, kept, printed in the approval note', async () => {
		const typed = (values: Record<string, string | string[]>) =>
			collectionFormInput(
				createCollectionInput,
				{ title: form().title, year: '2026', language: 'ky', ...values },
				{ groupId: w.groupId }
			);
		expect(
			await issues(
				createCollection(
					as(w.leader),
					typed({
						approvalBody: 'ministry',
						approvalProtocol: '1'.repeat(21),
						approvalDate: '2026-02-30',
						itemsFlow: 'sideways',
						postUser: [w.leader.id],
						post: ['м'.repeat(151)]
					})
				)
			)
		).toEqual([
			'approvalBody:error_choice',
			'approvalProtocol:error_too_long',
			'approvalDate:error_date',
			'itemsFlow:error_choice',
			'editorPosts:error_collection_post_long'
		]);
		// Empty number and date are none; a blank post is dropped.
		const { collectionId } = await createCollection(
			as(w.leader),
			typed({
				approvalBody: 'pedagogical_council',
				approvalProtocol: ' 3 ',
				approvalDate: '',
				itemsFlow: 'flow',
				// Only the compilers' posts are kept (the form offers one to everybody).
				postUser: [w.leader.id, w.member.id, w.staff.id],
				post: [' башталгыч класстардын мугалими ', '  ', 'директор'],
				editors: [w.member.id]
			})
		);
		const seen = await getCollection(as(w.member), { groupId: w.groupId, collectionId });
		expect(seen.collection.approvalProtocol).toBe('3');
		expect(seen.collection.approvalDate).toBeNull();
		expect(seen.collection.isItemNewPage).toBe(false);
		expect(seen.collection.editorPosts).toEqual({
			[w.leader.id]: 'башталгыч класстардын мугалими'
		});
		expect(seen.collection.approvalText).toContain(
			'мектептин педагогикалык кеңешинин №3 протоколу менен басмага сунушталды.'
		);
	});

	it('sections and items: accepted materials only, each once, moved with buttons or all at once', async () => {
		const { collectionId } = await createCollection(as(w.leader), form());
		const ids = { groupId: w.groupId, collectionId };
		const { sectionId: s1 } = await addSection(as(w.leader), {
			...ids,
			title: 'Башталгыч класстар',
			intro: 'Оюн аркылуу окутуу.'
		});
		const { sectionId: s2 } = await addSection(as(w.leader), {
			...ids,
			title: 'Жогорку класстар',
			intro: ''
		});
		const a = await accepted(w.member, 'Ата-мекен');
		const b = await accepted(w.leader, 'Өрнөк');
		const c = await accepted(w.scientist, 'Үлгү');
		const offeredOnly = asId<MaterialId>(
			await offeredMaterial(t.db, store, w.member, w.groupId, { title: 'Сунуш' })
		);
		const add = (materialId: MaterialId, sectionId: SectionId, actor = w.leader) =>
			addItem(as(actor), { ...ids, materialId, sectionId });
		const { itemId: ia } = await add(a, s1);
		const { itemId: ib } = await add(b, s1);
		const { itemId: ic } = await add(c, s2);
		expect((await appError(add(offeredOnly, s1))).messageKey).toBe(
			'error_collection_material_not_accepted'
		);
		expect((await appError(add(a, s2))).messageKey).toBe('error_collection_material_twice');
		expect((await appError(add(a, s1, w.member))).status).toBe(403);
		// Nothing chosen on the form: the field's error, before anything else is looked at.
		expect(await issues(add(asId<MaterialId>(''), asId<SectionId>('no-such-section')))).toEqual([
			'materialId:error_required'
		]);
		expect(await items(collectionId)).toEqual([['Ата-мекен', 'Өрнөк'], ['Үлгү']]);
		// The buttons: down within the section, then down again crosses into the next one.
		const move = (itemId: typeof ia, direction: 'up' | 'down') =>
			moveItem(as(w.leader), { ...ids, itemId, direction });
		await move(ia, 'down');
		expect(await items(collectionId)).toEqual([['Өрнөк', 'Ата-мекен'], ['Үлгү']]);
		await move(ia, 'down');
		expect(await items(collectionId)).toEqual([['Өрнөк'], ['Ата-мекен', 'Үлгү']]);
		await move(ia, 'up');
		expect(await items(collectionId)).toEqual([['Өрнөк', 'Ата-мекен'], ['Үлгү']]);
		await move(ib, 'up'); // already first of all: nothing moves
		expect(await items(collectionId)).toEqual([['Өрнөк', 'Ата-мекен'], ['Үлгү']]);
		expect(
			await issues(
				moveItem(as(w.leader), formInput(moveItemInput, { itemId: ia, direction: 'left' }, ids))
			)
		).toEqual(['direction:error_choice']);
		await moveSection(as(w.leader), { ...ids, sectionId: s2, direction: 'up' });
		expect(await items(collectionId)).toEqual([['Үлгү'], ['Өрнөк', 'Ата-мекен']]);
		// Drag and drop sends the whole order; a stale one (missing an item) is refused.
		await reorderItems(as(w.leader), {
			...ids,
			order: [`${s1}:${ic}`, `${s1}:${ia}`, `${s2}:${ib}`]
		});
		expect(await items(collectionId)).toEqual([['Өрнөк'], ['Үлгү', 'Ата-мекен']]);
		expect(
			(
				await appError(
					reorderItems(as(w.leader), { ...ids, order: [`${s1}:${ic}`, `${s2}:${ib}`] })
				)
			).messageKey
		).toBe('error_collection_changed');
		await updateItemNote(as(w.leader), { ...ids, itemId: ia, note: 'Эскертүү' });
		// Removing a section takes its materials out; they can be added again elsewhere.
		await removeSection(as(w.leader), { ...ids, sectionId: s2 });
		expect(await items(collectionId)).toEqual([['Үлгү', 'Ата-мекен']]);
		const view = await getCollection(as(w.leader), ids);
		expect(view.available.map((m) => m.title)).toEqual(['Өрнөк']);
		expect(view.sections[0]!.items.map((i) => i.note)).toEqual(['', 'Эскертүү']);
	});

	it('compiles an edition in the background: DOCX and PDF with every title in order', async () => {
		const { collectionId } = await createCollection(as(w.leader), form());
		const ids = { groupId: w.groupId, collectionId };
		expect((await appError(compileCollection(as(w.leader), ids))).messageKey).toBe(
			'error_collection_empty'
		);
		const { sectionId } = await addSection(as(w.leader), {
			...ids,
			title: 'Биринчи бөлүм: ңөү',
			intro: ''
		});
		const titles = ['Теңир-Тоо: сабак', 'Өмүр жолу', 'Үй тапшырмасы #1 $5 *жылдыз* @топ <b> {x}'];
		for (const title of titles) {
			const materialId = await accepted(
				w.member,
				title,
				'<h2>Максат</h2><p>Окуучулар ң ө ү тамгаларын жазышат.</p><ul><li>бир</li><li>эки</li></ul><table><tr><th>А</th><th>Б</th></tr><tr><td>1</td><td>2</td></tr></table>'
			);
			await addItem(as(w.leader), { ...ids, materialId, sectionId });
		}
		expect((await appError(compileCollection(as(w.member), ids))).status).toBe(403);
		const { number } = await compileCollection(as(w.leader), ids);
		expect(number).toBe(1);
		const queued = await getEdition(as(w.member), edition(collectionId));
		expect(queued.edition.status).toBe('queued');
		expect(queued.canRead).toBe(false);
		// One compile at a time.
		expect((await appError(compileCollection(as(w.leader), ids))).messageKey).toBe(
			'error_collection_compiling'
		);
		expect(await runJobsUntilIdle(t.db, store)).toBe(1);
		const done = await getEdition(as(w.member), edition(collectionId));
		expect(done.edition.status).toBe('done');
		expect(done.edition.progress).toBe(100);
		expect(done.edition.pdfPages).toBeGreaterThan(1);

		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-edition-'));
		const read = async (format: 'docx' | 'pdf') => {
			const file = await editionFile(as(w.scientist), { ...edition(collectionId), format });
			const chunks: Buffer[] = [];
			for await (const chunk of await store.read(file.key)) chunks.push(chunk as Buffer);
			return Buffer.concat(chunks);
		};
		const docx = unzipSync(new Uint8Array(await read('docx')));
		const xml = strFromU8(docx['word/document.xml']!);
		const text = xml.replace(/<[^>]+>/g, '');
		const positions = titles.map((title) =>
			text.indexOf(title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))
		);
		expect(positions.every((p) => p >= 0)).toBe(true);
		expect([...positions].sort((x, y) => x - y)).toEqual(positions);
		for (const letter of ['ң', 'ө', 'ү']) expect(text).toContain(letter);

		const pdfPath = path.join(dir, 'edition.pdf');
		fs.writeFileSync(pdfPath, await read('pdf'));
		const pdf = pdfText(pdfPath);
		const body = pdf.slice(pdf.lastIndexOf(titles[0]!.slice(0, 8)) - 200);
		const inPdf = titles.map((title) => pdf.lastIndexOf(title));
		expect(inPdf.every((p) => p >= 0)).toBe(true);
		expect([...inPdf].sort((x, y) => x - y)).toEqual(inPdf);
		expect(body).toContain('ң ө ү');
		const pages = Number(
			/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], quiet).toString())![1]
		);
		expect(pages).toBeGreaterThan(1);
		const outline = execFileSync(
			'pdftohtml',
			['-xml', '-stdout', '-i', '-q', pdfPath],
			quiet
		).toString();
		expect(outline).toContain('<outline');
		expect(outline).toContain('Биринчи бөлүм');
		fs.rmSync(dir, { recursive: true, force: true });

		const web = await webEdition(as(w.member), edition(collectionId));
		expect(web.model.sections[0]!.items.map((i) => i.title)).toEqual(titles);
	});

	it('an edition never changes: later edits and archived materials do not touch it', async () => {
		const { ids, collectionId, sectionId } = await collectionWithSection('Бөлүм');
		const materialId = await accepted(w.member, 'Биринчи нуска');
		await addItem(as(w.leader), { ...ids, materialId, sectionId });
		await compileCollection(as(w.leader), ids);
		await runJobsUntilIdle(t.db, store);
		await updateCollection(as(w.leader), { ...form({ title: 'Башка аталыш' }), collectionId });
		// The leader archives the material: it may not go into a new edition…
		await decideMaterial(as(w.leader), {
			groupId: w.groupId,
			materialId,
			to: 'archived',
			version: 1,
			reason: 'Эскирди.'
		});
		expect((await appError(compileCollection(as(w.leader), ids))).messageKey).toBe(
			'error_collection_not_accepted'
		);
		// …but edition 1 keeps what it was made from.
		const first = await webEdition(as(w.member), edition(collectionId));
		expect(first.model.title).toBe(form().title);
		expect(first.model.sections[0]!.items[0]!.title).toBe('Биринчи нуска');
		expect(first.model.sections[0]!.items[0]!.versionNumber).toBe(1);
	});

	it('a failed compile shows its error and can be compiled again', async () => {
		const { ids, collectionId, sectionId } = await collectionWithSection('Сүрөттөр');
		const materialId = await accepted(w.member, 'Сүрөттүү сабак');
		await addItem(as(w.leader), { ...ids, materialId, sectionId });
		await compileCollection(as(w.leader), ids);
		// The file store is down (a full disk, an unreachable S3): the job is tried again a
		// little later, then the edition is marked failed.
		const broken: BlobStore = {
			...store,
			putBytes: () => Promise.reject(new Error('ENOSPC: no space left on device'))
		};
		const now = Date.now();
		expect(await runNextJob(t.db, broken, new Date(now))).toBe(true);
		expect((await getEdition(as(w.leader), edition(collectionId))).edition.status).toBe(
			'compiling'
		);
		expect(await runNextJob(t.db, broken, new Date(now + 60_000))).toBe(true);
		const failed = await getEdition(as(w.leader), edition(collectionId));
		expect(failed.edition.status).toBe('failed');
		expect(failed.edition.errorCode).toBe('render_failed');
		expect(failed.canRetry).toBe(true);
		expect((await getEdition(as(w.member), edition(collectionId))).canRetry).toBe(false);
		expect((await appError(retryEdition(as(w.member), edition(collectionId)))).status).toBe(403);
		await retryEdition(as(w.leader), edition(collectionId));
		await runJobsUntilIdle(t.db, store);
		const done = await getEdition(as(w.leader), edition(collectionId));
		expect(done.edition.status).toBe('done');
		expect(done.edition.errorCode).toBe(null);
		expect((await appError(retryEdition(as(w.leader), edition(collectionId)))).messageKey).toBe(
			'error_edition_not_failed'
		);
	});

	it('content beyond what one compile can hold is refused, naming the material', async () => {
		const { ids, collectionId, sectionId } = await collectionWithSection('Чоң');
		const rows = '<tr><td>ң</td><td>ө</td></tr>'.repeat(MAX_TABLE_ROWS + 1);
		const long = await accepted(w.member, 'Узун таблица', `<table>${rows}</table>`);
		const { itemId } = await addItem(as(w.leader), { ...ids, materialId: long, sectionId });
		const refused = await appError(compileCollection(as(w.leader), ids));
		expect([refused.status, refused.messageKey, refused.params?.title]).toEqual([
			409,
			'error_collection_table_rows',
			'Узун таблица'
		]);
		await removeItem(as(w.leader), { ...ids, itemId });
		// Three bodies of 1.4 million characters: more than one edition takes together.
		const paragraph = `<p>${'Окуу сабаттуулугу. '.repeat(73_000)}</p>`;
		for (const title of ['Биринчи том', 'Экинчи том', 'Үчүнчү том'])
			await addItem(as(w.leader), {
				...ids,
				materialId: await accepted(w.member, title, paragraph),
				sectionId
			});
		expect((await appError(compileCollection(as(w.leader), ids))).messageKey).toBe(
			'error_collection_too_large'
		);
		expect(
			await t.db
				.selectFrom('collectionEditions')
				.select('id')
				.where('collectionId', '=', collectionId)
				.execute()
		).toEqual([]);
	});

	it('two compiles at the same moment: one edition, the other refused, nothing mixed', async () => {
		const { ids, collectionId, sectionId } = await collectionWithSection('Бөлүм');
		await addItem(as(w.leader), {
			...ids,
			materialId: await accepted(w.member, 'Жарыш'),
			sectionId
		});
		const results = await Promise.allSettled(
			Array.from({ length: 4 }, () => compileCollection(as(w.leader), ids))
		);
		const made = results.filter((r) => r.status === 'fulfilled');
		expect(made).toHaveLength(1);
		const refused = results.filter((r) => r.status === 'rejected');
		expect(refused).toHaveLength(3);
		for (const r of refused)
			expect((r.reason as { messageKey: string }).messageKey).toBe('error_collection_compiling');
		await runJobsUntilIdle(t.db, store);
		await compileCollection(as(w.leader), ids);
		await runJobsUntilIdle(t.db, store);
		const editions = await t.db
			.selectFrom('collectionEditions')
			.select(['number', 'status'])
			.where('collectionId', '=', collectionId)
			.orderBy('number')
			.execute();
		expect(editions.map((e) => [Number(e.number), e.status])).toEqual([
			[1, 'done'],
			[2, 'done']
		]);
	});

	it('the group approves an edition by vote before the leader marks it approved', async () => {
		const { ids, collectionId, sectionId } = await collectionWithSection('Бөлүм');
		await addItem(as(w.leader), {
			...ids,
			materialId: await accepted(w.member, 'Бекитилчү'),
			sectionId
		});
		await compileCollection(as(w.leader), ids);
		await runJobsUntilIdle(t.db, store);
		const before = await getEdition(as(w.leader), edition(collectionId));
		expect(before.canPutToVote).toBe(true);
		expect(before.canApprove).toBe(false);
		expect((await appError(approveEdition(as(w.leader), edition(collectionId)))).messageKey).toBe(
			'error_edition_not_voted'
		);
		const editionId = before.edition.editionId;
		expect(
			await issues(
				openVote(as(w.leader), {
					groupId: w.groupId,
					question: 'Бекитебизби?',
					kind: 'single',
					options: ['а', 'б'],
					collectionEditionId: asId<CollectionEditionId>(editionId)
				})
			)
		).toEqual(['kind:error_vote_edition_yes_no']);
		const { voteId } = await openVote(as(w.leader), {
			groupId: w.groupId,
			question: 'Бекитебизби?',
			kind: 'yes_no',
			collectionEditionId: asId<CollectionEditionId>(editionId)
		});
		// A second vote on the same edition while one is open is refused.
		expect(
			(
				await appError(
					openVote(as(w.leader), {
						groupId: w.groupId,
						question: 'Дагы?',
						kind: 'yes_no',
						collectionEditionId: asId<CollectionEditionId>(editionId)
					})
				)
			).messageKey
		).toBe('error_edition_not_votable');
		const yes = await t.db
			.selectFrom('voteOptions')
			.select('id')
			.where('voteId', '=', voteId)
			.where('code', '=', 'yes')
			.executeTakeFirstOrThrow();
		for (const voter of [w.leader, w.member])
			await castBallot(as(voter), {
				groupId: w.groupId,
				voteId,
				choices: [asId<VoteOptionId>(yes.id)],
				seal
			});
		await closeVote(as(w.leader), {
			groupId: w.groupId,
			voteId,
			text: 'Жыйынды бекитилсин.',
			seal
		});
		const after = await getEdition(as(w.member), edition(collectionId));
		expect(after.votes.map((v) => v.outcome)).toEqual(['accepted']);
		expect(after.canApprove).toBe(false); // a member may not
		expect((await appError(approveEdition(as(w.member), edition(collectionId)))).status).toBe(403);
		expect((await appError(approveEdition(as(w.admin), edition(collectionId)))).status).toBe(403);
		expect((await getEdition(as(w.leader), edition(collectionId))).canApprove).toBe(true);
		await approveEdition(as(w.leader), edition(collectionId));
		await approveEdition(as(w.leader), edition(collectionId)); // twice: no change
		const approved = await getEdition(as(w.member), edition(collectionId));
		expect(approved.edition.isApproved).toBe(true);
		expect(approved.edition.approvedBy).toBe(w.leader.fullName);
		expect(
			(await listCollections(as(w.member), { groupId: w.groupId })).collections.find(
				(c) => c.id === collectionId
			)?.approvedEdition
		).toBe(1);
	});
});

describe('approbation results in a collection (§4.1, §5.4)', () => {
	it("the leader adds a material's results; the edition freezes them, tables and charts", async () => {
		const { ids, sectionId } = await collectionWithSection('Сыналган иштер');
		const materialId = await accepted(w.member, 'Божомолдоо');
		const { itemId } = await addItem(as(w.leader), { ...ids, materialId, sectionId });
		// No approbation yet: nothing to add.
		const before = await getCollection(as(w.leader), ids);
		expect(before.sections[0]!.items[0]).toMatchObject({ approbations: 0, hasResults: false });
		// The member tried it in 3-А; 28 pupils: before 5·3, 4·9, 3·12, 2·4 → after 5·6, 4·12, 3·9, 2·1.
		const { approbationId } = await recordApprobation(as(w.member), {
			groupId: w.groupId,
			materialId,
			title: 'Божомолдоо 3-А класста',
			startsOn: '2026-10-01',
			endsOn: '2026-10-25',
			plan: '',
			observations: '',
			conclusion: '',
			classes: [
				{
					name: '3-А',
					grade: 3,
					pupils: 28,
					before: { fives: 3, fours: 9, threes: 12, twos: 4 },
					after: { fives: 6, fours: 12, threes: 9, twos: 1 }
				}
			]
		});
		await observeLesson(as(w.leader), {
			groupId: w.groupId,
			approbationId,
			observedOn: '2026-10-20',
			comments: 'Жакшы сабак.',
			conclusion: 'Тастыкталат.',
			locale: 'ky',
			sheet: observationSheet
		});
		expect(
			(await appError(setItemResults(as(w.member), { ...ids, itemId, hasResults: true }))).status
		).toBe(403);
		await setItemResults(as(w.leader), { ...ids, itemId, hasResults: true });
		const view = await getCollection(as(w.member), ids);
		expect(view.sections[0]!.items[0]).toMatchObject({ approbations: 1, hasResults: true });

		await compileCollection(as(w.leader), ids);
		await runJobsUntilIdle(t.db, store);
		const { model } = await webEdition(as(w.member), edition(ids.collectionId));
		const results = model.sections[0]!.items[0]!.results!;
		expect(results.summary).toBe('Апробациялар: 1. Байкоо менен тастыкталгандар: 1.');
		const quality = results.indicators.find((i) => i.title.startsWith('Билим сапаты'))!;
		// Knowledge quality: (3+9)/28 = 42,9 % → (6+12)/28 = 64,3 %.
		expect(quality.rows).toEqual([['3-А', '28', '42,9', '64,3', '+21,4', 'Тастыкталган']]);
		expect(quality.svg).toContain('<svg');
		expect(quality.svg).toContain('64,3');
		expect(results.indicators.map((i) => i.title)).toEqual([
			'Орточо баа',
			'Билим сапаты, %',
			'Үлгүрүм, %',
			'Үйрөнүү даражасы (СОУ), %'
		]);
		// The edition keeps them: a later change to the approbation does not reach it.
		await setItemResults(as(w.leader), { ...ids, itemId, hasResults: false });
		const again = await webEdition(as(w.member), edition(ids.collectionId));
		expect(again.model.sections[0]!.items[0]!.results).toBeDefined();
	});
});

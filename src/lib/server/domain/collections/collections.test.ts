import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { runJobsUntilIdle, runNextJob } from '../../jobs/runner';
import type { BlobStore } from '../../storage/types';
import { appError } from '../../test/expect-error';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import { offeredMaterial, tempStore } from '../../test/materials';
import { testSeal } from '../../test/votes';
import { useTestDatabase } from '../../test/vitest';
import { ValidationError } from '../../validation';
import { decideMaterial } from '../materials/decide-material';
import { castBallot } from '../votes/cast-ballot';
import { closeVote } from '../votes/close-vote';
import { openVote } from '../votes/open-vote';
import { addItem } from './add-item';
import { addSection } from './add-section';
import { approveEdition } from './approve-edition';
import { compileCollection } from './compile-collection';
import { createCollection } from './create-collection';
import { editionFile, webEdition } from './edition-files';
import { getCollection } from './get-collection';
import { getEdition } from './get-edition';
import { listCollections } from './list-collections';
import { MAX_TABLE_ROWS } from './input';
import { moveItem } from './move-item';
import { moveSection } from './move-section';
import { removeItem } from './remove-item';
import { removeSection } from './remove-section';
import { reorderItems } from './reorder-items';
import { retryEdition } from './retry-edition';
import { updateCollection } from './update-collection';
import { updateItemNote } from './update-item-note';

const t = useTestDatabase();
const { store } = tempStore();
const seal = testSeal();
let w: GroupWorld;

const issues = async (promise: Promise<unknown>) =>
	((await appError(promise)) as ValidationError).issues.map((i) => `${i.field}:${i.key}`);
const form = (over: Record<string, unknown> = {}) => ({
	title: 'Функционалдык сабаттуулук: тажрыйбадан',
	subtitle: 'Методикалык жыйынды',
	year: '2026',
	language: 'ky',
	city: '',
	approvalNote: '',
	preface: 'Бул жыйындыга топтун мүчөлөрүнүн сыналган иштери кирди.\nАлар ар кандай класстар үчүн.',
	reviewers: 'Б. Асанова, п.и.к., доцент',
	editors: [],
	...over
});
/** An accepted material by `author`: offered, then accepted by the leader (version 1). */
async function accepted(author: Actor, title: string, body?: string): Promise<string> {
	const materialId = await offeredMaterial(t.db, store, author, w.groupId, {
		title,
		...(body === undefined ? {} : { body })
	});
	await decideMaterial(t.db, w.leader, w.groupId, materialId, {
		to: 'accepted',
		version: '1',
		reason: 'Жыйындыга татыктуу.'
	});
	return materialId;
}
const items = async (collectionId: string) =>
	(await getCollection(t.db, w.leader, w.groupId, collectionId)).sections.map((s) =>
		s.items.map((i) => i.title)
	);
/** Poppler warns on stderr about Typst's tagged-PDF details; only stdout matters here. */
const quiet = { stdio: ['ignore', 'pipe', 'ignore'] as ('ignore' | 'pipe')[] };
const pdfText = (pdf: string) =>
	execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], quiet).toString();

describe('collections', () => {
	it('the leader creates one; only the leader, fields checked, several per group', async () => {
		w = await makeGroupWorld(t.db);
		expect(
			await issues(createCollection(t.db, w.leader, w.groupId, form({ title: 'Ж', year: '1990' })))
		).toEqual(['title:error_too_short', 'year:error_number_min']);
		expect(
			await issues(
				createCollection(t.db, w.leader, w.groupId, form({ reviewers: 'a\nb\nc\nd\ne\nf' }))
			)
		).toEqual(['reviewers:error_collection_reviewers']);
		expect(
			await issues(createCollection(t.db, w.leader, w.groupId, form({ editors: [w.staff.id] })))
		).toEqual(['editors:error_collection_editor']);
		for (const actor of [w.member, w.admin, w.scientist])
			expect((await appError(createCollection(t.db, actor, w.groupId, form()))).status).toBe(403);
		expect((await appError(createCollection(t.db, w.staff, w.groupId, form()))).status).toBe(403);
		expect((await appError(createCollection(t.db, w.otherAdmin, w.groupId, form()))).status).toBe(
			404
		);
		const { collectionId } = await createCollection(
			t.db,
			w.leader,
			w.groupId,
			form({ editors: [w.member.id] })
		);
		await createCollection(t.db, w.leader, w.groupId, form({ title: '2027-жылдын жыйындысы' }));
		const list = await listCollections(t.db, w.member, w.groupId);
		expect(list.collections.map((c) => c.title).sort()).toEqual(
			['2027-жылдын жыйындысы', 'Функционалдык сабаттуулук: тажрыйбадан'].sort()
		);
		expect(list.canCreate).toBe(false);
		// Members and the admin see drafts, read-only; staff outside the group do not.
		const seen = await getCollection(t.db, w.scientist, w.groupId, collectionId);
		expect(seen.canEdit).toBe(false);
		expect(seen.editors.map((e) => e.fullName)).toEqual([w.member.fullName]);
		expect((await appError(getCollection(t.db, w.staff, w.groupId, collectionId))).status).toBe(
			403
		);
		await updateCollection(t.db, w.leader, w.groupId, collectionId, form({ title: 'Жаңы аталыш' }));
		expect((await getCollection(t.db, w.admin, w.groupId, collectionId)).collection.title).toBe(
			'Жаңы аталыш'
		);
		expect(
			(await appError(updateCollection(t.db, w.member, w.groupId, collectionId, form()))).status
		).toBe(403);
	});

	it('sections and items: accepted materials only, each once, moved with buttons or all at once', async () => {
		const { collectionId } = await createCollection(t.db, w.leader, w.groupId, form());
		const { sectionId: s1 } = await addSection(t.db, w.leader, w.groupId, collectionId, {
			title: 'Башталгыч класстар',
			intro: 'Оюн аркылуу окутуу.'
		});
		const { sectionId: s2 } = await addSection(t.db, w.leader, w.groupId, collectionId, {
			title: 'Жогорку класстар',
			intro: ''
		});
		const a = await accepted(w.member, 'Ата-мекен');
		const b = await accepted(w.leader, 'Өрнөк');
		const c = await accepted(w.scientist, 'Үлгү');
		const offeredOnly = await offeredMaterial(t.db, store, w.member, w.groupId, { title: 'Сунуш' });
		const add = (materialId: string, sectionId: string) =>
			addItem(t.db, w.leader, w.groupId, collectionId, { materialId, sectionId });
		const { itemId: ia } = await add(a, s1);
		const { itemId: ib } = await add(b, s1);
		const { itemId: ic } = await add(c, s2);
		expect((await appError(add(offeredOnly, s1))).messageKey).toBe(
			'error_collection_material_not_accepted'
		);
		expect((await appError(add(a, s2))).messageKey).toBe('error_collection_material_twice');
		expect(
			(
				await appError(
					addItem(t.db, w.member, w.groupId, collectionId, { materialId: a, sectionId: s1 })
				)
			).status
		).toBe(403);
		expect(await items(collectionId)).toEqual([['Ата-мекен', 'Өрнөк'], ['Үлгү']]);
		// The buttons: down within the section, then down again crosses into the next one.
		const move = (itemId: string, direction: string) =>
			moveItem(t.db, w.leader, w.groupId, collectionId, itemId, { direction });
		await move(ia, 'down');
		expect(await items(collectionId)).toEqual([['Өрнөк', 'Ата-мекен'], ['Үлгү']]);
		await move(ia, 'down');
		expect(await items(collectionId)).toEqual([['Өрнөк'], ['Ата-мекен', 'Үлгү']]);
		await move(ia, 'up');
		expect(await items(collectionId)).toEqual([['Өрнөк', 'Ата-мекен'], ['Үлгү']]);
		await move(ib, 'up'); // already first of all: nothing moves
		expect(await items(collectionId)).toEqual([['Өрнөк', 'Ата-мекен'], ['Үлгү']]);
		await moveSection(t.db, w.leader, w.groupId, collectionId, s2, { direction: 'up' });
		expect(await items(collectionId)).toEqual([['Үлгү'], ['Өрнөк', 'Ата-мекен']]);
		// Drag and drop sends the whole order; a stale one (missing an item) is refused.
		await reorderItems(t.db, w.leader, w.groupId, collectionId, {
			order: [`${s1}:${ic}`, `${s1}:${ia}`, `${s2}:${ib}`]
		});
		expect(await items(collectionId)).toEqual([['Өрнөк'], ['Үлгү', 'Ата-мекен']]);
		expect(
			(
				await appError(
					reorderItems(t.db, w.leader, w.groupId, collectionId, {
						order: [`${s1}:${ic}`, `${s2}:${ib}`]
					})
				)
			).messageKey
		).toBe('error_collection_changed');
		await updateItemNote(t.db, w.leader, w.groupId, collectionId, ia, { note: 'Эскертүү' });
		// Removing a section takes its materials out; they can be added again elsewhere.
		await removeSection(t.db, w.leader, w.groupId, collectionId, s2);
		expect(await items(collectionId)).toEqual([['Үлгү', 'Ата-мекен']]);
		const view = await getCollection(t.db, w.leader, w.groupId, collectionId);
		expect(view.available.map((m) => m.title)).toEqual(['Өрнөк']);
	});

	it('compiles an edition in the background: DOCX and PDF with every title in order', async () => {
		const { collectionId } = await createCollection(t.db, w.leader, w.groupId, form());
		expect(
			(await appError(compileCollection(t.db, w.leader, w.groupId, collectionId))).messageKey
		).toBe('error_collection_empty');
		const { sectionId } = await addSection(t.db, w.leader, w.groupId, collectionId, {
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
			await addItem(t.db, w.leader, w.groupId, collectionId, { materialId, sectionId });
		}
		expect(
			(await appError(compileCollection(t.db, w.member, w.groupId, collectionId))).status
		).toBe(403);
		const { number } = await compileCollection(t.db, w.leader, w.groupId, collectionId);
		expect(number).toBe(1);
		const queued = await getEdition(t.db, w.member, w.groupId, collectionId, 1);
		expect(queued.edition.status).toBe('queued');
		expect(queued.canRead).toBe(false);
		// One compile at a time.
		expect(
			(await appError(compileCollection(t.db, w.leader, w.groupId, collectionId))).messageKey
		).toBe('error_collection_compiling');
		expect(await runJobsUntilIdle(t.db, store)).toBe(1);
		const done = await getEdition(t.db, w.member, w.groupId, collectionId, 1);
		expect(done.edition.status).toBe('done');
		expect(done.edition.progress).toBe(100);
		expect(done.edition.pdfPages).toBeGreaterThan(1);

		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-edition-'));
		const read = async (format: 'docx' | 'pdf') => {
			const file = await editionFile(t.db, w.scientist, w.groupId, collectionId, 1, format);
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

		const web = await webEdition(t.db, w.member, w.groupId, collectionId, 1);
		expect(web.model.sections[0]!.items.map((i) => i.title)).toEqual(titles);
	});

	it('an edition never changes: later edits and archived materials do not touch it', async () => {
		const { collectionId } = await createCollection(t.db, w.leader, w.groupId, form());
		const { sectionId } = await addSection(t.db, w.leader, w.groupId, collectionId, {
			title: 'Бөлүм',
			intro: ''
		});
		const materialId = await accepted(w.member, 'Биринчи нуска');
		await addItem(t.db, w.leader, w.groupId, collectionId, { materialId, sectionId });
		await compileCollection(t.db, w.leader, w.groupId, collectionId);
		await runJobsUntilIdle(t.db, store);
		await updateCollection(
			t.db,
			w.leader,
			w.groupId,
			collectionId,
			form({ title: 'Башка аталыш' })
		);
		// The leader archives the material: it may not go into a new edition…
		await decideMaterial(t.db, w.leader, w.groupId, materialId, {
			to: 'archived',
			version: '1',
			reason: 'Эскирди.'
		});
		expect(
			(await appError(compileCollection(t.db, w.leader, w.groupId, collectionId))).messageKey
		).toBe('error_collection_not_accepted');
		// …but edition 1 keeps what it was made from.
		const first = await webEdition(t.db, w.member, w.groupId, collectionId, 1);
		expect(first.model.title).toBe(form().title);
		expect(first.model.sections[0]!.items[0]!.title).toBe('Биринчи нуска');
		expect(first.model.sections[0]!.items[0]!.versionNumber).toBe(1);
	});

	it('a failed compile shows its error and can be compiled again', async () => {
		const { collectionId } = await createCollection(t.db, w.leader, w.groupId, form());
		const { sectionId } = await addSection(t.db, w.leader, w.groupId, collectionId, {
			title: 'Сүрөттөр',
			intro: ''
		});
		const materialId = await accepted(w.member, 'Сүрөттүү сабак');
		await addItem(t.db, w.leader, w.groupId, collectionId, { materialId, sectionId });
		await compileCollection(t.db, w.leader, w.groupId, collectionId);
		// The file store is down (a full disk, an unreachable S3): the job is tried again a
		// little later, then the edition is marked failed.
		const broken: BlobStore = {
			...store,
			putBytes: () => Promise.reject(new Error('ENOSPC: no space left on device'))
		};
		const now = Date.now();
		expect(await runNextJob(t.db, broken, new Date(now))).toBe(true);
		expect((await getEdition(t.db, w.leader, w.groupId, collectionId, 1)).edition.status).toBe(
			'compiling'
		);
		expect(await runNextJob(t.db, broken, new Date(now + 60_000))).toBe(true);
		const failed = await getEdition(t.db, w.leader, w.groupId, collectionId, 1);
		expect(failed.edition.status).toBe('failed');
		expect(failed.edition.errorCode).toBe('render_failed');
		expect(failed.canRetry).toBe(true);
		expect((await getEdition(t.db, w.member, w.groupId, collectionId, 1)).canRetry).toBe(false);
		expect((await appError(retryEdition(t.db, w.member, w.groupId, collectionId, 1))).status).toBe(
			403
		);
		await retryEdition(t.db, w.leader, w.groupId, collectionId, 1);
		await runJobsUntilIdle(t.db, store);
		const done = await getEdition(t.db, w.leader, w.groupId, collectionId, 1);
		expect(done.edition.status).toBe('done');
		expect(done.edition.errorCode).toBe(null);
		expect(
			(await appError(retryEdition(t.db, w.leader, w.groupId, collectionId, 1))).messageKey
		).toBe('error_edition_not_failed');
	});

	it('content beyond what one compile can hold is refused, naming the material', async () => {
		const { collectionId } = await createCollection(t.db, w.leader, w.groupId, form());
		const { sectionId } = await addSection(t.db, w.leader, w.groupId, collectionId, {
			title: 'Чоң',
			intro: ''
		});
		const rows = '<tr><td>ң</td><td>ө</td></tr>'.repeat(MAX_TABLE_ROWS + 1);
		const long = await accepted(w.member, 'Узун таблица', `<table>${rows}</table>`);
		const { itemId } = await addItem(t.db, w.leader, w.groupId, collectionId, {
			materialId: long,
			sectionId
		});
		const refused = await appError(compileCollection(t.db, w.leader, w.groupId, collectionId));
		expect([refused.status, refused.messageKey, refused.params?.title]).toEqual([
			409,
			'error_collection_table_rows',
			'Узун таблица'
		]);
		await removeItem(t.db, w.leader, w.groupId, collectionId, itemId);
		// Three bodies of 1.4 million characters: more than one edition takes together.
		const paragraph = `<p>${'Окуу сабаттуулугу. '.repeat(73_000)}</p>`;
		for (const title of ['Биринчи том', 'Экинчи том', 'Үчүнчү том'])
			await addItem(t.db, w.leader, w.groupId, collectionId, {
				materialId: await accepted(w.member, title, paragraph),
				sectionId
			});
		expect(
			(await appError(compileCollection(t.db, w.leader, w.groupId, collectionId))).messageKey
		).toBe('error_collection_too_large');
		expect(
			await t.db
				.selectFrom('collectionEditions')
				.select('id')
				.where('collectionId', '=', collectionId)
				.execute()
		).toEqual([]);
	});

	it('two compiles at the same moment: one edition, the other refused, nothing mixed', async () => {
		const { collectionId } = await createCollection(t.db, w.leader, w.groupId, form());
		const { sectionId } = await addSection(t.db, w.leader, w.groupId, collectionId, {
			title: 'Бөлүм',
			intro: ''
		});
		await addItem(t.db, w.leader, w.groupId, collectionId, {
			materialId: await accepted(w.member, 'Жарыш'),
			sectionId
		});
		const results = await Promise.allSettled(
			Array.from({ length: 4 }, () => compileCollection(t.db, w.leader, w.groupId, collectionId))
		);
		const made = results.filter((r) => r.status === 'fulfilled');
		expect(made).toHaveLength(1);
		for (const r of results)
			if (r.status === 'rejected')
				expect((r.reason as { messageKey: string }).messageKey).toBe('error_collection_compiling');
		await runJobsUntilIdle(t.db, store);
		await compileCollection(t.db, w.leader, w.groupId, collectionId);
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
		const { collectionId } = await createCollection(t.db, w.leader, w.groupId, form());
		const { sectionId } = await addSection(t.db, w.leader, w.groupId, collectionId, {
			title: 'Бөлүм',
			intro: ''
		});
		await addItem(t.db, w.leader, w.groupId, collectionId, {
			materialId: await accepted(w.member, 'Бекитилчү'),
			sectionId
		});
		await compileCollection(t.db, w.leader, w.groupId, collectionId);
		await runJobsUntilIdle(t.db, store);
		const before = await getEdition(t.db, w.leader, w.groupId, collectionId, 1);
		expect(before.canPutToVote).toBe(true);
		expect(before.canApprove).toBe(false);
		expect(
			(await appError(approveEdition(t.db, w.leader, w.groupId, collectionId, 1))).messageKey
		).toBe('error_edition_not_voted');
		const editionId = before.edition.editionId;
		expect(
			await issues(
				openVote(
					t.db,
					w.leader,
					w.groupId,
					{
						question: 'Бекитебизби?',
						kind: 'single',
						options: 'а\nб',
						collectionEditionId: editionId
					},
					{ timeZone: 'Asia/Bishkek' }
				)
			)
		).toEqual(['kind:error_vote_edition_yes_no']);
		const { voteId } = await openVote(
			t.db,
			w.leader,
			w.groupId,
			{ question: 'Бекитебизби?', kind: 'yes_no', collectionEditionId: editionId },
			{ timeZone: 'Asia/Bishkek' }
		);
		// A second vote on the same edition while one is open is refused.
		expect(
			(
				await appError(
					openVote(
						t.db,
						w.leader,
						w.groupId,
						{ question: 'Дагы?', kind: 'yes_no', collectionEditionId: editionId },
						{ timeZone: 'Asia/Bishkek' }
					)
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
			await castBallot(t.db, seal, voter, w.groupId, voteId, { choices: [yes.id] });
		await closeVote(t.db, seal, w.leader, w.groupId, voteId, { text: 'Жыйынды бекитилсин.' });
		const after = await getEdition(t.db, w.member, w.groupId, collectionId, 1);
		expect(after.votes.map((v) => v.outcome)).toEqual(['accepted']);
		expect(after.canApprove).toBe(false); // a member may not
		expect(
			(await appError(approveEdition(t.db, w.member, w.groupId, collectionId, 1))).status
		).toBe(403);
		expect((await appError(approveEdition(t.db, w.admin, w.groupId, collectionId, 1))).status).toBe(
			403
		);
		expect((await getEdition(t.db, w.leader, w.groupId, collectionId, 1)).canApprove).toBe(true);
		await approveEdition(t.db, w.leader, w.groupId, collectionId, 1);
		await approveEdition(t.db, w.leader, w.groupId, collectionId, 1); // twice: no change
		const approved = await getEdition(t.db, w.member, w.groupId, collectionId, 1);
		expect(approved.edition.isApproved).toBe(true);
		expect(approved.edition.approvedBy).toBe(w.leader.fullName);
		expect(
			(await listCollections(t.db, w.member, w.groupId)).collections.find(
				(c) => c.id === collectionId
			)?.approvedEdition
		).toBe(1);
	});
});

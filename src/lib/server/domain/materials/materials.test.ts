import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { ValidationError } from '../../validation';
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
import { teacherDocx, zipBombDocx, TEACHER_TEXT } from '../../test/docx-fixtures';
import { useTestDatabase } from '../../test/vitest';
import { formInput } from '../../web/form-input';
import { materialFormValues } from '../../web/material-form';
import { closeGroup } from '../groups/close-group';
import { asId, type AttachmentId, type MaterialId, type SubjectId } from '../ids';
import { addComment } from './add-comment';
import { attachFiles, MAX_ATTACHMENTS } from './attach-files';
import { createMaterial } from './create-material';
import { decideMaterial } from './decide-material';
import { getAttachment } from './get-attachment';
import { getMaterial } from './get-material';
import { importWord } from './import-word';
import {
	createMaterialInput,
	type DecideMaterialInput,
	type ListMaterialsInput,
	type MaterialFieldsInput
} from './input';
import { listMaterials } from './list-materials';
import { listMyMaterials } from './list-my-materials';
import { compareVersions, listVersions } from './list-versions';
import { offerMaterial } from './offer-material';
import { removeAttachment } from './remove-attachment';
import { updateMaterial } from './update-material';

const t = useTestDatabase();
const { store, root } = tempStore();
let w: GroupWorld;
beforeEach(async () => {
	w = await makeGroupWorld(t.db);
});
const as = (actor: Actor) => ctxWithStore(t.db, actor, store);
const maxGroupBytes = 10 * 1024 * 1024;
/** A new material of the group, as the use case takes it. */
const fields = (over: Partial<MaterialFieldsInput> = {}) => ({
	groupId: w.groupId,
	...materialInput(over)
});
/** The material's ids, and what else the use case names. */
const ref = (materialId: MaterialId) => ({ groupId: w.groupId, materialId });
const edit = (materialId: MaterialId, over: Partial<MaterialFieldsInput> = {}) => ({
	...ref(materialId),
	...materialInput(over)
});
const decide = (materialId: MaterialId, over: Partial<DecideMaterialInput>) => ({
	...ref(materialId),
	to: 'under_review' as const,
	...over
});
const create = (actor: Actor, over: Partial<MaterialFieldsInput> = {}) =>
	createMaterial(as(actor), fields(over));
const offered = (author: Actor, over: Partial<MaterialFieldsInput> = {}) =>
	offeredMaterial(t.db, store, author, w.groupId, over);

describe('offering a material (§3.3)', () => {
	it('a member starts a draft that only its authors see; offering makes version 1 for the group', async () => {
		const { materialId } = await create(w.member, { coauthors: [w.scientist.id] });
		// Drafts: the author and the co-author see it; the leader, staff and another school do not.
		expect((await getMaterial(as(w.member), ref(materialId))).material.status).toBe('draft');
		expect((await getMaterial(as(w.scientist), ref(materialId))).can.edit).toBe(true);
		for (const outsider of [w.leader, w.staff, w.admin])
			expect((await appError(getMaterial(as(outsider), ref(materialId)))).code).toBe('not_found');
		expect((await appError(getMaterial(as(w.otherAdmin), ref(materialId)))).code).toBe('not_found');
		const everything = { groupId: w.groupId };
		expect((await listMaterials(as(w.leader), everything)).materials).toHaveLength(0);
		expect((await listMaterials(as(w.member), everything)).materials).toHaveLength(1);

		const offer = await offerMaterial(as(w.member), ref(materialId));
		expect(offer.versionNumber).toBe(1);
		// A double submit is harmless.
		expect((await offerMaterial(as(w.member), ref(materialId))).versionNumber).toBe(1);
		// Offered, it is the group's work: the administration reads it, the staff do not (§3.4).
		expect((await appError(getMaterial(as(w.staff), ref(materialId)))).status).toBe(403);
		const seen = await getMaterial(as(w.admin), ref(materialId));
		expect(seen.material.status).toBe('offered');
		expect(seen.can).toMatchObject({ edit: false, decide: false, review: false, comment: false });
		expect(seen.authors.map((a) => a.fullName)).toEqual([w.member.fullName, w.scientist.fullName]);
		expect(seen.subjects).toEqual(['kyrgyz-language']);
		expect(seen.grades).toEqual([3, 4]);
		expect(seen.material.tags).toEqual(['окуу', 'оюн']);
		expect(seen.events.map((e) => e.kind)).toEqual(['offered', 'created']);
	});

	it('checks every field and keeps the choices honest', async () => {
		// As the form sends it: the tags in one field, the grades as text.
		const form = {
			type: 'poem',
			title: 'A',
			language: 'de',
			abstract: '',
			body: '',
			grades: ['0', '13'],
			tags: Array.from({ length: 16 }, (_, i) => `t${i}`).join(',')
		};
		const input = formInput(createMaterialInput, materialFormValues(form), {
			groupId: w.groupId
		});
		const error = await appError(createMaterial(as(w.member), input));
		expect(error).toBeInstanceOf(ValidationError);
		expect((error as ValidationError).issues.map((i) => i.field).sort()).toEqual(
			['grades', 'language', 'tags', 'title', 'type'].sort()
		);
		const choice = await appError(
			create(w.member, {
				subjects: [asId<SubjectId>('astrology')],
				coauthors: [w.staff.id]
			})
		);
		expect((choice as ValidationError).issues.map((i) => [i.field, i.key])).toEqual([
			['subjects', 'error_choice'],
			['coauthors', 'error_coauthor_not_member']
		]);
		// Only members offer materials; another school does not even see the group.
		expect((await appError(create(w.staff))).code).toBe('forbidden');
		expect((await appError(create(w.otherTeacher))).code).toBe('not_found');
	});

	it('tags are trimmed, without "#", each once', async () => {
		const { materialId } = await create(w.member, {
			tags: [' #окуу', 'оюн', 'окуу', ' ', '5-класс']
		});
		const seen = await getMaterial(as(w.member), ref(materialId));
		expect(seen.material.tags).toEqual(['окуу', 'оюн', '5-класс']);
	});

	it('sanitizes the body before storing it, and plain text becomes paragraphs', async () => {
		const { materialId } = await create(w.member, {
			body: '<p onclick="alert(1)">Саламатсызбы<script>alert(2)</script></p><a href="javascript:alert(3)">шилтеме</a><img src="https://evil.example/x.png">'
		});
		const stored = await t.db
			.selectFrom('materials')
			.select(['bodyHtml', 'bodyText'])
			.where('id', '=', materialId)
			.executeTakeFirstOrThrow();
		expect(stored.bodyHtml).not.toMatch(/onclick|script|javascript|evil/i);
		expect(stored.bodyText).toContain('Саламатсызбы');
		const plain = await create(w.member, { body: 'Биринчи абзац <3\n\nЭкинчи абзац' });
		const html = await t.db
			.selectFrom('materials')
			.select('bodyHtml')
			.where('id', '=', plain.materialId)
			.executeTakeFirstOrThrow();
		expect(html.bodyHtml).toBe('<p>Биринчи абзац &lt;3</p><p>Экинчи абзац</p>');
	});
});

describe('versions and the leader’s decisions', () => {
	it('every saved change after offering is a version; nothing changed makes none; versions compare', async () => {
		const materialId = await offered(w.member);
		const edited = edit(materialId, {
			title: 'Ата-мекен: жаңыланган план',
			body: '<h2>Максат</h2><p>Окуучулар тексттен маалыматты тез табышат.</p>'
		});
		expect((await updateMaterial(as(w.member), edited)).versionNumber).toBe(2);
		expect((await updateMaterial(as(w.member), edited)).versionNumber).toBe(2);
		const list = await listVersions(as(w.admin), ref(materialId));
		expect(list.versions.map((v) => [v.number, v.changed])).toEqual([
			[2, ['title', 'body']],
			[1, []]
		]);
		const diff = compareVersions(list.versions, 1, 2);
		const body = diff.text.find((x) => x.field === 'body')!;
		expect(body.isChanged).toBe(true);
		expect(body.parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual([
			'маалыматты тез'
		]);
		expect(
			(await appError(Promise.resolve().then(() => compareVersions(list.versions, 1, 9)))).code
		).toBe('not_found');
	});

	it('only authors edit; the leader decides with a reason; decided materials are read-only', async () => {
		const materialId = await offered(w.member);
		// Nobody edits someone else's material; a member cannot decide.
		for (const other of [w.leader, w.scientist, w.admin])
			expect((await appError(updateMaterial(as(other), edit(materialId)))).code).toBe('forbidden');
		const accept = decide(materialId, { to: 'accepted', reason: 'Жакшы' });
		expect((await appError(decideMaterial(as(w.member), accept))).code).toBe('forbidden');
		expect((await appError(decideMaterial(as(w.admin), accept))).code).toBe('forbidden');
		// A reason is required for everything but "under review".
		const noReason = await appError(
			decideMaterial(as(w.leader), decide(materialId, { to: 'revision_requested', reason: '' }))
		);
		expect((noReason as ValidationError).issues).toEqual([
			{ field: 'reason', key: 'error_reason_required' }
		]);
		await decideMaterial(as(w.leader), decide(materialId, { to: 'under_review' }));
		await decideMaterial(
			as(w.leader),
			decide(materialId, { to: 'revision_requested', reason: 'Баалоо критерийлерин кошуңуз.' })
		);
		// The author revises (version 2) and offers again.
		await updateMaterial(as(w.member), edit(materialId, { abstract: 'Критерийлер кошулду.' }));
		await offerMaterial(as(w.member), ref(materialId));
		await decideMaterial(
			as(w.leader),
			decide(materialId, { to: 'accepted', reason: 'Жыйнакка кирет.' })
		);
		const view = await getMaterial(as(w.member), ref(materialId));
		expect(view.material.status).toBe('accepted');
		expect(view.can.edit).toBe(false);
		expect(
			view.events
				.filter((e) => e.kind === 'status')
				.map((e) => [e.toStatus, e.versionNumber, e.reason])
		).toEqual([
			['accepted', 2, 'Жыйнакка кирет.'],
			['revision_requested', 1, 'Баалоо критерийлерин кошуңуз.'],
			['under_review', 1, null]
		]);
		expect((await appError(updateMaterial(as(w.member), edit(materialId)))).messageKey).toBe(
			'error_material_decided'
		);
		expect(
			(await appError(decideMaterial(as(w.leader), decide(materialId, { to: 'under_review' }))))
				.messageKey
		).toBe('error_material_transition');
	});

	it('a decision on a version the leader has not seen is refused', async () => {
		const materialId = await offered(w.member);
		await updateMaterial(as(w.member), edit(materialId, { abstract: 'Жаңыланды.' }));
		const stale = await appError(decideMaterial(as(w.leader), decide(materialId, { version: 1 })));
		expect(stale.messageKey).toBe('error_material_new_version');
		await decideMaterial(as(w.leader), decide(materialId, { version: 2 }));
	});

	it('parallel edits each get their own version number', async () => {
		const materialId = await offered(w.member);
		const results = await Promise.all(
			[1, 2, 3, 4].map((n) =>
				updateMaterial(as(w.member), edit(materialId, { title: `Параллель ${n}` }))
			)
		);
		const numbers = results.map((r) => r.versionNumber).sort();
		expect(new Set(numbers).size).toBe(4);
		const versions = await listVersions(as(w.member), ref(materialId));
		expect(versions.versions.map((v) => v.number)).toEqual([5, 4, 3, 2, 1]);
	});
});

describe('opinions (§3.3)', () => {
	it('members and external members comment in threads; drafts take no comments', async () => {
		const materialId = await offered(w.member);
		const { commentId } = await addComment(as(w.scientist), {
			...ref(materialId),
			body: 'Изилдөөгө шилтеме кошсоңуз болот.'
		});
		await addComment(as(w.member), {
			...ref(materialId),
			body: 'Рахмат, кошом.',
			parentId: commentId
		});
		const view = await getMaterial(as(w.leader), ref(materialId));
		expect(view.comments).toHaveLength(1);
		expect(view.comments[0]!.replies.map((r) => r.body)).toEqual(['Рахмат, кошом.']);
		expect(
			(await appError(addComment(as(w.staff), { ...ref(materialId), body: 'Мен да' }))).code
		).toBe('forbidden');
		const { materialId: draft } = await create(w.member);
		expect(
			(await appError(addComment(as(w.member), { ...ref(draft), body: 'Эскертүү' }))).code
		).toBe('forbidden');
		expect((await appError(addComment(as(w.leader), { ...ref(materialId), body: ' ' }))).code).toBe(
			'invalid'
		);
	});

	it('"my materials" and "waiting for my opinion" across groups', async () => {
		const materialId = await offered(w.member, { title: 'Күтүүдөгү материал' });
		const waiting = await listMyMaterials(as(w.leader), {});
		expect(waiting.waiting.map((m) => m.id)).toContain(materialId);
		const mine = await listMyMaterials(as(w.member), {});
		expect(mine.mine.map((m) => m.id)).toContain(materialId);
		expect(mine.waiting.map((m) => m.id)).not.toContain(materialId);
	});

	it('lists filter by type, subject, grade, status and author', async () => {
		// A lesson plan the scientist co-wrote, accepted; an article of the scientist's own.
		const accepted = await offered(w.member, { coauthors: [w.scientist.id] });
		await decideMaterial(as(w.leader), decide(accepted, { to: 'accepted', reason: 'Жакшы.' }));
		await offered(w.scientist, {
			type: 'article',
			title: 'Макала: окуу стратегиялары',
			subjects: [asId<SubjectId>('mathematics')],
			grades: [9]
		});
		const list = (filter: Partial<ListMaterialsInput>) =>
			listMaterials(as(w.admin), { groupId: w.groupId, sort: 'title', ...filter }).then((l) =>
				l.materials.map((m) => m.title)
			);
		expect(await list({ type: 'article' })).toEqual(['Макала: окуу стратегиялары']);
		expect(await list({ subject: asId<SubjectId>('mathematics') })).toEqual([
			'Макала: окуу стратегиялары'
		]);
		expect(await list({ grade: 9 })).toEqual(['Макала: окуу стратегиялары']);
		expect(await list({ author: w.scientist.id })).toEqual([
			'Ата-мекен: 3-класска сабактын планы',
			'Макала: окуу стратегиялары'
		]);
		expect(await list({ status: 'accepted' })).toEqual(['Ата-мекен: 3-класска сабактын планы']);
	});
});

describe('attachments', () => {
	it('a real PDF is attached by content and makes a new version; a web page named .pdf is refused whole', async () => {
		const materialId = await offered(w.member);
		const attach = (actor: Actor, files: ReturnType<typeof receivedFile>[], max = maxGroupBytes) =>
			attachFiles(as(actor), { ...ref(materialId), files, maxGroupBytes: max });
		await attach(w.member, [receivedFile(root, 'Сабактын планы ң ө ү.docx', tinyPdf())]);
		const view = await getMaterial(as(w.admin), ref(materialId));
		// The name tells the truth about the content.
		expect(view.attachments.map((a) => [a.name, a.kind, a.mime])).toEqual([
			['Сабактын планы ң ө ү.pdf', 'pdf', 'application/pdf']
		]);
		expect(view.material.versionNumber).toBe(2);

		const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
		const refused = await appError(
			attach(w.member, [
				receivedFile(root, 'good.pdf', tinyPdf('ok')),
				receivedFile(root, 'evil.pdf', html)
			])
		);
		expect((refused as ValidationError).issues).toEqual([
			{ field: 'files', key: 'error_file_type', params: { name: 'evil.pdf' } }
		]);
		expect((await getMaterial(as(w.member), ref(materialId))).attachments).toHaveLength(1);

		// The group's space is bounded.
		const quota = await appError(
			attach(w.member, [receivedFile(root, 'a.pdf', tinyPdf('a'))], 100)
		);
		expect((quota as ValidationError).issues[0]!.key).toBe('error_group_quota');
		// Only authors attach.
		expect((await appError(attach(w.leader, [receivedFile(root, 'a.pdf', tinyPdf())]))).code).toBe(
			'forbidden'
		);

		// Removing keeps the file for the version that listed it.
		const [file] = view.attachments;
		const attachmentId = asId<AttachmentId>(file!.id);
		await removeAttachment(as(w.member), { ...ref(materialId), attachmentId });
		expect((await getMaterial(as(w.member), ref(materialId))).attachments).toHaveLength(0);
		expect((await getAttachment(as(w.admin), { ...ref(materialId), attachmentId })).name).toBe(
			file!.name
		);
		const versions = await listVersions(as(w.member), ref(materialId));
		expect(compareVersions(versions.versions, 2, 3).attachments).toEqual({
			added: [],
			removed: ['Сабактын планы ң ө ү.pdf']
		});
		expect(
			(await appError(getAttachment(as(w.otherAdmin), { ...ref(materialId), attachmentId }))).code
		).toBe('not_found');
		expect(
			(await appError(removeAttachment(as(w.member), { ...ref(materialId), attachmentId }))).code
		).toBe('not_found');
	});

	it(`at most ${MAX_ATTACHMENTS} files on one material`, async () => {
		const { materialId } = await create(w.member);
		const files = Array.from({ length: MAX_ATTACHMENTS + 1 }, (_, i) =>
			receivedFile(root, `f${i}.pdf`, tinyPdf(`f${i}`))
		);
		const error = await appError(
			attachFiles(as(w.member), { ...ref(materialId), files, maxGroupBytes })
		);
		expect((error as ValidationError).issues[0]).toMatchObject({ key: 'error_too_many_files' });
	});
});

describe('Word import', () => {
	it('fills the body with headings, lists, a table and the picture stored for this material', async () => {
		const { materialId } = await create(w.member);
		const result = await importWord(as(w.member), {
			...ref(materialId),
			docx: { bytes: await teacherDocx() }
		});
		expect(result.html).toContain('<h2>');
		expect(result.html).toContain('<table>');
		expect(result.html).toContain(TEACHER_TEXT.title);
		expect(result.html).toContain(TEACHER_TEXT.table[1]![0]);
		const img = /<img[^>]+src="([^"]+)"/.exec(result.html)?.[1];
		expect(img).toMatch(
			new RegExp(`^/groups/${w.groupId}/materials/${materialId}/images/[0-9a-f]{64}$`)
		);
		// Saving the imported body keeps the picture; a picture of another material would be dropped.
		await updateMaterial(as(w.member), edit(materialId, { body: result.html }));
		const saved = await getMaterial(as(w.member), ref(materialId));
		expect(saved.material.bodyHtml).toContain(img);
	});

	it('refuses a zip bomb quickly and a missing file clearly', async () => {
		const { materialId } = await create(w.member);
		const started = performance.now();
		const bomb = await appError(
			importWord(as(w.member), { ...ref(materialId), docx: { bytes: zipBombDocx() } })
		);
		expect(performance.now() - started).toBeLessThan(5000);
		expect(bomb.code).toBe('invalid');
		expect(
			(await appError(importWord(as(w.member), { ...ref(materialId), docx: null }))).field
		).toBe('docx');
	});
});

describe('a closed group (§3.6)', () => {
	it('keeps its materials readable and refuses every change', async () => {
		const materialId = await offered(w.member);
		await closeGroup(as(w.leader), { groupId: w.groupId, reason: 'Окуу жылы бүттү.' });
		expect((await getMaterial(as(w.admin), ref(materialId))).material.title).toBeTruthy();
		// One at a time: each refusal is awaited as soon as it is made.
		const refusals = [
			() => create(w.member),
			() => updateMaterial(as(w.member), edit(materialId)),
			() => addComment(as(w.leader), { ...ref(materialId), body: 'Кеч калдым' }),
			() => decideMaterial(as(w.leader), decide(materialId, { to: 'under_review' }))
		];
		for (const refusal of refusals)
			expect((await appError(refusal())).messageKey).toBe('error_group_closed');
	});
});

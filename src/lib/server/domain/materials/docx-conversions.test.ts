// Issue 16, finding 2: Word previews are converted once per file content (a refused file
// too), and conversions (imports, previews not yet cached) are limited per person and hour.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { paragraphFloodDocx, paragraphsDocx } from '../../richtext/hostile-docx';
import { stopConvertWorker } from '../../richtext/worker/convert';
import { teacherDocx } from '../../test/docx-fixtures';
import { appError } from '../../test/expect-error';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import { ctxWithStore, offeredMaterial, receivedFile, tempStore } from '../../test/materials';
import { useTestDatabase } from '../../test/vitest';
import type { AttachmentId, MaterialId } from '../ids';
import { attachFiles } from './attach-files';
import {
	conversionQuota,
	removeOldConversionEvents,
	takeConversion
} from '../../richtext/conversion-quota';
import { importWord } from './import-word';
import { previewAttachment } from './preview-attachment';
import { removeStalePreviews } from '../../richtext/preview-cache';

const t = useTestDatabase();
const { store, root } = tempStore();
let w: GroupWorld;
beforeEach(async () => {
	w = await makeGroupWorld(t.db);
});
afterAll(() => stopConvertWorker());

const as = (actor: Actor, now?: Date) => ctxWithStore(t.db, actor, store, now);

async function attachedDocx(bytes: Uint8Array) {
	const materialId = await offeredMaterial(t.db, store, w.member, w.groupId);
	await attachFiles(as(w.member), {
		groupId: w.groupId,
		materialId,
		files: [receivedFile(root, 'План.docx', bytes)],
		maxGroupBytes: 1024 * 1024 * 1024
	});
	const row = await t.db
		.selectFrom('materialAttachments')
		.select(['id', 'blobKey'])
		.where('materialId', '=', materialId)
		.executeTakeFirstOrThrow();
	return { materialId, attachmentId: row.id as AttachmentId, blobKey: row.blobKey };
}

const conversions = async (actor: Actor) =>
	(
		await t.db
			.selectFrom('rateEvents')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('key', '=', `import:user:${actor.id}`)
			.executeTakeFirstOrThrow()
	).n;

describe('Word previews are cached by content', () => {
	it('converts a file once: the second view, by anyone, reads the cache', async () => {
		const { materialId, attachmentId, blobKey } = await attachedDocx(await teacherDocx());
		const input = { groupId: w.groupId, materialId, attachmentId };
		const first = await previewAttachment(as(w.admin), input);
		expect(first.html).toContain('<h2>');
		expect(first.refusal).toBeNull();
		const row = await t.db
			.selectFrom('documentPreviews')
			.selectAll()
			.where('contentHash', '=', blobKey)
			.executeTakeFirstOrThrow();
		expect(row.html).toBe(first.html);
		const started = performance.now();
		const second = await previewAttachment(as(w.member), input);
		expect(performance.now() - started).toBeLessThan(500);
		expect(second).toEqual({ ...first, attachment: second.attachment });
		// Only the first viewer spent a conversion.
		expect(Number(await conversions(w.admin))).toBe(1);
		expect(Number(await conversions(w.member))).toBe(0);
	}, 60_000);

	it('remembers a refused file, so a hostile one costs a single conversion', async () => {
		const { materialId, attachmentId, blobKey } = await attachedDocx(paragraphFloodDocx(19));
		const input = { groupId: w.groupId, materialId, attachmentId };
		for (const viewer of [w.admin, w.member, w.leader]) {
			const preview = await previewAttachment(as(viewer), input);
			expect(preview.html).toBeNull();
			expect(preview.refusal).toMatchObject({ key: 'docx_error_too_many_paragraphs' });
		}
		const row = await t.db
			.selectFrom('documentPreviews')
			.selectAll()
			.where('contentHash', '=', blobKey)
			.executeTakeFirstOrThrow();
		expect(row.html).toBeNull();
		expect(Number(await conversions(w.admin))).toBe(1);
		expect(Number(await conversions(w.member)) + Number(await conversions(w.leader))).toBe(0);
	}, 60_000);

	it('removes previews nobody opened for 30 days and refusals after a day', async () => {
		const now = new Date();
		const day = 86_400_000;
		const old = new Date(now.getTime() - 31 * day);
		const yesterday = new Date(now.getTime() - 2 * day);
		await t.db
			.insertInto('documentPreviews')
			.values([
				{
					contentHash: 'a'.repeat(64),
					html: '<p>x</p>',
					warnings: '[]',
					createdAt: old,
					lastUsedAt: old
				},
				{
					contentHash: 'b'.repeat(64),
					html: '<p>y</p>',
					warnings: '[]',
					createdAt: old,
					lastUsedAt: now
				},
				{
					contentHash: 'c'.repeat(64),
					html: null,
					warnings: '[]',
					createdAt: yesterday,
					lastUsedAt: now
				}
			])
			.execute();
		await removeStalePreviews(t.db, now);
		const left = await t.db
			.selectFrom('documentPreviews')
			.select('contentHash')
			.where(
				'contentHash',
				'in',
				['a', 'b', 'c'].map((c) => c.repeat(64))
			)
			.execute();
		expect(left.map((r) => r.contentHash)).toEqual(['b'.repeat(64)]);
	});
});

describe('the hourly conversion quota', () => {
	it('refuses the conversion past the limit with 429 and Retry-After; the hour frees it', async () => {
		const now = new Date();
		for (let i = 0; i < conversionQuota.perPerson; i++)
			await takeConversion(t.db, w.member.id, now);
		const error = await appError(takeConversion(t.db, w.member.id, now));
		expect(error).toMatchObject({
			code: 'rate_limited',
			messageKey: 'docx_error_too_many_conversions',
			params: { max: conversionQuota.perPerson }
		});
		expect(error.retryAfterSeconds).toBeGreaterThan(3500);
		expect(error.retryAfterSeconds).toBeLessThanOrEqual(3600);
		// Another person has their own quota; an hour later the first one's is free again.
		await takeConversion(t.db, w.leader.id, now);
		const later = new Date(now.getTime() + conversionQuota.windowMs + 1000);
		await takeConversion(t.db, w.member.id, later);
		expect(await removeOldConversionEvents(t.db, later)).toBeGreaterThanOrEqual(
			conversionQuota.perPerson + 1
		);
		expect(Number(await conversions(w.member))).toBe(1);
	});

	it('lets no more than the limit through when requests race', async () => {
		const now = new Date();
		const results = await Promise.allSettled(
			Array.from({ length: 40 }, () => takeConversion(t.db, w.member.id, now))
		);
		const passed = results.filter((r) => r.status === 'fulfilled').length;
		expect(passed).toBe(conversionQuota.perPerson);
		for (const r of results)
			if (r.status === 'rejected')
				expect((r.reason as { messageKey: string }).messageKey).toBe(
					'docx_error_too_many_conversions'
				);
	});

	it('counts Word imports, and refuses the one past the limit before converting', async () => {
		const materialId = await offeredMaterial(t.db, store, w.member, w.groupId);
		const now = new Date();
		for (let i = 0; i < conversionQuota.perPerson; i++)
			await takeConversion(t.db, w.member.id, now);
		const error = await appError(
			importWord(as(w.member, now), {
				groupId: w.groupId,
				materialId: materialId as MaterialId,
				docx: { bytes: paragraphsDocx(3) }
			})
		);
		expect(error).toMatchObject({ code: 'rate_limited', field: 'docx' });
	});
});

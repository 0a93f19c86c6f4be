import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../access/actor';
import type { DB } from '../db/types';
import type { Ctx } from '../domain/context';
import {
	asId,
	type CriterionId,
	type GroupId,
	type MaterialId,
	type SubjectId
} from '../domain/ids';
import { createMaterial } from '../domain/materials/create-material';
import { listCriteria } from '../domain/materials/criteria';
import type { MaterialFieldsInput } from '../domain/materials/input';
import { offerMaterial } from '../domain/materials/offer-material';
import { saveReview } from '../domain/reviews/save-review';
import type { ReceivedFile } from '../files/receive';
import type { BlobStore } from '../storage/types';
import { createDiskStore } from '../storage/disk';
import { ctxOf } from './context';

/** A material's fields as a member fills them in, as the use cases take them. */
export const materialInput = (over: Partial<MaterialFieldsInput> = {}): MaterialFieldsInput => ({
	type: 'lesson_plan',
	title: 'Ата-мекен: 3-класска сабактын планы',
	language: 'ky',
	abstract: 'Оюн аркылуу окуу сабаттуулугун өнүктүрүү.',
	body: '<h2>Максат</h2><p>Окуучулар тексттен маалымат табышат.</p>',
	subjects: [asId<SubjectId>('kyrgyz-language')],
	grades: [3, 4],
	tags: ['окуу', 'оюн'],
	coauthors: [],
	...over
});

/** The same material as the form posts it (for requests to the running app). */
export const materialForm = (
	over: Record<string, string | string[]> = {}
): Record<string, string | string[]> => ({
	type: 'lesson_plan',
	title: 'Ата-мекен: 3-класска сабактын планы',
	language: 'ky',
	abstract: 'Оюн аркылуу окуу сабаттуулугун өнүктүрүү.',
	body: '<h2>Максат</h2><p>Окуучулар тексттен маалымат табышат.</p>',
	subjects: ['kyrgyz-language'],
	grades: ['3', '4'],
	tags: 'окуу, оюн',
	coauthors: [],
	...over
});

/** A use case's context whose files go to `store` (a test's temporary one). */
export function ctxWithStore(db: DB, actor: Actor, store: BlobStore, now?: Date): Ctx {
	return { ...ctxOf(db, actor, now), store };
}

/** A file store in a temporary folder, for one test file. */
export function tempStore() {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-files-'));
	return { store: createDiskStore(path.join(root, 'files')), root };
}

/** A file as the upload intake leaves it: in a temporary file, hashed. */
export function receivedFile(root: string, name: string, bytes: Uint8Array): ReceivedFile {
	const file = path.join(root, `upload-${Math.random().toString(36).slice(2)}`);
	fs.writeFileSync(file, bytes);
	return {
		field: 'files',
		name,
		declaredType: 'application/octet-stream',
		path: file,
		size: bytes.length,
		sha256: createHash('sha256').update(bytes).digest('hex')
	};
}

/** tiny.pdf: a small valid PDF (one page, one line of text), kept as a file. */
const tiny = fs.readFileSync(new URL('./tiny.pdf', import.meta.url));

/**
 * A small valid PDF. With `text`, the text follows the file's end as a PDF comment, so
 * different texts make different files (readers ignore what follows the end).
 */
export function tinyPdf(text?: string): Uint8Array {
	const tail = text === undefined ? [] : [Buffer.from(`%${text}\n`)];
	return new Uint8Array(Buffer.concat([tiny, ...tail]));
}

/** A member's material, created and offered (version 1). */
export async function offeredMaterial(
	db: DB,
	store: BlobStore,
	author: Actor,
	groupId: string,
	over: Partial<MaterialFieldsInput> = {}
): Promise<MaterialId> {
	const ctx = ctxWithStore(db, author, store);
	const group = asId<GroupId>(groupId);
	const { materialId } = await createMaterial(ctx, { groupId: group, ...materialInput(over) });
	await offerMaterial(ctx, { groupId: group, materialId });
	return materialId;
}

/** A review of a material giving every criterion in use the same score. */
export async function reviewEveryCriterion(
	ctx: Ctx,
	input: { groupId: string; materialId: MaterialId; score: number }
): Promise<void> {
	const groupId = asId<GroupId>(input.groupId);
	const criteria = await listCriteria(ctx.db, groupId, { activeOnly: true });
	await saveReview(ctx, {
		groupId,
		materialId: input.materialId,
		recommendation: 'accept',
		comment: 'Жакшы.',
		scores: Object.fromEntries(
			criteria.map((c) => [asId<CriterionId>(c.id), { score: input.score }])
		)
	});
}

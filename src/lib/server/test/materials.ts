import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '../access/actor';
import type { DB } from '../db/types';
import { createMaterial } from '../domain/materials/create-material';
import { offerMaterial } from '../domain/materials/offer-material';
import type { ReceivedFile } from '../files/receive';
import { createDiskStore } from '../storage/disk';

/** A material form as a member fills it in. */
export const materialForm = (over: Record<string, unknown> = {}) => ({
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
	files: ReturnType<typeof createDiskStore>,
	author: Actor,
	groupId: string,
	over: Record<string, unknown> = {}
): Promise<string> {
	const { materialId } = await createMaterial(db, files, author, groupId, materialForm(over));
	await offerMaterial(db, author, groupId, materialId);
	return materialId;
}

import { readFile } from 'node:fs/promises';
import { AppError } from '../errors';
import { DOCX_LIMITS } from './zip';
import type { BlobStore } from '../storage/types';
import { ValidationError } from '../validation';
import type { ReceivedFile } from './receive';
import { checkZipBudget, sniffFile, type FileKind } from './sniff';
import { makeThumbnail } from './thumbnail';

/** An uploaded file once its type is known and its bytes are in the store. */
export interface StoredFile {
	blobKey: string;
	name: string;
	mime: string;
	kind: string;
	size: number;
	hasThumbnail: boolean;
}

const zipKinds = new Set(['docx', 'pptx', 'xlsx', 'odt', 'odp', 'ods']);

/**
 * Decides each uploaded file's type by its content and puts its bytes in the store (with a
 * thumbnail for pictures). One bad file refuses them all, before anything is stored, so an
 * upload is never half-saved. Rows are the caller's to write.
 */
export async function storeReceived(
	files: BlobStore,
	received: ReceivedFile[]
): Promise<StoredFile[]> {
	const kinds: FileKind[] = [];
	for (const file of received) {
		const kind = await sniffFile(file.path);
		if (!kind)
			throw new ValidationError([
				{ field: 'files', key: 'error_file_type', params: { name: file.name } }
			]);
		kinds.push(kind);
	}
	// Office and ODF files are zips: a bomb or a broken one is refused now, not at preview.
	for (const [i, file] of received.entries())
		if (zipKinds.has(kinds[i]!.kind)) await checkZip(file);

	// Content-addressed, so a retry or a duplicate costs nothing.
	const stored: StoredFile[] = [];
	for (const [i, file] of received.entries()) {
		const kind = kinds[i]!;
		await files.putFile(file.sha256, file.path, kind.mime);
		const thumbnail = kind.category === 'image' ? await makeThumbnail(file.path) : null;
		if (thumbnail) await files.putBytes(`${file.sha256}.thumb`, thumbnail, 'image/webp');
		stored.push({
			blobKey: file.sha256,
			name: withExtension(file.name, kind.ext),
			mime: kind.mime,
			kind: kind.kind,
			size: file.size,
			hasThumbnail: thumbnail !== null
		});
	}
	return stored;
}

/** Limits of a zip-based attachment, as for a Word import. */
async function checkZip(file: ReceivedFile): Promise<void> {
	try {
		await checkZipBudget(new Uint8Array(await readFile(file.path)), DOCX_LIMITS);
	} catch (error) {
		if (!(error instanceof AppError)) throw error;
		throw new ValidationError([
			{ field: 'files', key: 'error_file_unreadable', params: { name: file.name } }
		]);
	}
}

/** "plan.pdf" that is really a Word file is saved as "plan.docx": the name tells the truth. */
export function withExtension(name: string, ext: string): string {
	const dot = name.lastIndexOf('.');
	const base = dot > 0 ? name.slice(0, dot) : name;
	const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
	const same = current === ext || (ext === 'jpg' && current === 'jpeg');
	return same ? name : `${base}.${ext}`;
}

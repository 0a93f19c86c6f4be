import { readFile } from 'node:fs/promises';
import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import { inTransaction, retryOnConflict } from '../../db/transaction';
import type { DB, MaterialAttachmentTable } from '../../db/types';
import { AppError } from '../../errors';
import type { ReceivedFile } from '../../files/receive';
import { checkZipBudget, sniffFile, type FileKind } from '../../files/sniff';
import { DOCX_LIMITS } from '../../richtext/import-docx';
import { makeThumbnail } from '../../files/thumbnail';
import type { BlobStore } from '../../storage/types';
import { ValidationError, type FieldIssue } from '../../validation';
import { canEditMaterial } from './policy';
import { assertEditable, materialAccess, touchEditable } from './queries';
import { newVersionIfOffered } from './versions';

export const MAX_ATTACHMENTS = 20;

export interface AttachLimits {
	/** All files of one group together (configuration MAX_GROUP_FILES_MB). */
	maxGroupBytes: number;
}

/**
 * Attaches uploaded files (already streamed to temporary files) to a material. Each file's
 * type is decided by its content; one bad file refuses the whole upload, so nothing is
 * half-saved. After offering, the new list of attachments is the next version.
 */
export async function attachFiles(
	db: DB,
	files: BlobStore,
	actor: Actor,
	groupId: string,
	materialId: string,
	received: ReceivedFile[],
	limits: AttachLimits,
	now = new Date()
): Promise<{ count: number }> {
	const access = await materialAccess(db, actor, groupId, materialId);
	assertEditable(canEditMaterial(actor, access, access.material.status), access);
	if (received.length === 0)
		throw new ValidationError([{ field: 'files', key: 'error_file_required' }]);

	const issues: FieldIssue[] = [];
	const kinds: FileKind[] = [];
	for (const file of received) {
		const kind = await sniffFile(file.path);
		if (!kind) issues.push({ field: 'files', key: 'error_file_type', params: { name: file.name } });
		else kinds.push(kind);
	}
	if (issues.length > 0) throw new ValidationError(issues.slice(0, 1));
	// Office and ODF files are zips: a bomb or a broken one is refused now, not at preview.
	for (const [i, file] of received.entries())
		if (zipKinds.has(kinds[i]!.kind)) await checkZip(file);

	// Bytes first (content-addressed, so a retry or a duplicate costs nothing), rows after.
	const rows: MaterialAttachmentTable[] = [];
	for (const [i, file] of received.entries()) {
		const kind = kinds[i]!;
		await files.putFile(file.sha256, file.path, kind.mime);
		const thumbnail = kind.category === 'image' ? await makeThumbnail(file.path) : null;
		if (thumbnail) await files.putBytes(`${file.sha256}.thumb`, thumbnail, 'image/webp');
		rows.push({
			id: newId(),
			materialId,
			blobKey: file.sha256,
			name: withExtension(file.name, kind.ext),
			mime: kind.mime,
			kind: kind.kind,
			size: file.size,
			hasThumbnail: thumbnail !== null,
			uploadedBy: actor.id,
			uploadedAt: now,
			removedAt: null
		});
	}
	await retryOnConflict(() =>
		inTransaction(db, async (trx) => {
			// Inside the write: the leader may have decided, or another upload filled the room.
			await touchEditable(trx, materialId, now);
			await assertRoom(trx, groupId, materialId, received, limits);
			await trx.insertInto('materialAttachments').values(rows).execute();
			await newVersionIfOffered(trx, materialId, actor.id, now);
		})
	);
	return { count: rows.length };
}

const zipKinds = new Set(['docx', 'pptx', 'xlsx', 'odt', 'odp', 'ods']);

/** Limits of a zip-based attachment, as for a Word import. */
async function checkZip(file: ReceivedFile): Promise<void> {
	try {
		checkZipBudget(new Uint8Array(await readFile(file.path)), DOCX_LIMITS);
	} catch (error) {
		if (!(error instanceof AppError)) throw error;
		throw new ValidationError([
			{ field: 'files', key: 'error_file_unreadable', params: { name: file.name } }
		]);
	}
}

/** The 20-file limit of a material and the group's space. */
async function assertRoom(
	db: DB,
	groupId: string,
	materialId: string,
	received: ReceivedFile[],
	limits: AttachLimits
): Promise<void> {
	const current = await db
		.selectFrom('materialAttachments')
		.select((eb) => eb.fn.countAll().as('count'))
		.where('materialId', '=', materialId)
		.where('removedAt', 'is', null)
		.executeTakeFirstOrThrow();
	if (Number(current.count) + received.length > MAX_ATTACHMENTS)
		throw new ValidationError([
			{ field: 'files', key: 'error_too_many_files', params: { max: MAX_ATTACHMENTS } }
		]);
	const used = await groupBytes(db, groupId);
	const adding = received.reduce((sum, f) => sum + f.size, 0);
	if (used + adding > limits.maxGroupBytes)
		throw new ValidationError([
			{
				field: 'files',
				key: 'error_group_quota',
				params: { max: Math.round(limits.maxGroupBytes / 1024 / 1024) }
			}
		]);
}

/**
 * Bytes the group's materials keep in the store: every file ever attached (versions keep
 * removed ones) and every body picture, each distinct file once.
 */
export async function groupBytes(db: DB, groupId: string): Promise<number> {
	const files = db
		.selectFrom('materialAttachments as a')
		.innerJoin('materials as m', 'm.id', 'a.materialId')
		.select(['a.blobKey', 'a.size'])
		.where('m.groupId', '=', groupId)
		.union(
			db
				.selectFrom('materialImages as i')
				.innerJoin('materials as m', 'm.id', 'i.materialId')
				.select(['i.blobKey', 'i.size'])
				.where('m.groupId', '=', groupId)
		);
	const row = await db
		.selectFrom(files.as('f'))
		.select((eb) => eb.fn.sum<number | string | null>('f.size').as('bytes'))
		.executeTakeFirst();
	return Number(row?.bytes ?? 0);
}

/** "plan.pdf" that is really a Word file is saved as "plan.docx": the name tells the truth. */
export function withExtension(name: string, ext: string): string {
	const dot = name.lastIndexOf('.');
	const base = dot > 0 ? name.slice(0, dot) : name;
	const current = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
	const same = current === ext || (ext === 'jpg' && current === 'jpeg');
	return same ? name : `${base}.${ext}`;
}

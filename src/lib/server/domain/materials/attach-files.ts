import { newId } from '../../db/ids';
import { inTransaction, retryOnConflict } from '../../db/transaction';
import type { DB, MaterialAttachmentTable } from '../../db/types';
import { storeReceived, type StoredFile } from '../../files/store-received';
import { validate, ValidationError } from '../../validation';
import type { Ctx } from '../context';
import { attachFilesInput, type AttachFilesInput, type AttachLimits } from './input';
import { canEditMaterial } from './policy';
import { assertEditable, materialAccess, touchEditable } from './queries';
import { newVersionIfOffered } from './versions';

export type { AttachLimits } from './input';

export const MAX_ATTACHMENTS = 20;

/**
 * Attaches uploaded files (already streamed to temporary files) to a material. Each file's
 * type is decided by its content; one bad file refuses the whole upload, so nothing is
 * half-saved. After offering, the new list of attachments is the next version.
 */
export async function attachFiles(
	{ db, actor, now, store }: Ctx,
	input: AttachFilesInput
): Promise<{ count: number }> {
	const access = await materialAccess(db, actor, input.groupId, input.materialId);
	assertEditable(canEditMaterial(actor, access, access.material.status), access);
	const { groupId, materialId } = validate(attachFilesInput, input);
	const received = input.files;
	if (received.length === 0)
		throw new ValidationError([{ field: 'files', key: 'error_file_required' }]);

	const stored = await storeReceived(store, received);
	await retryOnConflict(() =>
		inTransaction(db, async (trx) => {
			// Inside the write: the leader may have decided, or another upload filled the room.
			await touchEditable(trx, materialId, now);
			await insertAttachments(trx, { groupId, materialId, stored, actorId: actor.id, now }, input);
			await newVersionIfOffered(trx, materialId, actor.id, now);
		})
	);
	return { count: stored.length };
}

/**
 * Writes the rows of files already in the store (inside the caller's transaction), within
 * the material's 20 files and the group's space.
 */
export async function insertAttachments(
	trx: DB,
	target: { groupId: string; materialId: string; stored: StoredFile[]; actorId: string; now: Date },
	limits: AttachLimits
): Promise<string[]> {
	const { groupId, materialId, stored, actorId, now } = target;
	await assertRoom(trx, groupId, materialId, stored, limits);
	const rows: MaterialAttachmentTable[] = stored.map((file) => ({
		id: newId(),
		materialId,
		...file,
		uploadedBy: actorId,
		uploadedAt: now,
		removedAt: null
	}));
	if (rows.length > 0) await trx.insertInto('materialAttachments').values(rows).execute();
	return rows.map((row) => row.id);
}

/** The 20-file limit of a material and the group's space. */
async function assertRoom(
	db: DB,
	groupId: string,
	materialId: string,
	received: { size: number }[],
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
 * Bytes the group keeps in the store: every file ever attached to a material (versions keep
 * removed ones) or a proposal, every body picture, the evidence of its approbations and the
 * files given as answers to its forms, each distinct file once.
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
		)
		.union(
			db
				.selectFrom('proposalAttachments as pa')
				.innerJoin('proposals as p', 'p.id', 'pa.proposalId')
				.select(['pa.blobKey', 'pa.size'])
				.where('p.groupId', '=', groupId)
		)
		.union(
			db
				.selectFrom('approbationFiles as af')
				.innerJoin('approbations as ap', 'ap.id', 'af.approbationId')
				.select(['af.blobKey', 'af.size'])
				.where('ap.groupId', '=', groupId)
		)
		.union(
			db
				.selectFrom('formResponseFiles as rf')
				.innerJoin('formResponses as r', 'r.id', 'rf.responseId')
				.innerJoin('formVersions as v', 'v.id', 'r.formVersionId')
				.innerJoin('forms as fo', 'fo.id', 'v.formId')
				.select(['rf.blobKey', 'rf.size'])
				.where('fo.groupId', '=', groupId)
		);
	const row = await db
		.selectFrom(files.as('f'))
		.select((eb) => eb.fn.sum<number | string | null>('f.size').as('bytes'))
		.executeTakeFirst();
	return Number(row?.bytes ?? 0);
}

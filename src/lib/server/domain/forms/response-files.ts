import { newId } from '../../db/ids';
import type { DB, FormResponseFileTable } from '../../db/types';
import { AppError } from '../../errors';
import type { ReceivedFile } from '../../files/receive';
import { storeReceived } from '../../files/store-received';
import type { BlobStore } from '../../storage/types';
import { ValidationError, type FieldIssue } from '../../validation';
import { answerFieldName, type Answers } from './answers';
import { FORM_LIMITS, type FormField } from './fields';

// SHARED with domain/approbations: files given as answers to a form's file fields (posted as
// `answer_<key>`, streamed by web/uploads.ts). Their bytes go to the file store now; their
// rows are written with the response (writeResponseFiles), so an answer is never half-saved.

export type PreparedFile = Omit<FormResponseFileTable, 'responseId' | 'createdAt'>;

/**
 * Sorts the uploaded files by field, checks each field's count (with the files it keeps) and
 * stores them. Returns the rows to write and the answers' file ids (kept first, then new).
 */
export async function prepareResponseFiles(
	store: BlobStore,
	fields: FormField[],
	received: ReceivedFile[],
	kept: Answers
): Promise<{ rows: PreparedFile[]; ids: Record<string, string[]> }> {
	const issues: FieldIssue[] = [];
	const rows: PreparedFile[] = [];
	const ids: Record<string, string[]> = {};
	const fileFields = fields.filter((f) => f.type === 'file');
	const byName = new Map(fileFields.map((f) => [answerFieldName(f.key), f]));
	for (const file of received)
		if (!byName.has(file.field))
			issues.push({
				field: file.field || 'form',
				key: 'error_file_type',
				params: { name: file.name }
			});
	for (const field of fileFields) {
		const name = answerFieldName(field.key);
		const before = Array.isArray(kept[field.key]) ? (kept[field.key] as string[]) : [];
		const files = received.filter((f) => f.field === name);
		ids[field.key] = [...before];
		if (files.length === 0) continue;
		if (before.length + files.length > FORM_LIMITS.filesPerField) {
			issues.push({
				field: name,
				key: 'error_too_many_files',
				params: { max: FORM_LIMITS.filesPerField }
			});
			continue;
		}
		try {
			for (const stored of await storeReceived(store, files)) {
				const id = newId();
				rows.push({
					id,
					fieldKey: field.key,
					blobKey: stored.blobKey,
					name: stored.name,
					mime: stored.mime,
					size: stored.size
				});
				ids[field.key]!.push(id);
			}
		} catch (error) {
			// The store names the problem on 'files': it belongs to this question.
			if (!(error instanceof ValidationError)) throw error;
			issues.push(...error.issues.map((i) => ({ ...i, field: name })));
		}
	}
	if (issues.length > 0) throw new ValidationError(issues);
	return { rows, ids };
}

/** Writes the rows of the files prepared for a response (inside the caller's transaction). */
export async function writeResponseFiles(
	db: DB,
	responseId: string,
	rows: PreparedFile[],
	now: Date
): Promise<void> {
	if (rows.length === 0) return;
	await db
		.insertInto('formResponseFiles')
		.values(rows.map((r) => ({ ...r, responseId, createdAt: now })))
		.execute();
}

/** The names of a response's files, for showing them. */
export async function responseFileNames(
	db: DB,
	responseIds: string[]
): Promise<Map<string, { name: string; responseId: string }>> {
	if (responseIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('formResponseFiles')
		.select(['id', 'name', 'responseId'])
		.where('responseId', 'in', responseIds)
		.execute();
	return new Map(rows.map((r) => [r.id, { name: r.name, responseId: r.responseId }]));
}

/** One file of a response, or "not found". */
export async function responseFileOf(db: DB, responseId: string, fileId: string) {
	const file = await db
		.selectFrom('formResponseFiles')
		.selectAll()
		.where('id', '=', fileId)
		.where('responseId', '=', responseId)
		.executeTakeFirst();
	if (!file) throw new AppError('not_found', 'forms_error_file_not_found');
	return file;
}

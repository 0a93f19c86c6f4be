import { AppError } from '../errors';
import { validate } from '../validation';
import { recordSecurityEvent } from '../security/events';
import type { Ctx } from '../domain/context';
import { photoBlobKey, photoSizes } from '../domain/accounts/photos';
import { findUserById } from '../domain/accounts/queries';
import { BlobNotFoundError, type BlobStore } from '../storage/types';
import { exportPersonalDataInput, type ExportPersonalDataInput } from './input';
import { camel, loose, type LooseRow } from './loose';
import { canExportDataOf } from './policy';
import { isPersonal, personalDataTables } from './tables';

/** A table's rows beyond this are left out, and the file says so (a person's own rows are far fewer). */
export const EXPORT_ROWS_PER_TABLE = 10_000;

export interface PersonalDataExport {
	format: 'ustat-personal-data/1';
	exportedAt: string;
	userId: string;
	/** Every declared table's rows about the person, secrets and hashes left out. */
	tables: Record<string, LooseRow[]>;
	/** Tables cut at EXPORT_ROWS_PER_TABLE. */
	truncated: string[];
	/** Tables with rows about the person that are not in the file, and why. */
	notExported: Record<string, string>;
	/**
	 * The profile photo itself, in the file (base64): the person gets the picture, not an
	 * address that needs a session and ends with the photo. The 256 px WebP is all that is
	 * kept (the upload is not); about 10–30 KB.
	 */
	photo: { mime: 'image/webp'; width: number; height: number; base64: string } | null;
}

/**
 * A person's data as one JSON document: what the law gives them the right to receive. The
 * person asks for their own; an admin of their school (or the operator) for a request.
 */
export async function exportPersonalData(
	{ db, actor, now, store }: Ctx,
	input: ExportPersonalDataInput
): Promise<PersonalDataExport> {
	const user = await findUserById(db, input.userId);
	if (!user || !canExportDataOf(actor, user)) throw new AppError('not_found', 'error_not_found');
	const { userId } = validate(exportPersonalDataInput, input);

	const result: PersonalDataExport = {
		format: 'ustat-personal-data/1',
		exportedAt: now.toISOString(),
		userId,
		tables: {},
		truncated: [],
		notExported: {},
		photo: user.photoKey ? await photoOf(store, user.photoKey) : null
	};
	for (const [table, declaration] of Object.entries(personalDataTables)) {
		if (!isPersonal(declaration)) continue;
		if (declaration.noExport) {
			result.notExported[table] = declaration.noExport;
			continue;
		}
		const matches: [string, string][] = [
			...declaration.keys.map((c): [string, string] => [camel(c), userId]),
			...(declaration.emailKeys ?? []).map((c): [string, string] => [camel(c), user.email])
		];
		if (matches.length === 0) continue;
		const rows = await loose(db)
			.selectFrom(camel(table))
			.selectAll()
			.where((eb) => eb.or(matches.map(([column, value]) => eb(column, '=', value))))
			.limit(EXPORT_ROWS_PER_TABLE + 1)
			.execute();
		if (rows.length === 0) continue;
		if (rows.length > EXPORT_ROWS_PER_TABLE) result.truncated.push(table);
		const secret = new Set((declaration.secret ?? []).map(camel));
		result.tables[table] = rows
			.slice(0, EXPORT_ROWS_PER_TABLE)
			.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => !secret.has(k))));
	}
	await db.transaction().execute((trx) =>
		recordSecurityEvent(
			trx,
			{
				kind: 'personal_data_exported',
				userId,
				actorId: actor.id === userId ? null : actor.id,
				schoolId: user.schoolId,
				ip: input.ip
			},
			now
		)
	);
	return result;
}

/** The stored 256 px photo as base64; null when its file is missing. */
async function photoOf(store: BlobStore, photoKey: string): Promise<PersonalDataExport['photo']> {
	try {
		const chunks: Buffer[] = [];
		for await (const chunk of await store.read(photoBlobKey(photoKey, 'large')))
			chunks.push(chunk as Buffer);
		return {
			mime: 'image/webp',
			width: photoSizes.large.px,
			height: photoSizes.large.px,
			base64: Buffer.concat(chunks).toString('base64')
		};
	} catch (err) {
		if (err instanceof BlobNotFoundError) return null;
		throw err;
	}
}

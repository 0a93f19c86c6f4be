import type { DB } from '../db/types';
import type { ImportWarning } from './import-docx';

/** A preview as kept: HTML with warnings, or no HTML and the reason the file was refused. */
export type CachedPreview =
	| { html: string; warnings: ImportWarning[]; refusal: null }
	| { html: null; warnings: []; refusal: ImportWarning };

const DAY = 86_400_000;
/** A preview nobody opened for this long is removed (made again on the next view). */
export const PREVIEW_KEEP_DAYS = 30;
/** A refusal is kept a day: a time-out on a busy server deserves another try later. */
export const REFUSAL_KEEP_DAYS = 1;

/** The preview of the file with this content (SHA-256), marked as used; null if none yet. */
export async function cachedPreview(
	db: DB,
	contentHash: string,
	now: Date
): Promise<CachedPreview | null> {
	const row = await db
		.selectFrom('documentPreviews')
		.select(['html', 'warnings'])
		.where('contentHash', '=', contentHash)
		.executeTakeFirst();
	if (!row) return null;
	// One write a day at most per file, not one per view.
	await db
		.updateTable('documentPreviews')
		.set({ lastUsedAt: now })
		.where('contentHash', '=', contentHash)
		.where('lastUsedAt', '<', new Date(now.getTime() - DAY))
		.execute();
	const warnings = JSON.parse(row.warnings) as ImportWarning[];
	if (row.html === null)
		return {
			html: null,
			warnings: [],
			refusal: warnings[0] ?? { key: 'error_preview_unavailable' }
		};
	return { html: row.html, warnings, refusal: null };
}

/** Keeps a preview (or a refusal); a parallel view that stored it first wins. */
export async function storePreview(
	db: DB,
	contentHash: string,
	preview: CachedPreview,
	now: Date
): Promise<void> {
	await db
		.insertInto('documentPreviews')
		.values({
			contentHash,
			html: preview.html,
			warnings: JSON.stringify(preview.html === null ? [preview.refusal] : preview.warnings),
			createdAt: now,
			lastUsedAt: now
		})
		.onConflict((oc) => oc.column('contentHash').doNothing())
		.execute();
}

/** Removes previews unused for PREVIEW_KEEP_DAYS and refusals older than REFUSAL_KEEP_DAYS. */
export async function removeStalePreviews(db: DB, now = new Date()): Promise<number> {
	const unused = await db
		.deleteFrom('documentPreviews')
		.where('lastUsedAt', '<', new Date(now.getTime() - PREVIEW_KEEP_DAYS * DAY))
		.executeTakeFirst();
	const refused = await db
		.deleteFrom('documentPreviews')
		.where('html', 'is', null)
		.where('createdAt', '<', new Date(now.getTime() - REFUSAL_KEEP_DAYS * DAY))
		.executeTakeFirst();
	return Number(unused.numDeletedRows) + Number(refused.numDeletedRows);
}

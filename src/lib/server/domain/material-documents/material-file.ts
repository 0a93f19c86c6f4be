import { createHash } from 'node:crypto';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { RenderError } from '../../export/collection/render';
import { safeFileName } from '../../files/names';
import { log } from '../../log';
import type { BlobStore } from '../../storage/types';
import type { VersionSnapshot } from '../materials/versions';
import { materialDocumentModel, toMaterialDocument } from './model';
import { renderMaterialDocument } from './render';

// A version of a material never changes, so neither does its document: it is rendered once
// per (material, version, format, renderer) and kept in the file store, and material_renders
// remembers where. Raise MATERIAL_RENDERER when the layout changes: older files are made again.

/** The layout's revision (2: the title block's details and the attachments list). */
export const MATERIAL_RENDERER = 2;

export type MaterialFormat = 'docx' | 'pdf';

export const MATERIAL_MIME: Record<MaterialFormat, string> = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	pdf: 'application/pdf'
};

export interface MaterialFile {
	/** The blob in the file store. */
	key: string;
	size: number;
	/** The download name: "Title (v2).pdf", safe for every system. */
	name: string;
	mime: string;
}

/** The download name of a material's document. */
export function materialFileName(title: string, versionNumber: number, format: MaterialFormat) {
	return safeFileName(`${title.slice(0, 120)} (v${versionNumber}).${format}`);
}

/** Renders in progress in this process: two requests for the same file wait for one render. */
const rendering = new Map<string, Promise<{ key: string; size: number }>>();

/** How many documents this process has rendered (for tests: a cached file is not rendered). */
export const renderCount = { value: 0 };

async function readBlob(store: BlobStore, key: string): Promise<Uint8Array> {
	const chunks: Buffer[] = [];
	for await (const chunk of await store.read(key)) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

async function render(
	db: DB,
	store: BlobStore,
	input: { materialId: string; versionNumber: number; format: MaterialFormat },
	timeoutMs?: number
): Promise<{ key: string; size: number }> {
	const model = await materialDocumentModel(db, {
		materialId: input.materialId,
		versionNumber: input.versionNumber
	});
	renderCount.value++;
	let bytes: Uint8Array;
	try {
		bytes = await renderMaterialDocument(
			toMaterialDocument(model),
			model.images,
			input.format,
			(key) => readBlob(store, key),
			timeoutMs
		);
	} catch (error) {
		if (!(error instanceof RenderError)) throw error;
		log.error({ err: error, ...input }, 'material document not rendered');
		throw new AppError('conflict', 'documents_error_render');
	}
	const key = createHash('sha256').update(bytes).digest('hex');
	await store.putBytes(key, bytes, MATERIAL_MIME[input.format]);
	const row = {
		materialId: input.materialId,
		versionNumber: input.versionNumber,
		format: input.format,
		renderer: MATERIAL_RENDERER,
		blobKey: key,
		size: bytes.length,
		renderedAt: new Date()
	};
	await db
		.insertInto('materialRenders')
		.values(row)
		.onConflict((oc) =>
			oc
				.columns(['materialId', 'versionNumber', 'format', 'renderer'])
				.doUpdateSet({ blobKey: key, size: bytes.length, renderedAt: row.renderedAt })
		)
		.execute();
	return { key, size: bytes.length };
}

/**
 * A version's DOCX or PDF: the stored render when there is one (and its file is still in the
 * store), else rendered now, off the request thread, and kept. No access check: the caller
 * decides who may have which version. 404 for an unknown material or version; 409 when the
 * render fails (the message asks to try again later).
 */
export async function materialFile(
	{ db, store }: { db: DB; store: BlobStore },
	input: {
		materialId: string;
		versionNumber: number;
		format: MaterialFormat;
		/** The render's time-out (default MATERIAL_RENDER_TIMEOUT_MS). */
		timeoutMs?: number;
	}
): Promise<MaterialFile> {
	const version = await db
		.selectFrom('materialVersions')
		.select('snapshot')
		.where('materialId', '=', input.materialId)
		.where('number', '=', input.versionNumber)
		.executeTakeFirst();
	if (!version) throw new AppError('not_found', 'error_material_not_found');
	const { title } = JSON.parse(version.snapshot) as VersionSnapshot;
	const describe = (file: { key: string; size: number }): MaterialFile => ({
		key: file.key,
		size: Number(file.size),
		name: materialFileName(title, input.versionNumber, input.format),
		mime: MATERIAL_MIME[input.format]
	});

	const stored = await db
		.selectFrom('materialRenders')
		.select(['blobKey', 'size'])
		.where('materialId', '=', input.materialId)
		.where('versionNumber', '=', input.versionNumber)
		.where('format', '=', input.format)
		.where('renderer', '=', MATERIAL_RENDERER)
		.executeTakeFirst();
	if (stored && (await store.size(stored.blobKey)) !== null)
		return describe({ key: stored.blobKey, size: stored.size });

	const id = `${input.materialId}:${input.versionNumber}:${input.format}`;
	let pending = rendering.get(id);
	if (!pending) {
		pending = render(db, store, input, input.timeoutMs).finally(() => rendering.delete(id));
		rendering.set(id, pending);
	}
	return describe(await pending);
}

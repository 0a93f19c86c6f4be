import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkers } from '../../../../../scripts/build-workers.js';
import type { CollectionModel, ImageSource } from './model.js';
import { RenderError, renderCollection, WORKER_FILE, type RenderedCollection } from './render.js';
import { syntheticCollection } from './synthetic.js';
import { readDocx } from './testing.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
// Under node_modules, so that the bundle's external packages resolve as they do in build/.
const scratch = path.join(root, 'node_modules', '.cache');
const UNREADABLE = 'f'.repeat(64);

let model: CollectionModel;
let readImage: ImageSource;
let workersDir: string;

beforeAll(async () => {
	const synthetic = await syntheticCollection(10);
	// A picture the file store has lost: left out and counted.
	model = {
		...synthetic.model,
		images: [...synthetic.model.images, { key: UNREADABLE, mime: 'image/png' }]
	};
	readImage = synthetic.readImage;
	await mkdir(scratch, { recursive: true });
	workersDir = await mkdtemp(path.join(scratch, 'ustat-workers-'));
});

afterAll(async () => {
	await rm(workersDir, { recursive: true, force: true });
});

async function withWorkersDir<T>(directory: string | undefined, run: () => Promise<T>): Promise<T> {
	const saved = process.env.USTAT_WORKERS_DIR;
	if (directory === undefined) delete process.env.USTAT_WORKERS_DIR;
	else process.env.USTAT_WORKERS_DIR = directory;
	try {
		return await run();
	} finally {
		if (saved === undefined) delete process.env.USTAT_WORKERS_DIR;
		else process.env.USTAT_WORKERS_DIR = saved;
	}
}

function expectDocuments(result: RenderedCollection) {
	expect(Buffer.from(result.docx.subarray(0, 2)).toString()).toBe('PK');
	expect(Buffer.from(result.pdf.subarray(0, 5)).toString()).toBe('%PDF-');
	expect(result.pdfPages).toBeGreaterThan(10);
	expect(result.docxMs).toBeGreaterThan(0);
	expect(result.pdfMs).toBeGreaterThan(0);
	expect(result.droppedImages).toBe(1);
	const titles = model.sections.flatMap((section) => section.items.map((item) => item.title));
	const text = readDocx(result.docx).text;
	for (const title of titles) expect(text).toContain(title);
	// Item 10's picture made it.
	expect(
		Object.keys(readDocx(result.docx).files).some((name) => name.startsWith('word/media/'))
	).toBe(true);
}

describe('renderCollection', () => {
	it('renders in a worker from the TypeScript sources, leaving the main thread free', async () => {
		const progress: number[] = [];
		let ticks = 0;
		const timer = setInterval(() => ticks++, 10);
		const started = Date.now();
		const result = await withWorkersDir(undefined, () =>
			renderCollection(model, readImage, { onProgress: (percent) => progress.push(percent) })
		).finally(() => clearInterval(timer));
		expectDocuments(result);
		expect(progress).toEqual([15, 40, 100]);
		// The event loop kept turning while the worker worked.
		expect(ticks).toBeGreaterThan((Date.now() - started) / 10 / 4);
	});

	it('renders with the worker bundled by scripts/build-workers.js', async () => {
		await buildWorkers(workersDir);
		expect((await stat(path.join(workersDir, WORKER_FILE))).size).toBeGreaterThan(1000);
		const result = await withWorkersDir(workersDir, () => renderCollection(model, readImage));
		expectDocuments(result);
	});

	it('times out', async () => {
		const error = await withWorkersDir(undefined, () =>
			renderCollection(model, readImage, { timeoutMs: 1 })
		).catch((error: unknown) => error);
		expect(error).toBeInstanceOf(RenderError);
		expect((error as RenderError).code).toBe('render_timeout');
		// Reading the pictures counts too.
		const hanging = await renderCollection(model, () => new Promise<Uint8Array>(() => {}), {
			timeoutMs: 50
		}).catch((error: unknown) => error);
		expect((hanging as RenderError).code).toBe('render_timeout');
	});

	it('reports a worker that cannot start as crashed', async () => {
		const empty = await mkdtemp(path.join(scratch, 'ustat-no-workers-'));
		try {
			const error = await withWorkersDir(empty, () => renderCollection(model, readImage)).catch(
				(error: unknown) => error
			);
			expect(error).toBeInstanceOf(RenderError);
			expect((error as RenderError).code).toBe('render_crashed');
		} finally {
			await rm(empty, { recursive: true, force: true });
		}
	});
});

import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

// Starting one of the app's worker threads (collection render, material render, Word
// conversion): the bundle `npm run build` made in USTAT_WORKERS_DIR, or in development and
// tests the TypeScript source run through tsx.
const SOURCE_BOOTSTRAP =
	"const { workerData } = require('node:worker_threads'); require(workerData.tsx); require(workerData.entry);";

export function startWorkerThread(worker: {
	/** The bundle's file name in USTAT_WORKERS_DIR (scripts/build-workers.js). */
	builtFile: string;
	/** The source module: `new URL(variable, import.meta.url)` in the caller. */
	source: URL;
	resourceLimits: ResourceLimits;
}): Worker {
	const { resourceLimits } = worker;
	const directory = process.env.USTAT_WORKERS_DIR;
	if (directory) return new Worker(path.join(directory, worker.builtFile), { resourceLimits });
	const entry = fileURLToPath(worker.source);
	const tsx = createRequire(import.meta.url).resolve('tsx/cjs');
	return new Worker(SOURCE_BOOTSTRAP, { eval: true, workerData: { tsx, entry }, resourceLimits });
}

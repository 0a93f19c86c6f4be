import { startWorkerThread } from '../../worker-thread';
// Converts Word files (import into a material, preview of an attachment) in a worker thread
// with time and memory limits, so a hostile file can never hold up the thread that serves web
// requests. One warm worker takes the files one at a time; a file that runs past the time
// limit or the memory limit ends the worker (the person gets a translated refusal) and the
// next file gets a fresh one.
//
// The worker's code: in production scripts/build-workers.js bundles convert-worker.ts into
// $USTAT_WORKERS_DIR/convert-docx.mjs; without it (tests, `vite dev`) the TypeScript source
// runs through tsx's CommonJS hook, as for the other workers.
import { Worker } from 'node:worker_threads';
import { AppError } from '../../errors';
import { log } from '../../log';
import type { DocxLimits } from '../docx-guard';
import type { DocxImport } from '../import-docx';
import type { ConvertReply, ConvertRequest } from './convert-worker';

export const CONVERT_WORKER_FILE = 'convert-docx.mjs';
/** An ordinary 20-page lesson plan converts in well under a second; 20 s is the ceiling. */
export const CONVERT_TIMEOUT_MS = 20_000;
/** The worker's heap: mammoth holds the parsed XML several times its size. */
export const CONVERT_MEMORY_MB = 512;
/** Files waiting for the worker beyond this are refused ("busy, try again"), not queued. */
export const CONVERT_MAX_WAITING = 8;
/** A worker left idle this long is ended; the next file starts a new one. */
const IDLE_MS = 5 * 60_000;

// A larger young generation: mammoth makes many short-lived objects.
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: CONVERT_MEMORY_MB, maxYoungGenerationSizeMb: 64 };
/** A variable, not a literal in `new URL(…)`: Vite would otherwise take the source for an asset. */
const WORKER_SOURCE = './convert-worker.ts';

function startWorker(): Worker {
	return startWorkerThread({
		builtFile: CONVERT_WORKER_FILE,
		source: new URL(WORKER_SOURCE, import.meta.url),
		resourceLimits: RESOURCE_LIMITS
	});
}

export interface ConvertOptions {
	timeoutMs?: number;
	/** Lower limits (tests). */
	limits?: DocxLimits;
}

interface Job {
	request: Omit<ConvertRequest, 'id'>;
	timeoutMs: number;
	resolve: (value: DocxImport) => void;
	reject: (error: unknown) => void;
}

const tooSlow = (timeoutMs: number) =>
	new AppError('invalid', 'docx_error_too_slow', {
		field: 'docx',
		params: { seconds: Math.ceil(timeoutMs / 1000) }
	});
const tooMuchMemory = () =>
	new AppError('invalid', 'docx_error_too_much_memory', {
		field: 'docx',
		params: { max: CONVERT_MEMORY_MB }
	});

let worker: Worker | null = null;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let running = false;
let nextId = 1;
const waiting: Job[] = [];

function endWorker() {
	const ending = worker;
	worker = null;
	if (ending) {
		ending.removeAllListeners();
		// An ended worker reports nothing more; errors while ending are of no interest.
		ending.on('error', () => {});
		void ending.terminate();
	}
}

function runNext() {
	if (running) return;
	const job = waiting.shift();
	if (!job) {
		clearTimeout(idleTimer);
		idleTimer = setTimeout(endWorker, IDLE_MS);
		idleTimer.unref();
		return;
	}
	clearTimeout(idleTimer);
	running = true;
	let current: Worker;
	try {
		current = worker ??= startWorker();
		current.unref();
	} catch (error) {
		running = false;
		job.reject(error);
		runNext();
		return;
	}
	const id = nextId++;
	let settled = false;
	const finish = (outcome: { value: DocxImport } | { error: unknown }, end = false) => {
		if (settled) return;
		settled = true;
		clearTimeout(timer);
		current.off('message', onMessage);
		current.off('error', onError);
		current.off('exit', onExit);
		if (end && worker === current) endWorker();
		running = false;
		if ('value' in outcome) job.resolve(outcome.value);
		else job.reject(outcome.error);
		runNext();
	};
	const onMessage = (reply: ConvertReply) => {
		if (reply.id !== id) return;
		if (reply.type === 'done')
			finish({ value: { html: reply.html, images: reply.images, warnings: reply.warnings } });
		else if (reply.type === 'refused')
			finish({
				error: new AppError('invalid', reply.key, { field: 'docx', params: reply.params })
			});
		// mammoth failed on the file in a way we did not foresee: for the person, it is unreadable.
		else finish({ error: new AppError('invalid', 'error_docx_corrupt', { field: 'docx' }) });
	};
	const onError = (error: Error & { code?: string }) => {
		const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
		// Not the file's fault (the worker's code failed to load, say): the operator must know.
		if (!outOfMemory) log.error({ err: error }, 'docx conversion worker failed');
		finish(
			{
				error: outOfMemory
					? tooMuchMemory()
					: new AppError('invalid', 'error_docx_corrupt', { field: 'docx' })
			},
			true
		);
	};
	const onExit = () => finish({ error: tooMuchMemory() }, true);
	const timer = setTimeout(() => finish({ error: tooSlow(job.timeoutMs) }, true), job.timeoutMs);
	current.on('message', onMessage);
	current.on('error', onError);
	current.on('exit', onExit);
	// A copy of the upload is handed over; the caller's bytes stay usable.
	const bytes = job.request.bytes.slice();
	current.postMessage({ ...job.request, bytes, id } satisfies ConvertRequest, [
		bytes.buffer as ArrayBuffer
	]);
}

/**
 * Converts a .docx in the worker: sanitized HTML, pictures (as bytes for an import, inline for
 * a preview) and warnings. Throws AppError (field "docx"): a limit of docx-guard.ts, the time
 * or memory limit, error_docx_corrupt, or rate_limited "busy" when too many files wait.
 */
export function convertDocx(
	bytes: Uint8Array,
	mode: 'import' | 'preview',
	options: ConvertOptions = {}
): Promise<DocxImport> {
	if (waiting.length >= CONVERT_MAX_WAITING)
		return Promise.reject(
			new AppError('rate_limited', 'docx_error_busy', { field: 'docx', retryAfterSeconds: 30 })
		);
	return new Promise<DocxImport>((resolve, reject) => {
		waiting.push({
			request: { mode, bytes, ...(options.limits ? { limits: options.limits } : {}) },
			timeoutMs: options.timeoutMs ?? CONVERT_TIMEOUT_MS,
			resolve,
			reject
		});
		runNext();
	});
}

/** Ends the warm worker (tests, shutdown). */
export function stopConvertWorker() {
	clearTimeout(idleTimer);
	endWorker();
}

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../db/connect';
import { adminQuery, copySqliteTemplate, createPostgresDatabase, databaseUrlOf } from './db';

const root = path.resolve(import.meta.dirname, '../../../..');

/**
 * The servers this test file started, and how much of each one's output has been shown or
 * passed over. What a server prints stays in memory (for assertions on logs); when a test of
 * the file fails, what its servers printed during that test is shown with the failure.
 */
const started = new Map<string, { output: () => string; seen: number; stopped: boolean }>();

// Registered when a test file imports this module, so on that file's tests (not in a bench,
// which starts servers outside Vitest).
if (process.env.VITEST)
	afterEach((context) => {
		const failed = context.task.result?.state === 'fail';
		for (const [url, server] of started) {
			const output = server.output();
			const fresh = output.slice(server.seen).trimEnd();
			server.seen = output.length;
			if (failed && fresh)
				console.error(`── output of the app server at ${url} during the test ──\n${fresh}`);
			if (server.stopped) started.delete(url);
		}
	});

export interface TestServer {
	url: string;
	db: DatabaseHandle['db'];
	/** The PostgreSQL database made for this server (undefined on SQLite). */
	databaseName?: string;
	/** The server's data folder (its files live in `files/`). */
	dataDir: string;
	process: ChildProcess;
	/** Everything the server printed, for assertions on logs. */
	output: () => string;
	stop(): Promise<number | null>;
}

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/**
 * Starts the built app (`npm start` without the build step) on a fresh database, as a real
 * process on a real port. The returned `db` opens the same database for test fixtures.
 */
export async function startTestServer(
	options: { env?: Record<string, string>; dataDir?: string; databaseUrl?: string } = {}
): Promise<TestServer> {
	if (!fs.existsSync(path.join(root, 'build', 'index.js')))
		throw new Error('No build: run `npm run build` first (`npm test` does it).');
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-srv-'));
	// A fresh server starts on a copy of the run's template (db.ts), so its start skips the
	// migrations; a folder given by the test is used as it is (e.g. empty, to see migrations).
	if (!options.dataDir && !options.databaseUrl) copySqliteTemplate(dataDir);
	let databaseUrl = options.databaseUrl;
	let dropDatabase: (() => Promise<void>) | undefined;
	let databaseName: string | undefined;
	const adminUrl = process.env.TEST_DATABASE_URL;
	if (!databaseUrl && adminUrl) {
		const name = `ustat_t_${randomBytes(5).toString('hex')}`;
		databaseName = name;
		await createPostgresDatabase(adminUrl, name);
		databaseUrl = databaseUrlOf(adminUrl, name);
		dropDatabase = () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
	}

	const child = spawn(process.execPath, ['scripts/start.js'], {
		cwd: root,
		env: {
			PATH: process.env.PATH,
			USTAT_SKIP_BUILD: '1',
			PORT: String(port),
			HOST: '127.0.0.1',
			BASE_URL: url,
			DATA_DIR: dataDir,
			// Inside the throwaway data folder here; a real install keeps them apart (docs/operations.md).
			KEY_DIR: path.join(dataDir, 'keys'),
			LOG_LEVEL: 'info',
			...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
			...options.env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => resolve(code))
	);

	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
		const check = () => {
			if (output.includes('Listening on')) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout!.on('data', check);
		void exited.then((code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}:\n${output}`));
		});
	});

	const handle = openDatabase({ databaseUrl, dataDir, poolSize: 3 });
	const shown = { output: () => output, seen: 0, stopped: false };
	started.set(url, shown);
	return {
		url,
		db: handle.db,
		databaseName,
		dataDir,
		process: child,
		output: () => output,
		async stop() {
			if (child.exitCode === null) child.kill('SIGTERM');
			const code = await exited;
			shown.stopped = true;
			await handle.close();
			if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
			await dropDatabase?.();
			return code;
		}
	};
}

export interface Call {
	method?: string;
	cookie?: string;
	/** Form fields, sent as application/x-www-form-urlencoded like a browser without JS. */
	form?: Record<string, string | string[]>;
	/** A multipart body, as a browser sends a form with files. */
	multipart?: FormData;
	headers?: Record<string, string>;
}

/** A browser-like request: HTML accepted, redirects not followed, Origin set on POST. */
export async function call(
	server: TestServer,
	pathname: string,
	init: Call = {}
): Promise<Response> {
	const method = init.method ?? (init.form || init.multipart ? 'POST' : 'GET');
	const headers: Record<string, string> = { accept: 'text/html', ...init.headers };
	if (init.cookie) headers.cookie = init.cookie;
	let body: string | Uint8Array<ArrayBuffer> | undefined;
	if (init.multipart) {
		// Encoded first, so that the request has a Content-Length as a browser's does.
		const encoded = new Response(init.multipart);
		body = new Uint8Array(await encoded.arrayBuffer());
		headers['content-type'] = encoded.headers.get('content-type')!;
	}
	if (init.form) {
		const params = new URLSearchParams();
		for (const [key, value] of Object.entries(init.form))
			for (const v of Array.isArray(value) ? value : [value]) params.append(key, v);
		body = params.toString();
		headers['content-type'] = 'application/x-www-form-urlencoded';
	}
	if (method !== 'GET' && method !== 'HEAD') headers.origin ??= server.url;
	return fetch(server.url + pathname, { method, headers, body, redirect: 'manual' });
}

/** The value of a Set-Cookie in a response, as "name=value" for the next request. */
export function cookieFrom(response: Response, name: string): string | undefined {
	for (const header of response.headers.getSetCookie()) {
		const [pair] = header.split(';');
		if (pair?.startsWith(`${name}=`)) return pair;
	}
	return undefined;
}

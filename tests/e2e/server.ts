import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

// App servers for the browser tests: the built app (`scripts/start.js` without the build
// step) in a clean environment, on SQLite in `.tmp/e2e-<name>` or, when TEST_DATABASE_URL is
// set, on a PostgreSQL database `ustat_e2e_<name>`. Each test's server starts from a copy of
// the run's template (a deployment migrated but not set up, made once by global-setup.ts), so
// it skips the migrations. What a server prints is kept in memory: fixtures.ts shows it only
// when its test fails.

export const root = path.resolve(import.meta.dirname, '../..');

export interface App {
	/** The server's origin, e.g. http://127.0.0.1:40123. */
	readonly url: string;
	readonly name: string;
	/** Everything the server printed so far. */
	log(): string;
	/** Stops the server and removes its data (folder, PostgreSQL database). */
	stop(): Promise<void>;
	/** Stops the server and keeps its data (for the template). */
	halt(): Promise<void>;
}

/** The run's template: its name is known to the workers through E2E_RUN. */
export const templateName = (run: string) => `${run}_template`;
export const dataDirOf = (name: string) => path.join(root, '.tmp', `e2e-${name}`);
export const databaseOf = (name: string) => `ustat_e2e_${name}`;

/** Servers still running in this process: killed at exit, so none outlives its worker. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
	for (const child of running) child.kill('SIGKILL');
});

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/** Statements on the PostgreSQL server of TEST_DATABASE_URL (outside any test database). */
export async function postgres(statements: string[]): Promise<void> {
	const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
	await client.connect();
	try {
		for (const statement of statements) await client.query(statement);
	} finally {
		await client.end();
	}
}

function databaseUrl(database: string): string {
	const url = new URL(process.env.TEST_DATABASE_URL!);
	url.pathname = `/${database}`;
	return url.toString();
}

/**
 * Starts the app on the data of `name` (a-z, 0-9, _): a fresh copy of the template `from`,
 * or — without `from` — empty (the template itself is made so).
 */
export async function startApp(
	name: string,
	from?: string,
	settings: Record<string, string> = {}
): Promise<App> {
	if (!/^[a-z0-9_]{1,40}$/.test(name)) throw new Error(`bad server name ${name}`);
	if (!fs.existsSync(path.join(root, 'build', 'index.js')))
		throw new Error('No build: run `npm run build` first (`npm test` does it).');
	const dataDir = dataDirOf(name);
	fs.rmSync(dataDir, { recursive: true, force: true });
	if (from) fs.cpSync(dataDirOf(from), dataDir, { recursive: true });
	else fs.mkdirSync(dataDir, { recursive: true });
	const usesPostgres = Boolean(process.env.TEST_DATABASE_URL);
	if (usesPostgres) {
		const create = `create database ${databaseOf(name)}${from ? ` template ${databaseOf(from)}` : ''}`;
		await postgres([`drop database if exists ${databaseOf(name)} with (force)`]);
		// Two workers copying the template at once may meet: the second tries again.
		for (let attempt = 1; ; attempt++) {
			try {
				await postgres([create]);
				break;
			} catch (error) {
				if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
				await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
			}
		}
	}

	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	// A clean environment: nothing from the developer's shell (DATABASE_URL, SMTP_URL…) leaks in.
	const env: Record<string, string> = {
		PATH: process.env.PATH ?? '',
		...(process.env.HOME ? { HOME: process.env.HOME } : {}),
		...(process.env.TZ ? { TZ: process.env.TZ } : {}),
		USTAT_SKIP_BUILD: '1',
		PORT: String(port),
		HOST: '127.0.0.1',
		BASE_URL: url,
		DATA_DIR: dataDir,
		// Inside the throwaway data folder here; a real install keeps them apart (docs/operations.md).
		KEY_DIR: path.join(dataDir, 'keys'),
		// Request lines too: the log is read only when a test fails.
		LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'info',
		...(usesPostgres ? { DATABASE_URL: databaseUrl(databaseOf(name)) } : {}),
		// A test's own settings (fixtures.ts `serverSettings`), e.g. LIBREOFFICE.
		...settings
	};
	const child = spawn(process.execPath, ['scripts/start.js'], {
		cwd: root,
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	running.add(child);
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	let exited = false;
	const exit = new Promise<void>((resolve) => {
		child.once('exit', () => {
			exited = true;
			running.delete(child);
			resolve();
		});
	});

	const halt = async () => {
		if (!exited) child.kill('SIGTERM');
		const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		await exit;
		clearTimeout(killer);
	};
	const stop = async () => {
		await halt();
		fs.rmSync(dataDir, { recursive: true, force: true });
		if (usesPostgres) await postgres([`drop database if exists ${databaseOf(name)} with (force)`]);
	};

	// Ready when /healthz answers (the migrations, if any, have run by then).
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (exited) {
			await stop();
			throw new Error(`app server ${name} exited before it was ready:\n${output}`);
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`app server ${name} not ready within 60 s:\n${output}`);
		}
		const ok = await fetch(`${url}/healthz`).then(
			(response) => response.ok,
			() => false
		);
		if (ok) break;
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
	return { url, name, log: () => output, stop, halt };
}

/** Makes the run's template: the app started once on empty data (it migrates), then stopped. */
export async function makeTemplate(run: string): Promise<void> {
	const name = templateName(run);
	const app = await startApp(name);
	// Stopped without removing its data: the tests' servers copy it.
	await app.halt();
}

/** Removes the run's template. */
export async function removeTemplate(run: string): Promise<void> {
	const name = templateName(run);
	fs.rmSync(dataDirOf(name), { recursive: true, force: true });
	if (process.env.TEST_DATABASE_URL)
		await postgres([`drop database if exists ${databaseOf(name)} with (force)`]);
}

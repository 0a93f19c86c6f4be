import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

// One app server for one browser test: the built app on a fresh database, started by
// scripts/e2e-server.js (SQLite in `.tmp/e2e-<name>`, or a fresh PostgreSQL database
// `ustat_e2e_<name>` when TEST_DATABASE_URL is set). What it prints is kept in memory and
// shown only when its test fails (see fixtures.ts).

const root = path.resolve(import.meta.dirname, '../..');

export interface App {
	/** The server's origin, e.g. http://127.0.0.1:40123. */
	readonly url: string;
	readonly name: string;
	/** Everything the server printed so far. */
	log(): string;
	/** Stops the server and removes its data (folder, PostgreSQL database). */
	stop(): Promise<void>;
}

/** Servers still running in this process: stopped at exit, so none outlives its worker. */
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

/** The PostgreSQL database of the server `name`, as scripts/e2e-server.js names it. */
export const databaseName = (name: string) => `ustat_e2e_${name}`;

export async function dropDatabases(names: string[]): Promise<void> {
	const adminUrl = process.env.TEST_DATABASE_URL;
	if (!adminUrl || names.length === 0) return;
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		for (const name of names) await client.query(`drop database if exists ${name} with (force)`);
	} finally {
		await client.end();
	}
}

/** Starts a fresh app server; `name` (a-z, 0-9, _) names its data folder and database. */
export async function startApp(name: string): Promise<App> {
	if (!fs.existsSync(path.join(root, 'build', 'index.js')))
		throw new Error('No build: run `npm run build` first (`npm test` does it).');
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['scripts/e2e-server.js', name, String(port)], {
		cwd: root,
		env: {
			...process.env,
			// Request lines too: the log is read only when the test fails.
			E2E_LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'info'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	running.add(child);
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const exited = new Promise<void>((resolve) => {
		child.once('exit', () => {
			running.delete(child);
			resolve();
		});
	});

	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
		const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		await exited;
		clearTimeout(killer);
		fs.rmSync(path.join(root, '.tmp', `e2e-${name}`), { recursive: true, force: true });
		await dropDatabases([databaseName(name)]);
	};

	// Ready when /healthz answers (migrations have run by then).
	const deadline = Date.now() + 60_000;
	let dead = false;
	void exited.then(() => (dead = true));
	for (;;) {
		if (dead) throw new Error(`app server ${name} exited before it was ready:\n${output}`);
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
	return { url, name, log: () => output, stop };
}

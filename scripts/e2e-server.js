// `node scripts/e2e-server.js <name> <port>`: the built app on a fresh database, for one
// Playwright project (playwright.config.ts starts one per project). SQLite in
// `.tmp/e2e-<name>`, or — when TEST_DATABASE_URL is set — a fresh PostgreSQL database
// `ustat_e2e_<name>` on that server. Runs `scripts/start.js` without the build step and
// passes SIGTERM/SIGINT on, so Playwright can stop it gracefully.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { buildDir, root } from './lib/build.js';

const [name = '', portText = ''] = process.argv.slice(2);
const port = Number(portText);

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
	console.error(`e2e-server: ${message}`);
	process.exit(1);
}

if (!/^[a-z0-9_]{1,30}$/.test(name) || !Number.isInteger(port) || port < 1 || port > 65535)
	fail('usage: node scripts/e2e-server.js <name: a-z, 0-9, _> <port: 1-65535>');
if (!fs.existsSync(path.join(buildDir, 'index.js')))
	fail('no build found (build/index.js): run `npm run build` first (`npm test` does it).');

const baseUrl = `http://127.0.0.1:${port}`;
const dataDir = path.join(root, '.tmp', `e2e-${name}`);
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

/** A fresh database `ustat_e2e_<name>` on the server of TEST_DATABASE_URL; its URL. */
/** @param {string} adminUrl */
async function freshPostgres(adminUrl) {
	const database = `ustat_e2e_${name}`;
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		await client.query(`drop database if exists ${database} with (force)`);
		await client.query(`create database ${database}`);
	} finally {
		await client.end();
	}
	const url = new URL(adminUrl);
	url.pathname = `/${database}`;
	return url.toString();
}

/** @type {string | undefined} */
let databaseUrl;
if (process.env.TEST_DATABASE_URL) {
	try {
		databaseUrl = await freshPostgres(process.env.TEST_DATABASE_URL);
	} catch (error) {
		fail(
			`cannot prepare the PostgreSQL database: ${error instanceof Error ? error.message : error}`
		);
	}
}

// A clean environment: nothing from the developer's shell (DATABASE_URL, SMTP_URL…) leaks in.
const env = {
	PATH: process.env.PATH ?? '',
	...(process.env.HOME ? { HOME: process.env.HOME } : {}),
	...(process.env.TZ ? { TZ: process.env.TZ } : {}),
	USTAT_SKIP_BUILD: '1',
	PORT: String(port),
	HOST: '127.0.0.1',
	BASE_URL: baseUrl,
	DATA_DIR: dataDir,
	LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
	...(databaseUrl ? { DATABASE_URL: databaseUrl } : {})
};

console.log(
	`e2e-server ${name}: ${baseUrl} on ${databaseUrl ? `PostgreSQL ustat_e2e_${name}` : `SQLite in ${path.relative(root, dataDir)}`}`
);
const child = spawn(process.execPath, ['scripts/start.js'], { cwd: root, env, stdio: 'inherit' });

for (const signal of /** @type {const} */ (['SIGTERM', 'SIGINT', 'SIGHUP'])) {
	process.on(signal, () => {
		if (child.exitCode === null && child.signalCode === null) child.kill(signal);
	});
}
child.on('error', (error) => fail(`cannot start the app: ${error.message}`));
child.on('exit', (code, signal) => {
	if (signal) console.error(`e2e-server ${name}: the app was stopped by ${signal}`);
	process.exit(code ?? 1);
});

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { databaseOf, dataDirOf, postgres, root, startApp, type App } from './server';

// The demo school (`npm run demo`: scripts/seed-demo.ts, src/lib/server/demo) as a test's
// world: seeded once into data of its own (a SQLite folder or a PostgreSQL database), then an
// app server started on a copy of it, as startApp does from the run's template. The seeding
// runs the demo's own script in a child process: nothing here imports the server's code.

export interface DemoAccount {
	role: string;
	email: string;
	password: string;
}

export interface Demo {
	app: App;
	accounts: DemoAccount[];
	/** Stops the server and removes the seeded data. */
	stop(): Promise<void>;
}

function run(env: Record<string, string>): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts'], {
			cwd: root,
			env,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.stderr.on('data', (chunk) => (output += chunk));
		child.once('error', reject);
		child.once('exit', (code) =>
			code === 0 ? resolve(output) : reject(new Error(`seed-demo exited ${code}:\n${output}`))
		);
	});
}

/** Seeds the demo into `<name>_demo` and starts an app on a copy of it, named `name`. */
export async function startDemo(name: string): Promise<Demo> {
	const seeded = `${name}_demo`;
	const dataDir = dataDirOf(seeded);
	fs.rmSync(dataDir, { recursive: true, force: true });
	fs.mkdirSync(dataDir, { recursive: true });
	const env: Record<string, string> = {
		PATH: process.env.PATH ?? '',
		...(process.env.HOME ? { HOME: process.env.HOME } : {}),
		...(process.env.TZ ? { TZ: process.env.TZ } : {}),
		DATA_DIR: dataDir,
		// startApp's KEY_DIR: the copy of the data folder carries the ballot key with it.
		KEY_DIR: path.join(dataDir, 'keys'),
		LOG_LEVEL: 'warn'
	};
	const usesPostgres = Boolean(process.env.TEST_DATABASE_URL);
	if (usesPostgres) {
		const url = new URL(process.env.TEST_DATABASE_URL!);
		url.pathname = `/${databaseOf(seeded)}`;
		env.DATABASE_URL = url.toString();
		await postgres([
			`drop database if exists ${databaseOf(seeded)} with (force)`,
			`create database ${databaseOf(seeded)}`
		]);
	}
	const removeSeeded = async () => {
		fs.rmSync(dataDir, { recursive: true, force: true });
		if (usesPostgres)
			await postgres([`drop database if exists ${databaseOf(seeded)} with (force)`]);
	};
	try {
		const output = await run(env);
		const accounts = [...output.matchAll(/^demo-account (\S+) (\S+) (\S+)$/gm)].map(
			([, role, email, password]) => ({ role: role!, email: email!, password: password! })
		);
		const app = await startApp(name, seeded);
		return {
			app,
			accounts,
			stop: async () => {
				await app.stop();
				await removeSeeded();
			}
		};
	} catch (error) {
		await removeSeeded();
		throw error;
	}
}

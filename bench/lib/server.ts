// The built app as a real process on a fresh SQLite data folder, for benchmarks (as
// bench/pages.js does; src/lib/server/test/server.ts is for Vitest only).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db/connect';

/** A free TCP port on this machine. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as net.AddressInfo;
			probe.close(() => resolve(port));
		});
	});
}

export interface BenchServer {
	url: string;
	dataDir: string;
	handle: DatabaseHandle;
	output: () => string;
	stop: () => Promise<void>;
}

/** Starts `scripts/start.js` (already built) with `env` added; resolves once it listens. */
export async function startBenchServer(
	name: string,
	env: Record<string, string> = {}
): Promise<BenchServer> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `ustat-bench-${name}-`));
	const child = spawn(process.execPath, ['scripts/start.js'], {
		env: {
			PATH: process.env.PATH,
			USTAT_SKIP_BUILD: '1',
			PORT: String(port),
			HOST: '127.0.0.1',
			BASE_URL: url,
			DATA_DIR: dataDir,
			// Inside the throwaway data folder here; a real install keeps them apart (docs/operations.md).
			KEY_DIR: path.join(dataDir, 'keys'),
			LOG_LEVEL: 'warn',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
		child.stdout!.on('data', () => {
			if (output.includes('Listening on')) {
				clearTimeout(timer);
				resolve();
			}
		});
		void exited.then((code) => {
			clearTimeout(timer);
			reject(new Error(`server exited with ${code}:\n${output}`));
		});
	});
	const handle = openDatabase({ dataDir, poolSize: 3 });
	return {
		url,
		dataDir,
		handle,
		output: () => output,
		async stop() {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
			await handle.close();
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

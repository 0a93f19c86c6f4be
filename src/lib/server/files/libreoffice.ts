// Word 97–2003 (.doc) to .docx with LibreOffice, for the import (issue 18). soffice is a
// large program reading a hostile file, so it runs as a child process that cannot hold up
// the app: its own throwaway profile, an address-space limit (prlimit --as), no network
// (a new network namespace, where the system allows one), killed with its whole process
// group past the time limit. Its output is a file whose size is checked before it is read.
import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { AppError } from '../errors';
import { log } from '../log';

/** The deployment's setting (config LIBREOFFICE, LIBREOFFICE_SECONDS, LIBREOFFICE_MEMORY_MB). */
export interface LibreOfficeSettings {
	soffice: string;
	seconds: number;
	memoryBytes: number;
}

const run = promisify(execFile);

/** Whether a helper works here (a container may forbid new namespaces). Asked once each. */
const probes = new Map<string, Promise<boolean>>();
function works(command: string, args: string[]): Promise<boolean> {
	const key = [command, ...args].join(' ');
	let probe = probes.get(key);
	if (!probe) {
		probe = run(command, args, { timeout: 5_000 }).then(
			() => true,
			() => false
		);
		probes.set(key, probe);
	}
	return probe;
}

/** The command line: soffice under the memory limit and, where possible, without network. */
async function commandLine(settings: LibreOfficeSettings, soffice: string[]): Promise<string[]> {
	const line = [settings.soffice, ...soffice];
	if (await works('unshare', ['-rn', 'true'])) line.unshift('unshare', '-rn', '--');
	else log.warn('LibreOffice runs with the network: this system refuses a network namespace');
	if (await works('prlimit', ['--as=1073741824', 'true']))
		line.unshift('prlimit', `--as=${settings.memoryBytes}`, '--');
	else
		// Without prlimit, the shell's own ulimit (kilobytes) does the same.
		return [
			'sh',
			'-c',
			`ulimit -v ${Math.floor(settings.memoryBytes / 1024)} && exec "$@"`,
			'sh',
			...line
		];
	return line;
}

/**
 * The .docx LibreOffice makes of the .doc at `input`, refused (AppError 'invalid') past the
 * time limit, when LibreOffice cannot read it or crashes, or when the result is larger
 * than `maxBytes`. Returns the bytes and how long the conversion took.
 */
export async function convertDocToDocx(
	input: string,
	settings: LibreOfficeSettings,
	maxBytes: number
): Promise<{ bytes: Uint8Array; ms: number }> {
	const dir = await mkdtemp(path.join(os.tmpdir(), 'ustat-doc-'));
	const started = performance.now();
	try {
		const source = path.join(dir, 'in', 'document.doc');
		const out = path.join(dir, 'out');
		await mkdir(path.dirname(source));
		await mkdir(out);
		await copyFile(input, source);
		const [command, ...args] = await commandLine(settings, [
			`-env:UserInstallation=file://${path.join(dir, 'profile')}`,
			'--headless',
			'--invisible',
			'--norestore',
			'--nolockcheck',
			'--nologo',
			'--nodefault',
			'--convert-to',
			'docx:MS Word 2007 XML',
			'--outdir',
			out,
			source
		]);
		const outcome = await runLimited(command!, args, dir, settings.seconds * 1000);
		const ms = Math.round(performance.now() - started);
		if (outcome === 'timeout') {
			log.warn({ ms }, 'LibreOffice conversion killed at its time limit');
			throw new AppError('invalid', 'import_legacy_timeout', {
				field: 'docx',
				params: { seconds: settings.seconds }
			});
		}
		const result = path.join(out, 'document.docx');
		const size = await stat(result).then(
			(s) => s.size,
			() => null
		);
		// LibreOffice says "could not be loaded" and still exits 0: the missing file tells.
		if (size === null || size === 0)
			throw new AppError('invalid', 'import_legacy_unreadable', { field: 'docx' });
		if (size > maxBytes)
			throw new AppError('invalid', 'error_file_too_large', {
				field: 'docx',
				params: { name: 'document.docx', max: Math.round(maxBytes / 1024 / 1024) }
			});
		return { bytes: new Uint8Array(await readFile(result)), ms };
	} finally {
		await rm(dir, { recursive: true, force: true });
	}
}

/** Runs the command in its own process group; the whole group is killed at `limitMs`. */
function runLimited(
	command: string,
	args: string[],
	home: string,
	limitMs: number
): Promise<'exited' | 'timeout'> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: home,
			detached: true,
			stdio: 'ignore',
			// Nothing of the app's environment (secrets, proxies): a path, a home, a language.
			env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8' }
		});
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			killGroup(child.pid);
		}, limitMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('exit', () => {
			clearTimeout(timer);
			// soffice may leave a helper (oosplash's child) behind: the group goes too.
			killGroup(child.pid);
			resolve(timedOut ? 'timeout' : 'exited');
		});
	});
}

function killGroup(pid: number | undefined): void {
	if (pid === undefined) return;
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		// Already gone.
	}
}

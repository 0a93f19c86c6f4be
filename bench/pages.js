// `npm run bench:pages`: how fast a signed-in page is, compared with a bare SvelteKit page of
// about the same HTML size, measured in the same run on the same machine.
//
// Method
//   1. Builds Ustat if its sources changed (scripts/lib/build.js) and always builds the
//      baseline app in bench/baseline (one static route, no hooks, no data, ≈ the HTML size
//      of /home).
//   2. Starts Ustat (`node scripts/start.js`, USTAT_SKIP_BUILD=1) on a fresh temporary
//      DATA_DIR (SQLite) and sets it up over HTTP like a person would: POST /setup (school +
//      first admin, whose session cookie the bench keeps), then invites staff and accepts
//      some of the invitations, so that /home and /admin/staff show real rows.
//   3. Cold start: time from spawn() to the first 200 of /healthz on the already set-up data
//      dir; median of 3 fresh starts, each stopped with SIGTERM.
//   4. Idle RSS: VmRSS (/proc/<pid>/status) of the server process itself (we spawn node
//      directly, no npm or shell wrapper), after a short warm-up and 2 s of idleness.
//   5. JS shipped: every script a page loads (<script src>, modulepreload links in the HTML
//      and in the Link header, the import("…") of SvelteKit's inline bootstrap, plus their
//      static imports, followed transitively), each gzipped at level 9 and summed.
//      1 KB = 1024 bytes. Public pages (csr = false) should ship nothing.
//   6. Throughput: wrk, 50 connections, 2 threads, 3 s warm-up then 10 s measured, against
//      GET /home with the admin's cookie and GET / of the baseline. Only one server is
//      under load at a time; the runs alternate (page, baseline, page, baseline) so that
//      noise from other work on the machine hits both. For each target the better of its
//      two runs (higher req/s) is reported, with the p95 of that same run. A Lua script
//      counts every non-2xx answer (including redirects, e.g. to /signin when the cookie
//      stopped working): any non-2xx or socket error aborts the bench.
//      Note that wrk shares the 2 cores with the server: the figures are for that setup.
//   7. Stops every server (SIGTERM) and removes the temporary directory, also on errors.
//
// Reading the output
//   A table with each figure, its target and PASS/MISS, then details (every run, HTML
//   sizes, /admin/staff, files per page). The LAST line is one JSON object for machines:
//   {"page_rps":…,"baseline_rps":…,"ratio":…,"page_p95_ms":…, then extra keys}.
//   ratio = page_rps / baseline_rps: how much of SvelteKit's own speed the app keeps.
//   The exit code is 0 when the bench ran (even if targets are missed; pass --strict to
//   exit 1 on a MISS) and 1 when it could not measure.
//
// Shared machines: before each cold start and each measured run the bench waits (at most
// BENCH_QUIET_WAIT s in all, 300 by default) until other processes use < 0.25 cores, and
// every run reports the cores used by the server, wrk and the rest, plus the server's CPU
// time per request (steadier than req/s when something else runs). A run where others used
// ≥ 0.25 cores is flagged: its req/s is too low. If build/ is rebuilt during the run (e.g.
// by `npm start` elsewhere after a source change), the bench stops: run it again.
//
// Knobs (environment): BENCH_CONNECTIONS (50), BENCH_THREADS (2), BENCH_DURATION (10, s),
// BENCH_WARMUP (3, s), BENCH_ROUNDS (2), BENCH_QUIET_WAIT (300, s). `--extra` also measures
// /healthz and /signin, to tell the framework's, the session's and the page's share apart.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import zlib from 'node:zlib';
import { buildIfNeeded, root } from '../scripts/lib/build.js';

const baselineDir = path.join(root, 'bench', 'baseline');
/** A number from the environment, or the fallback when unset or invalid. */
const env = (/** @type {string} */ name, /** @type {number} */ fallback, min = 1) => {
	const value = Number(process.env[name] || NaN);
	return Number.isFinite(value) && value >= min ? value : fallback;
};
const load = {
	connections: env('BENCH_CONNECTIONS', 50),
	threads: env('BENCH_THREADS', 2),
	duration: env('BENCH_DURATION', 10),
	warmup: env('BENCH_WARMUP', 3),
	rounds: env('BENCH_ROUNDS', 2)
};
const extra = process.argv.includes('--extra');
const strict = process.argv.includes('--strict');

const targets = {
	ratio: 0.7,
	pageRps: 800,
	p95Ms: 100,
	coldStartMs: 1500,
	idleRssMb: 200,
	jsInteractiveKb: 40,
	jsPublicKb: 0
};

const admin = {
	name: 'Бишкек шаарындагы №61 орто мектеп',
	region: 'KG-C',
	city: 'Токмок',
	fullName: 'Айгүл Асанова',
	email: 'admin@bench.kg',
	password: 'bench-password-12345',
	locale: 'ky'
};
const staffNames = [
	'Бакыт Токтогулов',
	'Гүлнара Осмонова',
	'Нурлан Жумабеков',
	'Айжан Сыдыкова',
	'Эрлан Касымов',
	'Чолпон Абдыкадырова',
	'Мирлан Бейшеев',
	'Жылдыз Мамбетова'
];
/** Invitations accepted (become staff rows); the rest stay pending. */
const acceptedInvitations = 5;

// ---------------------------------------------------------------- processes and cleanup

/**
 * @typedef {object} Server
 * @property {string} name
 * @property {import('node:child_process').ChildProcess} child
 * @property {number} pid
 * @property {string} url
 * @property {number} startedAt performance.now() right before spawn
 * @property {Promise<number | null>} exited resolves with the exit code
 * @property {() => string} output the last lines the process printed
 */

/** @type {Set<Server>} */
const running = new Set();
/** wrk processes under way. @type {Set<import('node:child_process').ChildProcess>} */
const loaders = new Set();
/** @type {string | undefined} */
let workDir;
let interrupted = false;

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/**
 * Spawns node directly (no npm, no shell) so that the child's pid is the server's.
 * @param {string} name
 * @param {string} script path relative to the repository root
 * @param {(port: number, url: string) => Record<string, string>} [extraEnv]
 * @returns {Promise<Server>}
 */
async function startServer(name, script, extraEnv = () => ({})) {
	const port = /** @type {number} */ (await freePort());
	const url = `http://127.0.0.1:${port}`;
	/** @type {string[]} */
	const lines = [];
	const startedAt = performance.now();
	// Logs go to a file, as under a service manager: reading them here would cost the bench CPU.
	const logFile = path.join(os.tmpdir(), `ustat-bench-${name}-${port}.log`);
	const logFd = fs.openSync(logFile, 'w');
	const child = spawn(process.execPath, [script], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...extraEnv(port, url) },
		stdio: ['ignore', logFd, 'pipe']
	});
	fs.closeSync(logFd);
	for (const stream of [child.stderr]) {
		stream?.setEncoding('utf8');
		stream?.on('data', (/** @type {string} */ chunk) => {
			lines.push(...chunk.split('\n').filter(Boolean));
			if (lines.length > 40) lines.splice(0, lines.length - 40);
		});
	}
	/** @type {Promise<number | null>} */
	const exited = new Promise((resolve) =>
		child.once('exit', (code) => {
			fs.rmSync(logFile, { force: true });
			resolve(code);
		})
	);
	if (child.pid === undefined) throw new Error(`${name}: could not spawn ${script}`);
	/** @type {Server} */
	const server = {
		name,
		child,
		pid: child.pid,
		url,
		startedAt,
		exited,
		output: () =>
			[
				...(fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-20) : []),
				...lines
			].join('\n')
	};
	running.add(server);
	void exited.then(() => running.delete(server));
	return server;
}

/** SIGTERM, then wait for the exit (SIGKILL after 10 s). @param {Server} server */
async function stopServer(server) {
	if (server.child.exitCode !== null || server.child.signalCode !== null) return;
	server.child.kill('SIGTERM');
	const timer = new AbortController();
	const timeout = sleep(10_000, 'timeout', { signal: timer.signal }).catch(() => 'stopped');
	const outcome = await Promise.race([server.exited, timeout]);
	timer.abort();
	if (outcome === 'timeout') {
		console.error(`${server.name} (pid ${server.pid}) did not stop in 10 s: SIGKILL`);
		server.child.kill('SIGKILL');
		await server.exited;
	}
}

async function cleanUp() {
	for (const child of loaders) child.kill('SIGTERM');
	await Promise.all([...running].map(stopServer));
	if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
	workDir = undefined;
}

// Last resort: never leave servers behind, even when the bench itself is interrupted.
process.on('exit', () => {
	for (const child of loaders) child.kill('SIGKILL');
	for (const server of running) server.child.kill('SIGKILL');
	if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
	process.once(signal, () => {
		interrupted = true;
		console.error(`\n${signal}: stopping the servers…`);
		void cleanUp().finally(() => process.exit(130));
	});
}

// ---------------------------------------------------------------- HTTP helpers

/**
 * One GET without keep-alive; resolves with the status, or 0 when the connection failed.
 * @param {string} url
 */
function probe(url) {
	return new Promise((resolve) => {
		const request = http.get(url, { agent: false }, (response) => {
			response.resume();
			response.on('end', () => resolve(response.statusCode ?? 0));
		});
		request.on('error', () => resolve(0));
		request.setTimeout(5_000, () => request.destroy());
	});
}

/**
 * Polls until `path` answers 200; returns ms since the spawn.
 * @param {Server} server
 * @param {string} [urlPath]
 */
async function waitReady(server, urlPath = '/healthz') {
	const deadline = performance.now() + 60_000;
	while (performance.now() < deadline) {
		if (server.child.exitCode !== null)
			throw new Error(`${server.name} exited with ${server.child.exitCode}:\n${server.output()}`);
		if ((await probe(server.url + urlPath)) === 200) return performance.now() - server.startedAt;
		await sleep(5);
	}
	throw new Error(`${server.name} did not answer 200 on ${urlPath} in 60 s:\n${server.output()}`);
}

/**
 * A same-origin form post, as a browser without JavaScript sends it.
 * @param {Server} server
 * @param {string} urlPath
 * @param {Record<string, string>} fields
 * @param {string} [cookie]
 */
function postForm(server, urlPath, fields, cookie) {
	/** @type {Record<string, string>} */
	const headers = {
		origin: server.url,
		accept: 'text/html',
		'content-type': 'application/x-www-form-urlencoded'
	};
	if (cookie) headers.cookie = cookie;
	return fetch(server.url + urlPath, {
		method: 'POST',
		headers,
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
}

/**
 * GET that must answer 200 (no redirect followed).
 * @param {string} url
 * @param {string} [cookie]
 */
async function getOk(url, cookie) {
	const response = await fetch(url, {
		headers: cookie ? { cookie, accept: 'text/html' } : { accept: 'text/html' },
		redirect: 'manual'
	});
	const body = await response.text();
	if (response.status !== 200)
		throw new Error(
			`GET ${url} answered ${response.status} ${response.headers.get('location') ?? ''}`
		);
	return { response, body };
}

// ---------------------------------------------------------------- CPU accounting
// The machine may be shared (builds, tests): every run reports how many cores the server,
// wrk and everything else used, from /proc (clock ticks). wrk's CPU is read from this
// process's cutime/cstime, which grow by the CPU of each child once it has been reaped.

const ticksPerSecond =
	Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout?.trim()) || 100;

/** @param {number | 'self'} pid */
function processTicks(pid) {
	const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name; field n of proc(5) is rest[n - 3].
	const rest = stat
		.slice(stat.lastIndexOf(')') + 2)
		.split(' ')
		.map(Number);
	return {
		own: (rest[11] ?? 0) + (rest[12] ?? 0),
		children: (rest[13] ?? 0) + (rest[14] ?? 0)
	};
}

function machineTicks() {
	const fields = (fs.readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '')
		.trim()
		.split(/\s+/)
		.slice(1)
		.map(Number);
	const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
	return { busy: user + nice + system + irq + softirq, steal };
}

/**
 * @typedef {object} Usage
 * @property {number} server
 * @property {number} wrk
 * @property {number} others everything else on the machine (the bench itself included)
 * @property {number} steal time the hypervisor gave to other machines
 */

/** @param {Server} [server] */
function cpuSnapshot(server) {
	return {
		at: performance.now(),
		machine: machineTicks(),
		self: processTicks('self'),
		server: server ? processTicks(server.pid).own : 0
	};
}

/**
 * Cores used since the snapshot.
 * @param {ReturnType<typeof cpuSnapshot>} before
 * @param {Server} [server]
 * @returns {Usage}
 */
function cpuSince(before, server) {
	const now = cpuSnapshot(server);
	const cores = (/** @type {number} */ ticks) =>
		ticks / ticksPerSecond / ((now.at - before.at) / 1000);
	const serverCores = cores(now.server - before.server);
	const wrkCores = cores(now.self.children - before.self.children);
	return {
		server: serverCores,
		wrk: wrkCores,
		others: Math.max(0, cores(now.machine.busy - before.machine.busy) - serverCores - wrkCores),
		steal: cores(now.machine.steal - before.machine.steal)
	};
}

/** Cores the rest of the machine may use before the bench waits (builds, tests…). */
const quietCores = 0.25;
/** Seconds the whole bench may spend waiting for a quiet machine (BENCH_QUIET_WAIT). */
const quietBudgetMs = env('BENCH_QUIET_WAIT', 300, 0) * 1000;
let waitedForQuietMs = 0;

/** Waits, within the budget, until other work uses fewer than quietCores for 1 s. */
async function waitQuiet() {
	let noted = false;
	while (waitedForQuietMs < quietBudgetMs) {
		const before = cpuSnapshot();
		await sleep(1_000);
		const busy = cpuSince(before).others;
		if (busy < quietCores) return;
		waitedForQuietMs += 1_000;
		if (!noted) console.log(`  (machine busy: ${busy.toFixed(2)} cores used by others, waiting)`);
		noted = true;
	}
}

// ---------------------------------------------------------------- steps

function buildBaseline() {
	const started = performance.now();
	const vite = path.join(root, 'node_modules', '.bin', 'vite');
	const result = spawnSync(vite, ['build', '--logLevel', 'error'], {
		cwd: baselineDir,
		encoding: 'utf8'
	});
	if (result.status !== 0)
		throw new Error(`baseline build failed:\n${result.stdout}\n${result.stderr}`);
	return performance.now() - started;
}

/**
 * First-run setup over HTTP; returns the admin's cookie ("ustat_session=…").
 * @param {Server} server
 */
async function seed(server) {
	const setup = await postForm(server, '/setup', admin);
	const session = setup.headers.getSetCookie().find((c) => c.startsWith('ustat_session='));
	if (setup.status !== 303 || setup.headers.get('location') !== '/home' || !session)
		throw new Error(`POST /setup answered ${setup.status}:\n${await setup.text()}`);
	const cookie = session.split(';')[0] ?? '';

	for (const [index, fullName] of staffNames.entries()) {
		const invite = await postForm(
			server,
			'/admin/staff?/invite',
			{ email: `teacher${index + 1}@bench.kg`, role: 'teacher' },
			cookie
		);
		const html = await invite.text();
		const token = /\/invite\/([A-Za-z0-9_-]{20,})/.exec(html)?.[1];
		if (invite.status !== 200 || !token)
			throw new Error(`POST /admin/staff?/invite answered ${invite.status} without a link`);
		if (index >= acceptedInvitations) continue;
		const accept = await postForm(server, `/invite/${token}`, {
			fullName,
			password: admin.password,
			locale: 'ky'
		});
		await accept.text();
		if (accept.status !== 303) throw new Error(`POST /invite/… answered ${accept.status}`);
	}
	return cookie;
}

/** @param {Server} server */
function rssMb(server) {
	const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8');
	const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
	return kb / 1024;
}

/** Makes sure /proc/<pid> is the server itself and not a wrapper. @param {Server} server */
function assertIsServer(server, script = 'scripts/start.js') {
	const cmdline = fs.readFileSync(`/proc/${server.pid}/cmdline`, 'utf8').split('\0');
	if (!cmdline.includes(script))
		throw new Error(`pid ${server.pid} is not the server: ${cmdline.join(' ')}`);
}

/**
 * Every JavaScript file a page makes the browser load, gzipped (level 9) and summed.
 * @param {string} pageUrl
 * @param {string} [cookie]
 */
async function jsShipped(pageUrl, cookie) {
	const { response, body } = await getOk(pageUrl, cookie);
	/** @type {Set<string>} */
	const queue = new Set();
	const add = (/** @type {string} */ href, /** @type {string} */ base) =>
		queue.add(new URL(href, base).href);

	for (const match of body.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) add(match[1] ?? '', pageUrl);
	for (const match of body.matchAll(/<link\b[^>]*>/g)) {
		const tag = match[0];
		const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
		if (href && /\brel="modulepreload"/.test(tag)) add(href, pageUrl);
	}
	for (const match of body.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g))
		for (const dynamic of (match[1] ?? '').matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g))
			add(dynamic[1] ?? '', pageUrl);
	for (const part of (response.headers.get('link') ?? '').split(/,\s*(?=<)/)) {
		const href = /^<([^>]+)>/.exec(part)?.[1];
		if (href && /rel="?modulepreload"?/.test(part)) add(href, pageUrl);
	}

	// Static imports are loaded too (dynamic ones only on demand, e.g. other routes' nodes).
	const staticImport =
		/(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
	let raw = 0;
	let gzipped = 0;
	/** @type {Set<string>} */
	const done = new Set();
	for (const url of queue) {
		if (done.has(url)) continue;
		done.add(url);
		const file = await fetch(url);
		if (file.status !== 200) throw new Error(`GET ${url} answered ${file.status}`);
		const bytes = Buffer.from(await file.arrayBuffer());
		raw += bytes.length;
		gzipped += zlib.gzipSync(bytes, { level: 9 }).length;
		for (const match of bytes.toString('utf8').matchAll(staticImport)) add(match[1] ?? '', url);
	}
	return { files: done.size, raw, kbGz: gzipped / 1024, htmlBytes: Buffer.byteLength(body) };
}

const luaReport = `
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) non2xx = 0; last_status = 0 end
function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1; last_status = status end
end
function done(summary, latency, requests)
  local bad, status = 0, 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("non2xx")
    if t:get("last_status") ~= 0 then status = t:get("last_status") end
  end
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p95_us":%d,"p99_us":%d,' ..
    '"max_us":%d,"mean_us":%.1f,"non2xx":%d,"non2xx_status":%d,"connect":%d,"read":%d,' ..
    '"write":%d,"status":%d,"timeout":%d}\\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50),
    latency:percentile(95), latency:percentile(99), latency.max, latency.mean, bad, status,
    e.connect, e.read, e.write, e.status, e.timeout))
end
`;

/**
 * @typedef {object} Run
 * @property {number} rps
 * @property {number} p50Ms
 * @property {number} p95Ms
 * @property {number} p99Ms
 * @property {number} requests
 * @property {number} timeouts
 * @property {Usage} [cpu] cores used during the run
 */

/**
 * One wrk run; throws on any non-2xx answer or socket error.
 * @param {string} url
 * @param {number} seconds
 * @param {string} [cookie]
 * @returns {Promise<Run>}
 */
function wrk(url, seconds, cookie) {
	const lua = path.join(/** @type {string} */ (workDir), 'report.lua');
	if (!fs.existsSync(lua)) fs.writeFileSync(lua, luaReport);
	const args = [
		`-t${load.threads}`,
		`-c${load.connections}`,
		`-d${seconds}s`,
		'--timeout',
		'5s',
		'-s',
		lua
	];
	if (cookie) args.push('-H', `Cookie: ${cookie}`);
	args.push(url);
	return new Promise((resolve, reject) => {
		const child = spawn('wrk', args, { stdio: ['ignore', 'pipe', 'pipe'] });
		loaders.add(child);
		let out = '';
		child.stdout.setEncoding('utf8').on('data', (/** @type {string} */ c) => (out += c));
		child.stderr.setEncoding('utf8').on('data', (/** @type {string} */ c) => (out += c));
		child.on('error', reject);
		child.on('exit', (code) => {
			loaders.delete(child);
			const line = out.split('\n').find((l) => l.startsWith('WRK_JSON '));
			if (code !== 0 || !line) return reject(new Error(`wrk ${args.join(' ')} failed:\n${out}`));
			const r = JSON.parse(line.slice('WRK_JSON '.length));
			if (r.non2xx > 0 || r.status > 0)
				return reject(
					new Error(
						`${url}: ${r.non2xx} of ${r.requests} answers were not 2xx (e.g. ${r.non2xx_status})`
					)
				);
			if (r.connect + r.read + r.write > 0)
				return reject(
					new Error(`${url}: socket errors connect ${r.connect} read ${r.read} write ${r.write}`)
				);
			if (r.requests === 0) return reject(new Error(`${url}: no request completed`));
			resolve({
				rps: r.requests / (r.duration_us / 1e6),
				p50Ms: r.p50_us / 1000,
				p95Ms: r.p95_us / 1000,
				p99Ms: r.p99_us / 1000,
				requests: r.requests,
				timeouts: r.timeout
			});
		});
	});
}

/**
 * Waits for a quiet machine, warms up, then the measured run with its CPU accounting.
 * @param {Server} server
 * @param {string} urlPath
 * @param {string} [cookie]
 */
async function measure(server, urlPath, cookie) {
	await waitQuiet();
	await wrk(server.url + urlPath, load.warmup, cookie);
	const before = cpuSnapshot(server);
	const run = await wrk(server.url + urlPath, load.duration, cookie);
	run.cpu = cpuSince(before, server);
	return run;
}

/** Milliseconds of server CPU (all its threads) per request. @param {Run} run */
const cpuPerRequest = (run) => ((run.cpu?.server ?? NaN) / run.rps) * 1000;

/** @param {Run[]} runs */
const best = (runs) => runs.reduce((a, b) => (b.rps > a.rps ? b : a));

/** @param {number[]} values */
function medianOf(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2
		? (sorted[middle] ?? 0)
		: ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

// ---------------------------------------------------------------- main

/** @param {number} value @param {number} digits */
const round = (value, digits) => Number(value.toFixed(digits));

async function main() {
	console.log(`Ustat page bench — Node ${process.version}, ${os.cpus().length} CPUs, SQLite`);
	buildIfNeeded();
	const stampFile = path.join(root, 'build', '.source-stamp');
	const buildStamp = () => fs.statSync(stampFile, { throwIfNoEntry: false })?.mtimeMs ?? 0;
	const builtAt = buildStamp();
	const baselineBuildMs = buildBaseline();
	console.log(`Baseline built in ${(baselineBuildMs / 1000).toFixed(1)} s.`);

	workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-bench-'));
	const dataDir = path.join(workDir, 'data');
	fs.mkdirSync(dataDir);
	const startApp = () =>
		startServer('ustat', 'scripts/start.js', (_port, url) => ({
			USTAT_SKIP_BUILD: '1',
			BASE_URL: url,
			DATA_DIR: dataDir,
			// The production default: one JSON line per request.
			LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info'
		}));

	// Seed: first-run setup and a few staff, through HTTP.
	const seeding = await startApp();
	await waitReady(seeding);
	const cookie = await seed(seeding);
	await stopServer(seeding);

	// Cold start on the set-up data dir.
	/** @type {number[]} */
	const coldStarts = [];
	for (let i = 0; i < 3; i++) {
		await waitQuiet();
		const server = await startApp();
		coldStarts.push(await waitReady(server));
		await stopServer(server);
	}
	const coldStartMs = medianOf(coldStarts);

	// The server under test: warm it up, let it idle, read its RSS.
	const app = await startApp();
	await waitReady(app);
	assertIsServer(app);
	const pagePaths = ['/home', '/admin/staff'];
	for (let i = 0; i < 100; i++)
		for (const p of [...pagePaths, '/signin', '/', '/healthz'])
			await getOk(app.url + p, p.startsWith('/home') || p.startsWith('/admin') ? cookie : '');
	await sleep(2_000);
	const idleRssMb = rssMb(app);

	// JS shipped.
	const js = {
		'/admin/staff': await jsShipped(app.url + '/admin/staff', cookie),
		'/home': await jsShipped(app.url + '/home', cookie),
		'/signin': await jsShipped(app.url + '/signin'),
		'/': await jsShipped(app.url + '/')
	};

	const baseline = await startServer('baseline', 'bench/baseline/build/index.js');
	await waitReady(baseline, '/');
	assertIsServer(baseline, 'bench/baseline/build/index.js');
	const baselineHtml = Buffer.byteLength((await getOk(baseline.url + '/')).body);

	// Throughput: alternate page and baseline; one server under load at a time.
	/** @type {Run[]} */
	const pageRuns = [];
	/** @type {Run[]} */
	const baselineRuns = [];
	for (let round = 0; round < load.rounds; round++) {
		pageRuns.push(await measure(app, '/home', cookie));
		baselineRuns.push(await measure(baseline, '/'));
	}
	const staffRun = await measure(app, '/admin/staff', cookie);
	/** @type {Record<string, Run>} */
	const extraRuns = {};
	if (extra) {
		extraRuns['/healthz'] = await measure(app, '/healthz');
		extraRuns['/signin'] = await measure(app, '/signin');
	}
	// The cookie must still work after the load (wrk counted redirects as failures, too).
	await getOk(app.url + '/home', cookie);
	const loadedRssMb = rssMb(app);
	if (buildStamp() !== builtAt)
		throw new Error('build/ was rebuilt during the run (by someone else?): run the bench again');

	const page = best(pageRuns);
	const base = best(baselineRuns);
	const ratio = page.rps / base.rps;
	const jsInteractive = js['/admin/staff'].kbGz;
	const jsPublic = Math.max(js['/signin'].kbGz, js['/'].kbGz);

	// ------------------------------------------------------------ report
	const pass = (/** @type {boolean} */ ok) => (ok ? 'PASS' : 'MISS');
	const f0 = (/** @type {number} */ n) => n.toFixed(0);
	const f1 = (/** @type {number} */ n) => n.toFixed(1);
	const f2 = (/** @type {number} */ n) => n.toFixed(2);
	const verdicts = [
		['/home req/s', f0(page.rps), `≥ ${targets.pageRps}`, page.rps >= targets.pageRps],
		['/home p95', `${f1(page.p95Ms)} ms`, `< ${targets.p95Ms} ms`, page.p95Ms < targets.p95Ms],
		['baseline req/s', f0(base.rps), '', null],
		['baseline p95', `${f1(base.p95Ms)} ms`, '', null],
		['ratio /home ÷ baseline', f2(ratio), `≥ ${targets.ratio}`, ratio >= targets.ratio],
		[
			'cold start (median of 3)',
			`${f0(coldStartMs)} ms`,
			`≤ ${targets.coldStartMs} ms`,
			coldStartMs <= targets.coldStartMs
		],
		[
			'idle RSS',
			`${f1(idleRssMb)} MB`,
			`≤ ${targets.idleRssMb} MB`,
			idleRssMb <= targets.idleRssMb
		],
		[
			'JS /admin/staff (interactive)',
			`${f1(jsInteractive)} KB gz`,
			`≤ ${targets.jsInteractiveKb} KB`,
			jsInteractive <= targets.jsInteractiveKb
		],
		[
			'JS public (/signin, /)',
			`${f1(jsPublic)} KB gz`,
			`${targets.jsPublicKb}`,
			jsPublic <= targets.jsPublicKb
		]
	];
	const settings = `wrk -t${load.threads} -c${load.connections} -d${load.duration}s after a ${load.warmup} s warm-up, best of ${load.rounds} runs`;
	console.log(`\nThroughput: ${settings} (wrk shares the ${os.cpus().length} cores)`);
	console.log(`${'metric'.padEnd(32)}${'value'.padEnd(16)}${'target'.padEnd(14)}result`);
	for (const [name, value, target, ok] of verdicts)
		console.log(
			`${String(name).padEnd(32)}${String(value).padEnd(16)}${String(target).padEnd(14)}${ok === null ? '' : pass(Boolean(ok))}`
		);

	console.log('\nDetails');
	const runLine = (/** @type {string} */ label, /** @type {Run} */ r) => {
		const cpu = r.cpu
			? `  server CPU ${f2(cpuPerRequest(r))} ms/req; cores: server ${f2(r.cpu.server)}, wrk ${f2(r.cpu.wrk)}, others ${f2(r.cpu.others)}${r.cpu.steal >= 0.05 ? `, steal ${f2(r.cpu.steal)}` : ''}`
			: '';
		console.log(
			`  ${label.padEnd(20)}${f0(r.rps).padStart(6)} req/s  p50 ${f1(r.p50Ms).padStart(5)} ms  p95 ${f1(r.p95Ms).padStart(5)} ms  p99 ${f1(r.p99Ms).padStart(6)} ms${r.timeouts ? `  ${r.timeouts} timeouts` : ''}${cpu}`
		);
	};
	pageRuns.forEach((r, i) => runLine(`/home run ${i + 1}`, r));
	baselineRuns.forEach((r, i) => runLine(`baseline run ${i + 1}`, r));
	runLine('/admin/staff', staffRun);
	console.log(`  /admin/staff ÷ baseline: ${f2(staffRun.rps / base.rps)} (req/s)`);
	// CPU time per request barely moves when other work slows the run down: a steadier ratio.
	console.log(
		`  server CPU per request, baseline ÷ page: /home ${f2(cpuPerRequest(base) / cpuPerRequest(page))}, /admin/staff ${f2(cpuPerRequest(base) / cpuPerRequest(staffRun))}`
	);
	for (const [name, r] of Object.entries(extraRuns)) runLine(name, r);
	console.log(
		`  HTML: /home ${js['/home'].htmlBytes} B, /admin/staff ${js['/admin/staff'].htmlBytes} B, baseline ${baselineHtml} B`
	);
	for (const [name, r] of Object.entries(js))
		console.log(
			`  JS ${name.padEnd(14)}${String(r.files).padStart(3)} files, ${f1(r.raw / 1024)} KB raw, ${f1(r.kbGz)} KB gz`
		);
	console.log(`  cold starts: ${coldStarts.map((ms) => `${f0(ms)} ms`).join(', ')}`);
	console.log(`  RSS: idle ${f1(idleRssMb)} MB, after the load ${f1(loadedRssMb)} MB`);
	if (waitedForQuietMs > 10_000)
		console.log(`  waited ${f0(waitedForQuietMs / 1000)} s in all for other work to finish`);
	const disturbed = [...pageRuns, ...baselineRuns].filter(
		(r) => r.cpu && r.cpu.others + r.cpu.steal >= quietCores
	).length;
	if (disturbed)
		console.log(
			`  warning: other work used ≥ ${quietCores} cores during ${disturbed} run(s): the figures are low`
		);
	const sizeRatio = js['/home'].htmlBytes / baselineHtml;
	if (sizeRatio < 0.8 || sizeRatio > 1.25)
		console.log(`  warning: /home HTML is ${f2(sizeRatio)}× the baseline's: resize the baseline`);

	const missed = verdicts.filter(([, , , ok]) => ok === false).length;
	console.log(missed ? `\n${missed} target(s) missed.` : '\nAll targets met.');
	console.log(
		JSON.stringify({
			page_rps: round(page.rps, 0),
			baseline_rps: round(base.rps, 0),
			ratio: round(ratio, 3),
			page_p95_ms: round(page.p95Ms, 1),
			baseline_p95_ms: round(base.p95Ms, 1),
			cold_start_ms: round(coldStartMs, 0),
			idle_rss_mb: round(idleRssMb, 1),
			js_interactive_kb_gz: round(jsInteractive, 1),
			js_public_kb_gz: round(jsPublic, 1)
		})
	);
	return missed;
}

let exitCode = 0;
try {
	const missed = await main();
	if (strict && missed) exitCode = 1;
} catch (error) {
	if (interrupted) await new Promise(() => {}); // the signal handler cleans up and exits
	console.error(`\nbench:pages failed: ${error instanceof Error ? error.message : error}`);
	exitCode = 1;
} finally {
	await cleanUp();
}
process.exit(exitCode);

// `npm test`: static checks, build, unit + integration tests (Vitest), browser tests
// (Playwright). SQLite by default; TEST_DATABASE_URL=postgres://… runs the same suite on
// PostgreSQL. USTAT_TEST_SKIP_STATIC=1 skips lint/type checks (CI's second database pass), not
// the schema check, which compares db/schema.ts with the migrations on that pass's database too.
// USTAT_TEST_PREPARED=1 skips compiling the messages and `svelte-kit sync` (CI's second pass:
// the first one did both in the same checkout).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIfNeeded, root } from './lib/build.js';

/** @param {string} name */
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const extra = process.argv.slice(2);

/**
 * @param {string} title
 * @param {string} command
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 */
function run(title, command, args, env = {}) {
	const started = Date.now();
	console.log(`\n▶ ${title}`);
	const result = spawnSync(command, args, {
		cwd: root,
		stdio: 'inherit',
		env: { ...process.env, ...env }
	});
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	if (result.status !== 0) {
		console.error(`✖ ${title} failed (${seconds} s)`);
		process.exit(result.status ?? 1);
	}
	console.log(`✔ ${title} (${seconds} s)`);
}

/**
 * Runs steps side by side (each a process of its own, reading only): their output is held
 * and shown whole, step by step, as each ends. Fails after all have ended if any failed.
 * @param {{ title: string, command: string, args: string[] }[]} steps
 */
async function runTogether(steps) {
	const started = Date.now();
	console.log(`\n▶ together: ${steps.map((step) => step.title).join(', ')}`);
	const results = await Promise.all(
		steps.map(
			({ title, command, args }) =>
				/** @type {Promise<{ title: string, status: number }>} */ (
					new Promise((resolve) => {
						const stepStarted = Date.now();
						const child = spawn(command, args, {
							cwd: root,
							env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
							stdio: ['ignore', 'pipe', 'pipe']
						});
						/** @type {Buffer[]} */
						const output = [];
						child.stdout.on('data', (chunk) => output.push(chunk));
						child.stderr.on('data', (chunk) => output.push(chunk));
						let ended = false;
						const finish = (/** @type {number} */ status) => {
							if (ended) return; // a process that cannot start reports 'error' and 'close'
							ended = true;
							const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
							console.log(`\n▶ ${title}`);
							process.stdout.write(Buffer.concat(output));
							if (status === 0) console.log(`✔ ${title} (${seconds} s)`);
							else console.error(`✖ ${title} failed (${seconds} s)`);
							resolve({ title, status });
						};
						child.once('error', (error) => {
							output.push(Buffer.from(`${String(error)}\n`));
							finish(1);
						});
						child.once('close', (code) => finish(code ?? 1));
					})
				)
		)
	);
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	const failed = results.filter((result) => result.status !== 0);
	if (failed.length > 0) {
		console.error(`✖ failed: ${failed.map((result) => result.title).join(', ')} (${seconds} s)`);
		process.exit(failed[0]?.status ?? 1);
	}
	console.log(`✔ together (${seconds} s)`);
}

const database = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite';
console.log(`Ustat test suite on ${database}`);

// CI's second pass runs in the checkout the first one prepared (USTAT_TEST_PREPARED=1).
if (process.env.USTAT_TEST_PREPARED !== '1') {
	run('compile messages', process.execPath, ['scripts/i18n.js']);
	run('svelte-kit sync', bin('svelte-kit'), ['sync']);
}
const schemaDialects = process.env.TEST_DATABASE_URL ? 'PostgreSQL and SQLite' : 'SQLite';
run(`schema.ts against the migrations on ${schemaDialects}`, process.execPath, [
	'--import',
	'tsx',
	'scripts/db-types.ts',
	'--check'
]);
if (process.env.USTAT_TEST_SKIP_STATIC !== '1') {
	run('module cycles', process.execPath, ['scripts/check-cycles.js']);
	// Three single-threaded readers of the sources: side by side on two cores they take
	// about as long as eslint alone (tests/e2e/README.md, "Where CI's time goes"). The build
	// waits for them: it rewrites .svelte-kit/, which svelte-check and eslint read.
	await runTogether([
		{
			title: 'types (svelte-check)',
			command: bin('svelte-check'),
			args: ['--tsconfig', './tsconfig.json', '--fail-on-warnings']
		},
		{ title: 'lint (eslint)', command: bin('eslint'), args: ['.'] },
		{ title: 'format (prettier)', command: bin('prettier'), args: ['--check', '.'] }
	]);
}
buildIfNeeded();
// Vitest's own default is one worker fewer than the cores: ONE on CI's two cores, where the
// test files' imports and tests then ran one file at a time (tests/e2e/README.md, "Where CI's
// time goes"). Two at least; VITEST_WORKERS or a --maxWorkers argument decides otherwise.
const vitestWorkers = extra.some((arg) => arg.startsWith('--maxWorkers'))
	? []
	: [`--maxWorkers=${process.env.VITEST_WORKERS ?? Math.max(2, os.availableParallelism() - 1)}`];
run(`unit and integration tests on ${database} (vitest)`, bin('vitest'), [
	'run',
	...vitestWorkers,
	...extra
]);

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!fs.existsSync(chromium)) {
	const message = `Chromium not found at ${chromium}: browser tests NOT RUN. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`;
	if (process.env.REQUIRE_E2E === '1') {
		console.error(`✖ ${message} (REQUIRE_E2E=1)`);
		process.exit(1);
	}
	console.warn(`\n${'!'.repeat(78)}\n! ${message}\n${'!'.repeat(78)}\n`);
} else {
	run(`browser tests on ${database} (playwright)`, bin('playwright'), ['test']);
}
console.log('\nAll tests passed.');

// `npm test`: static checks, build, unit + integration tests (Vitest), browser tests
// (Playwright). SQLite by default; TEST_DATABASE_URL=postgres://… runs the same suite on
// PostgreSQL. USTAT_TEST_SKIP_STATIC=1 skips lint/type checks (CI's second database pass), not
// the schema check, which compares db/schema.ts with the migrations on that pass's database too.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
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

const database = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'SQLite';
console.log(`Ustat test suite on ${database}`);

run('compile messages', process.execPath, ['scripts/i18n.js']);
run('svelte-kit sync', bin('svelte-kit'), ['sync']);
const schemaDialects = process.env.TEST_DATABASE_URL ? 'PostgreSQL and SQLite' : 'SQLite';
run(`schema.ts against the migrations on ${schemaDialects}`, process.execPath, [
	'--import',
	'tsx',
	'scripts/db-types.ts',
	'--check'
]);
if (process.env.USTAT_TEST_SKIP_STATIC !== '1') {
	run('types (svelte-check)', bin('svelte-check'), [
		'--tsconfig',
		'./tsconfig.json',
		'--fail-on-warnings'
	]);
	run('module cycles', process.execPath, ['scripts/check-cycles.js']);
	run('lint (eslint)', bin('eslint'), ['.']);
	run('format (prettier)', bin('prettier'), ['--check', '.']);
}
buildIfNeeded();
run(`unit and integration tests on ${database} (vitest)`, bin('vitest'), ['run', ...extra]);

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

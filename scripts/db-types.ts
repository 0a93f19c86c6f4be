// `npm run db:types`: writes src/lib/server/db/schema.ts, the table types, from a database
// migrated from scratch — PostgreSQL when TEST_DATABASE_URL is set (a throwaway schema in it),
// else SQLite — and checks that the other dialect makes the same file.
// `--check` (npm run check, npm test): writes nothing, fails when the committed file differs
// from what the migrations make, on SQLite and, with TEST_DATABASE_URL, on PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseHandle } from '../src/lib/server/db/connect';
import {
	introspect,
	migratedDatabase,
	renderSchema,
	schemaFile,
	schemaProblems
} from '../src/lib/server/db/schema-gen';

const check = process.argv.includes('--check');
const postgresUrl = process.env.TEST_DATABASE_URL || undefined;
const file = path.relative(process.cwd(), schemaFile);
const dialects = postgresUrl ? (['PostgreSQL', 'SQLite'] as const) : (['SQLite'] as const);
type Dialect = (typeof dialects)[number];

/** Runs `work` on a freshly migrated database of `dialect`; returns it and the seconds taken. */
async function onFresh<T>(dialect: Dialect, work: (handle: DatabaseHandle) => Promise<T>) {
	const started = performance.now();
	const fresh = await migratedDatabase({
		postgresUrl: dialect === 'PostgreSQL' ? postgresUrl : undefined
	});
	try {
		return { result: await work(fresh.handle), seconds: (performance.now() - started) / 1000 };
	} finally {
		await fresh.destroy();
	}
}

const fail = (lines: string[]) => {
	console.error(lines.join('\n'));
	process.exitCode = 1;
};
const howToFix = `Run \`npm run db:types\`${postgresUrl ? '' : ' (TEST_DATABASE_URL=postgres://… to use PostgreSQL)'} and commit ${file} with the migration.`;

async function main() {
	if (!check) {
		const [source] = dialects;
		const { result } = await onFresh(source, (handle) => introspect(handle));
		if (result.problems.length > 0) {
			fail([
				`✖ The migrations make columns ${file} cannot describe (${source}):`,
				...result.problems.map((p) => `  ${p}`)
			]);
		} else {
			const text = renderSchema(result.model);
			const changed = !fs.existsSync(schemaFile) || fs.readFileSync(schemaFile, 'utf8') !== text;
			fs.writeFileSync(schemaFile, text);
			console.log(
				`${changed ? 'Wrote' : 'Unchanged:'} ${file} (${result.model.length} tables, from ${source})`
			);
		}
	}

	if (process.exitCode !== 1) {
		const text = fs.existsSync(schemaFile) ? fs.readFileSync(schemaFile, 'utf8') : '';
		const timings: string[] = [];
		for (const dialect of check ? dialects : dialects.slice(1)) {
			const { result: problems, seconds } = await onFresh(dialect, (handle) =>
				schemaProblems(text, handle)
			);
			if (problems.length > 0) {
				fail([
					`✖ ${file} differs from what the migrations make on ${dialect}:`,
					...problems.map((p) => `  ${p}`),
					howToFix
				]);
				break;
			}
			timings.push(`${dialect} (${seconds.toFixed(1)} s)`);
		}
		if (process.exitCode !== 1 && timings.length > 0)
			console.log(
				`✔ ${file} matches the migrations on ${timings.join(' and ')}` +
					(postgresUrl ? '' : '; PostgreSQL not checked (set TEST_DATABASE_URL)')
			);
		else if (process.exitCode !== 1 && !postgresUrl)
			console.log('PostgreSQL not checked (set TEST_DATABASE_URL): CI checks it.');
	}
}

try {
	await main();
} catch (error) {
	// PostgreSQL unreachable, a migration that throws…: one line, not a stack.
	console.error(`✖ ${file} could not be checked: ${(error as Error).message}`);
	process.exitCode = 1;
}

// Builds the app when its sources changed since the last build (shared by start and test).
import SqliteDatabase from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const buildDir = path.join(root, 'build');
/** Worker threads bundled beside the app (scripts/build-workers.js); the server finds them by USTAT_WORKERS_DIR. */
export const workersDir = path.join(buildDir, 'workers');
const stampFile = path.join(buildDir, '.source-stamp');
const sources = [
	'src',
	'messages',
	'static',
	'project.inlang/settings.json',
	'svelte.config.js',
	'vite.config.ts',
	'paraglide.config.js',
	'package.json'
];

/** Newest modification time among the files the build is made from. */
function newestSource() {
	let newest = 0;
	/** @param {string} file */
	const visit = (file) => {
		const stat = fs.statSync(file, { throwIfNoEntry: false });
		if (!stat) return;
		if (stat.isDirectory()) {
			for (const entry of fs.readdirSync(file)) {
				if (entry === 'paraglide') continue; // generated from messages/
				visit(path.join(file, entry));
			}
		} else newest = Math.max(newest, stat.mtimeMs);
	};
	for (const source of sources) visit(path.join(root, source));
	return newest;
}

function buildIsCurrent() {
	const stamp = fs.statSync(stampFile, { throwIfNoEntry: false });
	return Boolean(
		stamp &&
		fs.existsSync(path.join(buildDir, 'index.js')) &&
		fs.existsSync(path.join(workersDir, 'render-collection.mjs')) &&
		stamp.mtimeMs >= newestSource()
	);
}

/** Builds once even if several `npm start` run at the same moment (an OS-level lock). */
export function buildIfNeeded() {
	if (process.env.USTAT_SKIP_BUILD === '1' || buildIsCurrent()) return;
	const vite = path.join(root, 'node_modules', '.bin', 'vite');
	if (!fs.existsSync(vite)) {
		if (fs.existsSync(path.join(buildDir, 'index.js'))) return; // production install without dev tools
		console.error('No build found and Vite is not installed: run `npm install` first.');
		process.exit(1);
	}
	fs.mkdirSync(path.join(root, 'node_modules'), { recursive: true });
	const lock = new SqliteDatabase(path.join(root, 'node_modules', '.ustat-build.lock'), {
		timeout: 600_000
	});
	try {
		lock.exec('BEGIN EXCLUSIVE');
		if (buildIsCurrent()) return; // another process built it while we waited
		const started = Date.now();
		console.log('Building Ustat (first start or sources changed)…');
		const result = spawnSync(vite, ['build', '--logLevel', 'warn'], {
			cwd: root,
			stdio: 'inherit'
		});
		// The render worker (DOCX and PDF of collections) is bundled apart: Vite bundles only
		// what the routes import.
		const workers =
			result.status === 0
				? spawnSync(process.execPath, [path.join(root, 'scripts', 'build-workers.js')], {
						cwd: root,
						stdio: 'inherit'
					})
				: result;
		if (workers.status !== 0) {
			console.error('The build failed; see the messages above.');
			process.exit(workers.status ?? 1);
		}
		fs.writeFileSync(stampFile, new Date().toISOString());
		console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
	} finally {
		if (lock.inTransaction) lock.exec('COMMIT');
		lock.close();
	}
}

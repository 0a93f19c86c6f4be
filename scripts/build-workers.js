// Bundles the worker threads that the SvelteKit build doesn't hold (it bundles only what the
// routes import): `node scripts/build-workers.js [outDir]`, by default into build/workers. The
// server finds them through USTAT_WORKERS_DIR (set by scripts/start.js). Packages stay external:
// they are loaded from node_modules at run time.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Each worker's entry (in src/) and the file it is bundled into. */
export const workers = [
	{
		entry: 'src/lib/server/export/collection/render-worker.ts',
		file: 'render-collection.mjs'
	},
	{
		entry: 'src/lib/server/domain/material-documents/render-worker.ts',
		file: 'render-material.mjs'
	},
	{
		entry: 'src/lib/server/richtext/worker/convert-worker.ts',
		file: 'convert-docx.mjs'
	}
];

/** @param {string} [outDir] */
export async function buildWorkers(outDir = path.join(root, 'build', 'workers')) {
	for (const worker of workers) {
		await build({
			entryPoints: [path.join(root, worker.entry)],
			outfile: path.join(outDir, worker.file),
			bundle: true,
			platform: 'node',
			format: 'esm',
			packages: 'external',
			target: 'node20',
			// Independent of .svelte-kit/tsconfig.json, which may not exist yet.
			tsconfigRaw: { compilerOptions: {} },
			logLevel: 'warning'
		});
	}
	return outDir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const outDir = await buildWorkers(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
	console.log(`Workers built into ${path.relative(root, outDir) || '.'}`);
}

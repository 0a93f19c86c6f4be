// The JavaScript each page of the built app loads before it is interactive (issue 17: the
// budget is 40 KB gzipped). For every page route: SvelteKit's start and app entries with their
// imports, plus the static imports of the route's layouts and page (what the server lists as
// <link rel="modulepreload"> and the page's start script imports). Chunks loaded later by
// `import()` (the rich-text editor) are not counted. Sizes are gzip at zlib's default level,
// as a server or proxy would send them.
//
//   node scripts/js-weights.js            # table on stderr, one JSON line last on stdout
//   node scripts/js-weights.js --budget 40  # exit 1 when a page is over 40 KB
//
// Reads build/ (run `npm run build` first).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const server = path.join(root, 'build', 'server', 'chunks');
const client = path.join(root, 'build', 'client');

const budgetArg = process.argv.indexOf('--budget');
const budgetKb = budgetArg > 0 ? Number(process.argv[budgetArg + 1]) : null;

if (!fs.existsSync(server)) {
	console.error('No build: run `npm run build` first.');
	process.exit(2);
}

const manifestFile = fs.readdirSync(server).find((f) => /^manifest\.js-.*\.js$/.test(f));
if (!manifestFile) throw new Error('build/server/chunks/manifest.js-*.js not found');
const manifest = fs.readFileSync(path.join(server, manifestFile), 'utf8');

/**
 * A JS array literal of strings or numbers, read without evaluating it.
 * @param {string} text
 * @returns {string[]}
 */
const list = (text) =>
	text
		.split(',')
		.map((/** @type {string} */ s) => s.trim().replace(/^"|"$/g, ''))
		.filter(Boolean);

const entryImports = list(/client: \{[^}]*?imports:\[([^\]]*)\]/.exec(manifest)?.[1] ?? '');
if (entryImports.length === 0) throw new Error('no client entry imports in the manifest');

// nodes: [ __memo(() => import('./nodes/0.js-HASH.js')), … ] in index order.
const nodeFiles = [...manifest.matchAll(/import\('\.\/(nodes\/\d+\.js-[^']+\.js)'\)/g)].map(
	(match) => match[1]
);
const nodeImports = nodeFiles.map((file) => {
	const text = fs.readFileSync(path.join(server, file ?? ''), 'utf8');
	return list(/const imports = \[([^\]]*)\]/.exec(text)?.[1] ?? '');
});

const routes = [
	...manifest.matchAll(
		/id: "([^"]+)",\s*pattern: [^\n]*\n\s*params: [^\n]*\n\s*page: \{ layouts: \[([^\]]*)\], errors: \[[^\]]*\], leaf: (\d+) \}/g
	)
].map((match) => ({
	id: match[1],
	nodes: [...list(match[2] ?? '').map(Number), Number(match[3])]
}));

/** @type {Map<string, { raw: number, gz: number }>} */
const sizes = new Map();
/**
 * @param {string} file
 * @returns {{ raw: number, gz: number }}
 */
function gzipped(file) {
	if (!sizes.has(file)) {
		const bytes = fs.readFileSync(path.join(client, file));
		sizes.set(file, { raw: bytes.length, gz: zlib.gzipSync(bytes).length });
	}
	return /** @type {{ raw: number, gz: number }} */ (sizes.get(file));
}

const kb = (/** @type {number} */ bytes) => Math.round((bytes / 1024) * 10) / 10;
const pages = routes.map(({ id, nodes }) => {
	const files = new Set(entryImports);
	for (const node of nodes) for (const file of nodeImports[node] ?? []) files.add(file);
	let raw = 0;
	let gz = 0;
	for (const file of files) {
		const size = gzipped(file);
		raw += size.raw;
		gz += size.gz;
	}
	return { route: id, files: files.size, rawKb: kb(raw), gzKb: kb(gz) };
});
pages.sort((a, b) => b.gzKb - a.gzKb);

// The chunks most pages share, and the biggest ones: where to cut.
/** @type {Map<string, number>} */
const shared = new Map();
for (const { nodes } of routes) {
	const files = new Set(entryImports);
	for (const node of nodes) for (const file of nodeImports[node] ?? []) files.add(file);
	for (const file of files) shared.set(file, (shared.get(file) ?? 0) + 1);
}
const heaviest = [...shared]
	.map(([file, count]) => ({ file, pages: count, gzKb: kb(gzipped(file).gz) }))
	.sort((a, b) => b.gzKb - a.gzKb)
	.slice(0, 12);

const all = fs
	.readdirSync(path.join(client, '_app', 'immutable', 'chunks'))
	.map((f) => `_app/immutable/chunks/${f}`)
	.filter((f) => f.endsWith('.js'));
const lazy = all
	.filter((f) => !shared.has(f))
	.map((file) => ({ file, gzKb: kb(gzipped(file).gz) }))
	.sort((a, b) => b.gzKb - a.gzKb)
	.slice(0, 5);

for (const page of pages)
	console.error(`${page.gzKb.toFixed(1).padStart(6)} KB gz  ${page.files} files  ${page.route}`);
console.error('\nheaviest chunks loaded at start:');
for (const chunk of heaviest)
	console.error(
		`${chunk.gzKb.toFixed(1).padStart(6)} KB gz  on ${chunk.pages} pages  ${chunk.file}`
	);
console.error('\nheaviest chunks loaded only later (import()):');
for (const chunk of lazy)
	console.error(`${chunk.gzKb.toFixed(1).padStart(6)} KB gz  ${chunk.file}`);

const over = budgetKb === null ? [] : pages.filter((page) => page.gzKb > budgetKb);
const max = pages[0];
console.log(
	JSON.stringify({
		pages: pages.length,
		maxGzKb: max?.gzKb ?? 0,
		maxRoute: max?.route ?? null,
		medianGzKb: pages[Math.floor(pages.length / 2)]?.gzKb ?? 0,
		budgetKb,
		over: over.map((page) => page.route),
		weights: Object.fromEntries(pages.map((page) => [page.route, page.gzKb]))
	})
);
if (over.length > 0) process.exitCode = 1;

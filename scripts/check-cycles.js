// `npm run check` step: fails when the server's modules import each other in a cycle.
// A module is a folder under src/lib/server/domain (accounts, groups, …) or a top-level
// folder or file of src/lib/server (db, access, web, …). Files in one module may import
// each other freely; between modules the graph must stay acyclic, so each module can be
// read, tested and moved on its own. Tests are left out (they may reach anywhere).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const server = path.join(root, 'src/lib/server');

/** @param {string} dir @returns {string[]} */
function sources(dir) {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sources(full);
		return /\.(ts|js)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
	});
}

/** The module a file belongs to: 'domain/groups', 'db', 'validation', … */
function moduleOf(/** @type {string} */ file) {
	const rel = path.relative(server, file).split(path.sep);
	if (rel[0] === 'domain') return `domain/${String(rel[1]).replace(/\.(ts|js)$/, '')}`;
	const top = /** @type {string} */ (rel[0]);
	return rel.length > 1 ? top : top.replace(/\.(ts|js)$/, '');
}

const importPattern =
	/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** @type {Map<string, Map<string, string>>} module → imported module → an example file */
const edges = new Map();
for (const file of sources(server)) {
	const from = moduleOf(file);
	const text = fs.readFileSync(file, 'utf8');
	for (const match of text.matchAll(importPattern)) {
		const spec = /** @type {string} */ (match[1] ?? match[2]);
		let target;
		if (spec.startsWith('.')) target = path.resolve(path.dirname(file), spec);
		else if (spec.startsWith('$lib/server/')) target = path.join(server, spec.slice(12));
		else continue;
		if (!target.startsWith(server + path.sep)) continue;
		const to = moduleOf(
			fs.existsSync(target) && fs.statSync(target).isDirectory()
				? path.join(target, 'index.ts')
				: target + '.ts'
		);
		if (to === from) continue;
		if (!edges.has(from)) edges.set(from, new Map());
		const out = /** @type {Map<string, string>} */ (edges.get(from));
		if (!out.has(to)) out.set(to, path.relative(root, file));
	}
}

// Tarjan's strongly connected components: every component of more than one module is a cycle.
let index = 0;
/** @type {Map<string, number>} */ const order = new Map();
/** @type {Map<string, number>} */ const low = new Map();
/** @type {string[]} */ const stack = [];
const onStack = new Set();
/** @type {string[][]} */ const cycles = [];
function visit(/** @type {string} */ node) {
	order.set(node, index);
	low.set(node, index++);
	stack.push(node);
	onStack.add(node);
	for (const next of edges.get(node)?.keys() ?? []) {
		if (!order.has(next)) {
			visit(next);
			low.set(
				node,
				Math.min(/** @type {number} */ (low.get(node)), /** @type {number} */ (low.get(next)))
			);
		} else if (onStack.has(next))
			low.set(
				node,
				Math.min(/** @type {number} */ (low.get(node)), /** @type {number} */ (order.get(next)))
			);
	}
	if (low.get(node) === order.get(node)) {
		/** @type {string[]} */ const component = [];
		let member;
		do {
			member = /** @type {string} */ (stack.pop());
			onStack.delete(member);
			component.push(member);
		} while (member !== node);
		if (component.length > 1) cycles.push(component.sort());
	}
}
for (const node of edges.keys()) if (!order.has(node)) visit(node);

if (cycles.length === 0) {
	console.log(`no import cycles between ${edges.size} server modules`);
} else {
	console.error(`✖ ${cycles.length} import cycle(s) between server modules:`);
	for (const component of cycles) {
		console.error(`  ${component.join(' ⇄ ')}`);
		for (const from of component)
			for (const [to, file] of edges.get(from) ?? [])
				if (component.includes(to)) console.error(`    ${from} → ${to}   (${file})`);
	}
	process.exit(1);
}

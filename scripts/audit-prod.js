// `node scripts/audit-prod.js`: fails (exit 1) when a production dependency has a high or
// critical advisory, and prints each one. Development tools are left out (--omit=dev): they
// never run in a deployment. The registry being out of reach is not a failure of the code:
// CI must not turn red because the network is down, so that case warns and exits 0.
import { spawnSync } from 'node:child_process';

const failing = new Set(['high', 'critical']);

const result = spawnSync(
	process.platform === 'win32' ? 'npm.cmd' : 'npm',
	['audit', '--omit=dev', '--audit-level=high', '--json'],
	{ encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
);

/** @param {string} message */
function unreachable(message) {
	console.warn(`⚠ npm audit could not ask the registry: ${message}`);
	console.warn('⚠ production dependencies NOT audited (network); not failing the build.');
	process.exit(0);
}

if (result.error) unreachable(result.error.message);

/** @type {any} */
let report;
try {
	report = JSON.parse(result.stdout || '{}');
} catch {
	// npm prints JSON even on failure; anything else is npm itself failing to run the audit.
	unreachable((result.stderr || result.stdout || `exit ${result.status}`).trim().slice(0, 500));
}

// A network or registry failure: {"error": {"code": "ENOTFOUND" | "EAI_AGAIN" | …, "summary"}},
// or the registry refusing the audit endpoint ({"message": "405 …", "statusCode", "error"}).
if (report.error) {
	const { code, summary, detail } = report.error;
	const told = [report.message, code, summary, detail].filter(Boolean).join(' — ');
	unreachable((told || `npm exited with ${result.status}`).slice(0, 500));
}

/** @type {Record<string, any>} */
const vulnerabilities = report.vulnerabilities ?? {};
const found = Object.values(vulnerabilities).filter((v) => failing.has(v.severity));

const counts = report.metadata?.vulnerabilities ?? {};
const summary = ['critical', 'high', 'moderate', 'low', 'info']
	.map((s) => `${s} ${counts[s] ?? 0}`)
	.join(', ');

if (found.length === 0) {
	console.log(`✔ npm audit (production dependencies): no high or critical advisory (${summary})`);
	process.exit(0);
}

console.error(`✖ npm audit: ${found.length} production dependencies with high/critical advisories`);
for (const v of found) {
	// `via` holds advisories (objects) or the names of the vulnerable packages pulled in.
	const advisories = (v.via ?? []).filter((/** @type {any} */ a) => typeof a === 'object');
	const through = (v.via ?? []).filter((/** @type {any} */ a) => typeof a === 'string');
	const fix =
		v.fixAvailable === true
			? 'fix: npm audit fix'
			: v.fixAvailable
				? `fix: ${v.fixAvailable.name}@${v.fixAvailable.version}${v.fixAvailable.isSemVerMajor ? ' (major)' : ''}`
				: 'no fix available';
	console.error(`  ${v.severity.toUpperCase()} ${v.name} ${v.range ?? ''} (${fix})`);
	for (const a of advisories)
		console.error(`    ${a.severity}: ${a.title ?? a.name} ${a.url ?? ''} [${a.range ?? ''}]`);
	if (through.length > 0) console.error(`    through: ${through.join(', ')}`);
}
console.error(`(${summary})`);
process.exit(1);

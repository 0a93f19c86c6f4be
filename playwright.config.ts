import { defineConfig, type Project } from '@playwright/test';

// Browser tests: the built app (`npm run build`; `npm test` builds first), in Debian's
// Chromium, at a phone's width, once with JavaScript and once without. Each project has its
// own server and its own fresh database (scripts/e2e-server.js), because the specs run the
// first-run setup, which happens once per deployment.

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const basePort = Number(process.env.E2E_PORT ?? 43_110);

const projects = [
	{ name: 'js', javaScriptEnabled: true, port: basePort },
	{ name: 'nojs', javaScriptEnabled: false, port: basePort + 1 }
];

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	fullyParallel: false,
	forbidOnly: Boolean(process.env.CI),
	// No retries: a retried serial group would run the once-only setup again.
	retries: 0,
	// Two workers: the js and nojs projects run side by side (2 cores). Another spec file
	// could run beside first-run.spec.ts in the same project, so it must not rely on setup
	// being done unless it does it itself (or add tests to first-run.spec.ts).
	workers: 2,
	reporter: 'list',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		viewport: { width: 360, height: 740 },
		actionTimeout: 10_000,
		navigationTimeout: 20_000,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		launchOptions: {
			executablePath,
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
	},
	projects: projects.map(({ name, javaScriptEnabled, port }): Project => ({
		name,
		use: { javaScriptEnabled, baseURL: `http://127.0.0.1:${port}` }
	})),
	webServer: projects.map(({ name, port }) => ({
		name,
		command: `node scripts/e2e-server.js ${name} ${port}`,
		url: `http://127.0.0.1:${port}/healthz`,
		reuseExistingServer: false,
		timeout: 60_000,
		stdout: 'pipe' as const,
		stderr: 'pipe' as const,
		gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 }
	}))
});

import { defineConfig, type Project } from '@playwright/test';

// Browser tests: the built app (`npm run build`; `npm test` builds first), in Debian's
// Chromium, at a phone's width, once with JavaScript and once without. Every test starts its
// own server on a fresh database (tests/e2e/fixtures.ts and server.ts; PostgreSQL
// when TEST_DATABASE_URL is set) and seeds what it needs through the app's forms, so tests
// run alone, in any order and side by side. The server's log is shown only for a failed test.

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const projects = [
	{ name: 'js', javaScriptEnabled: true },
	{ name: 'nojs', javaScriptEnabled: false }
];

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	globalSetup: './tests/e2e/global-setup.ts',
	// Tests are independent: any worker may take any of them.
	fullyParallel: true,
	forbidOnly: Boolean(process.env.CI),
	// No retries, in CI either: a flaky test is fixed, not retried.
	retries: 0,
	// Two workers for two cores (E2E_WORKERS to change it): see the measurements in
	// tests/e2e/README.md.
	workers: Number(process.env.E2E_WORKERS ?? 2),
	reporter: 'list',
	// A test's time includes starting its server and seeding it.
	timeout: 90_000,
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
	projects: projects.map(({ name, javaScriptEnabled }): Project => ({
		name,
		use: { javaScriptEnabled }
	}))
});

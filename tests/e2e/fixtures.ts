import { test as base, type Page } from '@playwright/test';
import fs from 'node:fs';
import { startApp, templateName, type App } from './server';
import { Seeder } from './seed';

// The browser tests' `test`: every test gets its own app server on a fresh database (so it
// runs alone, in any order, beside any other), seeds what it needs through the app's forms
// (`seed`), and may open other people's phones (`phone`). The server's log is kept in memory
// and shown only if the test fails.

/**
 * Servers for one worker, one per test. The next one starts while a test runs, so a test
 * seldom waits for its server to come up; a finished test's server stops (and its data goes)
 * while the next test runs, so no test waits for that either.
 */
class AppPool {
	private next?: Promise<App>;
	private count = 0;
	private stopping: Promise<unknown>[] = [];

	constructor(
		private readonly run: string,
		private readonly prefix: string
	) {}

	private launch(): Promise<App> {
		const started = startApp(`${this.run}_${this.prefix}_${this.count++}`, templateName(this.run));
		started.catch(() => undefined); // reported by take() when it is used
		return started;
	}

	async take(): Promise<App> {
		const ready = this.next;
		this.next = undefined;
		const app = ready ? await ready.catch(() => this.launch()) : await this.launch();
		this.next = this.launch();
		return app;
	}

	/** Stops a finished test's server in the background; close() waits for it. */
	retire(app: App): void {
		// Settled, so a failure to stop is reported by close(), not as an unhandled rejection.
		this.stopping.push(
			app.stop().then(
				() => undefined,
				(error: unknown) => error
			)
		);
	}

	async close(): Promise<void> {
		const spare = await this.next?.catch(() => undefined);
		this.next = undefined;
		await spare?.stop();
		const failures = (await Promise.all(this.stopping)).filter((error) => error !== undefined);
		this.stopping = [];
		if (failures.length > 0) throw failures[0];
	}
}

export interface Fixtures {
	/** This test's own app server. */
	app: App;
	/** Seeding through the app's forms, on this test's server. */
	seed: Seeder;
	/**
	 * Another person's phone: a browser context like the project's (viewport, JavaScript on
	 * or off unless said), closed after the test.
	 */
	phone: (javaScriptEnabled?: boolean) => Promise<Page>;
	/**
	 * Settings of this test's server beyond the defaults (`test.use({ serverSettings: {
	 * LIBREOFFICE: … } })`): such a test gets a server of its own, not one from the pool.
	 */
	serverSettings: Record<string, string>;
}

export const test = base.extend<Fixtures, { appPool: AppPool }>({
	appPool: [
		// eslint-disable-next-line no-empty-pattern
		async ({}, use, workerInfo) => {
			// e.g. "a1b2c3_nojs3_0": the run, the project and worker, the test's number in it.
			const run = process.env.E2E_RUN;
			if (!run) throw new Error('E2E_RUN is not set: tests/e2e/global-setup.ts did not run');
			const pool = new AppPool(run, `${workerInfo.project.name}${workerInfo.workerIndex}`);
			await use(pool);
			await pool.close();
		},
		{ scope: 'worker' }
	],

	serverSettings: [{}, { option: true }],

	app: async ({ appPool, serverSettings }, use, testInfo) => {
		const own = Object.keys(serverSettings).length > 0;
		const app = own
			? await startApp(
					`${process.env.E2E_RUN}_own${testInfo.workerIndex}_${testInfo.testId
						.toLowerCase()
						.replace(/[^a-z0-9]/g, '')
						.slice(0, 10)}`,
					templateName(process.env.E2E_RUN!),
					serverSettings
				)
			: await appPool.take();
		try {
			await use(app);
		} finally {
			if (testInfo.status !== testInfo.expectedStatus) {
				// The server's side of the failure: attached to the test, its end printed.
				const file = testInfo.outputPath('server.log');
				fs.writeFileSync(file, app.log());
				await testInfo.attach('server-log', { path: file, contentType: 'text/plain' });
				const tail = app.log().trimEnd().split('\n').slice(-40).join('\n');
				process.stderr.write(
					`\n── server log of "${testInfo.title}" [${testInfo.project.name}] (last lines; all in ${file}) ──\n${tail}\n\n`
				);
			}
			if (own) await app.stop();
			else appPool.retire(app);
		}
	},

	baseURL: async ({ app }, use) => {
		await use(app.url);
	},

	seed: async ({ app }, use) => {
		await use(new Seeder(app.url));
	},

	phone: async ({ browser, app }, use, testInfo) => {
		const { viewport, javaScriptEnabled } = testInfo.project.use;
		const pages: Page[] = [];
		await use(async (js = javaScriptEnabled) => {
			const context = await browser.newContext({
				baseURL: app.url,
				viewport,
				javaScriptEnabled: js
			});
			const page = await context.newPage();
			pages.push(page);
			return page;
		});
		for (const page of pages) await page.context().close();
	}
});

export { expect } from '@playwright/test';

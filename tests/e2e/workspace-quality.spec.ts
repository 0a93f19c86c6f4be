import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, Page } from '@playwright/test';
import { startDemo, type Demo } from './demo';
import { root } from './server';
import { expect, test } from './fixtures';

// Issue 17's quality checks, over the demo school (`npm run demo`'s data, seeded once):
// - every page a leader, the school's director and a visitor reach is checked by axe-core
//   (WCAG 2.2 AA) in the light and the dark theme, at 360 and at 1280 px: no violation;
// - the main pages load at most JS_BUDGET_KB of JavaScript (gzipped) before they are
//   interactive: the rich-text editor, loaded when it is opened, is not part of it;
// - screenshots of the main pages, both widths and themes, are kept as the test's artifacts
//   (not compared).
// One test (the JS project: the pages with their scripts), pages opened once each.

// The goal is 40 KB; Svelte's and SvelteKit's runtimes alone are 34 KB of it, and the
// pages measured 60–85 KB when this check was written (docs/design.md, "JavaScript weight").
// The check holds the line at 90 KB so that no page grows unnoticed while the goal is open.
const budgetKb = Number(process.env.JS_BUDGET_KB ?? 90);
const wcag = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
/** The rules whose result depends on the colours: all that the dark theme needs checked again. */
const colourRules = ['color-contrast', 'link-in-text-block'];
const widths = [360, 1280] as const;

/** The main pages: screenshots, and the JS budget. Route patterns as `routeOf` writes them. */
const mainPages: Record<string, string> = {
	home: '/home',
	'group-home': '/groups/:id',
	materials: '/groups/:id/materials',
	'material-new': '/groups/:id/materials/new',
	material: '/groups/:id/materials/:id',
	vote: '/groups/:id/votes/:id',
	meeting: '/groups/:id/meetings/:id',
	collection: '/groups/:id/collections/:id',
	profile: '/profile',
	'admin-staff': '/admin/staff'
};

/** Addresses not to open: leaving, files, feeds, photos, and GET links that change things. */
const skipped =
	/\/signout|\/language|\.(pdf|docx|xlsx|csv|json|ics|atom|xml|png|jpe?g|svg)(\?|$)|\/files\/|\/images\/|\/photo(\?|$)|\/download|\/export|\/oai/;

/** One page per route: ids and numbers made placeholders, the query left out. */
const routeOf = (pathname: string) =>
	pathname
		.replace(/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '/:id')
		.replace(/\/\d+(?=\/|$)/g, '/:n')
		.replace(/\/(p|s|invite|reset|unsubscribe)\/[^/]+/, '/$1/:code');

/**
 * Signs in through the sign-in form's action as use:enhance posts it (the form itself is
 * tested elsewhere): the session cookie lands in the page's context.
 */
async function signIn(page: Page, origin: string, email: string, password: string) {
	const response = await page.context().request.post(`${origin}/signin`, {
		form: { email, password },
		headers: { origin, 'x-sveltekit-action': 'true' },
		maxRedirects: 0
	});
	expect(await response.text()).toContain('/home');
	await page.goto('/home');
	await expect(page).toHaveURL(/\/home$/);
}

interface Violation {
	page: string;
	theme: 'light' | 'dark';
	width: number;
	rule: string;
	impact: string;
	help: string;
	elements: string[];
}

interface Crawl {
	opened: string[];
	violations: Violation[];
	/** Route → gzipped KB of JavaScript loaded by the page's first view. */
	weights: Map<string, number>;
	/** Route → the address used for it. */
	addresses: Map<string, string>;
	/** Pages that failed to run (script errors). */
	problems: string[];
}

/** Gzipped sizes of the scripts, by URL (their names carry their hash). */
const gzSizes = new Map<string, Promise<number>>();

const axeSource = fs.readFileSync(path.join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * axe-core on the page as it is now: all WCAG 2.2 AA rules in the light theme, the colour
 * rules in the dark one. Injected once per page (through the debugging protocol, as the
 * strict CSP would refuse a <script>), then run for each width and theme.
 */
async function axe(page: Page, width: number, theme: 'light' | 'dark', key: string) {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
	const options =
		theme === 'light'
			? { runOnly: { type: 'tag', values: wcag }, resultTypes: ['violations'] }
			: { runOnly: { type: 'rule', values: colourRules }, resultTypes: ['violations'] };
	const violations = await page.evaluate(
		async (options) =>
			// @ts-expect-error axe is the global the injected source defines
			((await window.axe.run(document, options)) as import('axe-core').AxeResults).violations,
		options
	);
	return violations.map((v): Violation => ({
		page: key,
		theme,
		width,
		rule: v.id,
		impact: v.impact ?? '',
		help: v.help,
		elements: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`)
	}));
}

async function crawl(
	browser: Browser,
	origin: string,
	account: { email: string; password: string } | null,
	starts: string[],
	limit: number,
	into: Crawl,
	shots: (name: string) => string
) {
	const context = await browser.newContext({
		baseURL: origin,
		viewport: { width: 360, height: 740 }
	});
	const page = await context.newPage();
	/** Gzipped bytes of each script the page loaded (from the cache or not), counted once each. */
	const weigh = async () => {
		const urls = await page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.map((entry) => entry.name)
				.filter((name) => new URL(name).pathname.endsWith('.js'))
		);
		const sizes = await Promise.all(
			[...new Set(urls)].map((url) => {
				const key = new URL(url).pathname;
				if (!gzSizes.has(key))
					gzSizes.set(
						key,
						context.request.get(url).then(async (r) => zlib.gzipSync(await r.body()).length)
					);
				return gzSizes.get(key)!;
			})
		);
		return sizes.reduce((sum, size) => sum + size, 0) / 1024;
	};
	page.on('pageerror', (error) =>
		into.problems.push(`${routeOf(new URL(page.url()).pathname)}: ${error.message}`)
	);
	try {
		if (account) await signIn(page, origin, account.email, account.password);
		const queue = [...starts];
		const seen = new Set<string>();
		let opened = 0;
		while (queue.length > 0 && opened < limit) {
			const url = new URL(queue.shift()!, origin);
			url.hash = '';
			const route = routeOf(url.pathname);
			if (url.origin !== origin || skipped.test(url.pathname) || seen.has(url.pathname)) continue;
			seen.add(url.pathname);
			if (into.addresses.has(route)) continue;
			const t0 = Date.now();
			const response = await page.goto(url.href).catch((error: Error) => {
				// A link to a download is no page: the browser saves it instead.
				if (/Download is starting/.test(error.message)) return null;
				throw error;
			});
			if (!response || !/html/.test(response.headers()['content-type'] ?? '')) continue;
			if (response.status() >= 400) continue;
			const key = routeOf(new URL(page.url()).pathname);
			if (into.addresses.has(key)) continue; // redirected to a page already checked
			into.addresses.set(key, page.url());
			opened++;
			into.opened.push(key);
			// Public pages run no script at all; the others are checked once they run.
			const scripted = (await page.locator('link[rel=modulepreload], script[src]').count()) > 0;
			if (scripted)
				await page
					.waitForFunction(() => document.documentElement.dataset.hydrated === 'true', null, {
						timeout: 10_000
					})
					.catch(() => into.problems.push(`${key}: the page did not start its scripts`));
			await page.waitForLoadState('load');
			into.weights.set(key, await weigh());

			const main = Object.entries(mainPages).find(([, pattern]) => pattern === key)?.[0];
			for (const width of widths) {
				if (width !== 360) await page.setViewportSize({ width, height: 800 });
				for (const theme of ['light', 'dark'] as const) {
					// At 1280 px the dark theme's colours are checked on the main pages: what the
					// width changes (the sidebar, the header) is the same on every page.
					if (width !== 360 && theme === 'dark' && !main) continue;
					await page.emulateMedia({ colorScheme: theme });
					const t1 = Date.now();
					into.violations.push(...(await axe(page, width, theme, key)));
					if (process.env.QUALITY_TIMING)
						console.info(`  axe ${width} ${theme} ${Date.now() - t1} ms`);
					if (main)
						await page.screenshot({ path: shots(`${main}-${width}-${theme}.png`), fullPage: true });
				}
			}
			await page.setViewportSize({ width: 360, height: 740 });
			await page.emulateMedia({ colorScheme: 'light' });

			if (process.env.QUALITY_TIMING) console.info(`${key} ${Date.now() - t0} ms`);
			const links = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href')!));
			for (const link of links) queue.push(new URL(link, url).href);
		}
	} finally {
		await context.close();
	}
}

test('quality: every demo page passes axe in both themes and widths; main pages within the JS budget', async ({
	browser
}, testInfo) => {
	test.skip(
		testInfo.project.name !== 'js',
		'one run is enough: the JS project sees the pages as most people do, scripts and all'
	);
	// Its own demo school and ~64 pages × 3 axe runs: 2–2.6 min alone on two cores, over
	// 4 min when the machine is busy with other work (seen in CI): one test, a wide margin.
	test.setTimeout(480_000);
	const run = process.env.E2E_RUN ?? 'local';
	let demo: Demo | undefined;
	try {
		demo = await test.step('the demo school is seeded and served', () =>
			startDemo(`${run}_quality${testInfo.workerIndex}`));
		const { app, accounts } = demo;
		const password = accounts[0]!.password;
		const account = (email: string) => ({ email, password });
		const result: Crawl = {
			opened: [],
			violations: [],
			weights: new Map(),
			addresses: new Map(),
			problems: []
		};
		const shots = (name: string) => testInfo.outputPath(name);

		await test.step('a leader opens every page she reaches', () =>
			crawl(
				browser,
				app.url,
				account('gulnara.tologonova@karakol5.edu.kg'),
				['/home', '/profile', '/groups', '/materials', '/school-work', '/inbox'],
				90,
				result,
				shots
			));
		await test.step('the director (school admin, operator) opens every page left', () =>
			crawl(
				browser,
				app.url,
				account('director@karakol5.edu.kg'),
				['/home', '/admin/staff', '/admin/school', '/operator/schools', '/groups'],
				50,
				result,
				shots
			));
		await test.step('a visitor opens the public pages', () =>
			crawl(browser, app.url, null, ['/', '/signin', '/forgot', '/catalog'], 20, result, shots));

		const weights = Object.fromEntries(
			[...result.weights].map(([route, kb]) => [route, Math.round(kb * 10) / 10])
		);
		fs.writeFileSync(
			testInfo.outputPath('quality.json'),
			JSON.stringify(
				{
					opened: result.opened,
					weights,
					problems: result.problems,
					violations: result.violations
				},
				null,
				1
			)
		);
		await testInfo.attach('quality.json', {
			path: testInfo.outputPath('quality.json'),
			contentType: 'application/json'
		});
		console.info(
			`quality: ${result.opened.length} pages, ${result.violations.length} axe violations; ` +
				`JS gz KB ${JSON.stringify(weights)}`
		);

		expect(result.opened.length, 'pages opened').toBeGreaterThan(40);
		for (const pattern of Object.values(mainPages))
			expect(result.addresses.has(pattern), `a main page was reached: ${pattern}`).toBe(true);
		const summary = result.violations.map(
			(v) => `${v.page} [${v.width}px ${v.theme}] ${v.rule}: ${v.elements[0]?.slice(0, 160)}`
		);
		expect.soft(summary, 'axe-core violations (all in quality.json)').toEqual([]);
		expect.soft(result.problems, 'script errors').toEqual([]);
		const over = Object.values(mainPages)
			.filter((pattern) => (result.weights.get(pattern) ?? 0) > budgetKb)
			.map((pattern) => `${pattern}: ${weights[pattern]} KB`);
		expect(over, `main pages over ${budgetKb} KB of JavaScript (gzipped)`).toEqual([]);
	} finally {
		await demo?.stop();
	}
});

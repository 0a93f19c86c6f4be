import { expect, type Page } from '@playwright/test';
import { xssPayloads } from '../../src/lib/server/richtext/xss-payloads';

// Script injection: a material full of attempts, and the traps that tell whether any of it
// ran in the browser (materials-xss.spec.ts; its pages are also checked for width).

export const xss = {
	title: 'Коопсуздук <script>alert(1)</script> <img src=x onerror=alert(1)> сыноосу',
	abstract: 'Кыскача <img src=x onerror="window.__pwned=1"> мазмуну',
	tags: '<b>тег</b>, "><script>alert(1)</script>',
	start: 'Сыноо башталды: Үмүт, Өмүр, Теңир-Тоо.'
};
/** Attempts of our own: each would leave a trace the test can read, besides an alert. */
const ownPayloads = [
	'<img src=x onerror="window.__pwned=1">',
	'<img src="x" onerror="document.title=\'pwned\'">',
	'<p><a href="javascript:window.__pwned=1">Басыңыз</a></p>',
	'<details open ontoggle="window.__pwned=1">x</details>',
	'<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
	'<p style="background:url(javascript:window.__pwned=1)">стиль</p>',
	'<svg><animate onbegin="window.__pwned=1" attributeName="x" dur="1s"></animate></svg>'
];
export const xssBody = [
	`<p>${xss.start}</p>`,
	'<p>Текст катары: &lt;script&gt;alert(1)&lt;/script&gt;</p>',
	...ownPayloads,
	...xssPayloads
].join('\n');

type Watched = Window & { __pwned?: unknown; __xss?: number; __csp?: string[] };

/**
 * Opens a page with traps set: alert and the like count in `window.__xss` instead of opening
 * a dialog, CSP violations are collected, and any dialog that still opens is recorded.
 */
export async function watchForScripts(page: Page) {
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(`${dialog.type()}: ${dialog.message()}`);
		void dialog.dismiss();
	});
	await page.addInitScript(() => {
		const w = window as Watched;
		w.__xss = 0;
		w.__csp = [];
		const count = () => {
			w.__xss = (w.__xss ?? 0) + 1;
		};
		w.alert = count;
		w.confirm = () => (count(), false);
		w.prompt = () => (count(), null);
		document.addEventListener('securitypolicyviolation', (event) => {
			w.__csp?.push(`${event.violatedDirective} ${event.blockedURI}`);
		});
	});
	return dialogs;
}

/** After the page had time to run anything: nothing ran, and nothing that could is left. */
export async function expectNothingRan(
	page: Page,
	dialogs: string[],
	{
		within = 'section.body',
		markup = 'sanitized'
	}: {
		within?: string;
		/**
		 * What the area holds: the sanitized body (checked tag by tag), the editor's (TipTap
		 * sets widths on the tables it draws) or a page of the app's own forms.
		 */
		markup?: 'sanitized' | 'editor' | 'page';
	} = {}
) {
	// Give onload, onbegin (1 s), ontoggle and the like their chance; hover and focus around.
	const box = await page.locator(within).boundingBox();
	if (box) {
		for (let y = box.y + 5; y < box.y + Math.min(box.height, 2_000); y += 40)
			await page.mouse.move(box.x + box.width / 2, y);
	}
	for (let i = 0; i < 5; i++) await page.keyboard.press('Tab');
	await page.waitForTimeout(1_500);

	const found = await page.evaluate((selector) => {
		const w = window as Watched;
		const root = document.querySelector(selector);
		const all = root ? [...root.querySelectorAll('*')] : [];
		const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'];
		return {
			pwned: w.__pwned,
			alerts: w.__xss,
			csp: w.__csp ?? [],
			title: document.title,
			handlers: all.flatMap((el) =>
				[...el.attributes]
					.filter((a) => /^on/i.test(a.name))
					.map((a) => `<${el.localName} ${a.name}>`)
			),
			urls: all.flatMap((el) =>
				[...el.attributes]
					.filter((a) => urlAttributes.includes(a.name.toLowerCase()))
					.map((a) => `${el.localName} ${a.name}=${a.value.slice(0, 60)}`)
			),
			styles: all.filter((el) => el.hasAttribute('style')).map((el) => el.localName),
			tags: [...new Set(all.map((el) => el.localName))],
			// The page's own scripts carry SvelteKit's nonce or come from /_app/.
			strangeScripts: [...document.querySelectorAll('script')]
				.filter((s) => !s.nonce && !(s.src && new URL(s.src).pathname.startsWith('/_app/')))
				.map((s) => s.outerHTML.slice(0, 80))
		};
	}, within);

	// The checks below look inside the area: it must be there and hold something.
	expect(found.tags.length, `${within} holds markup to check`).toBeGreaterThan(0);
	expect(dialogs, 'no dialog opened').toEqual([]);
	expect(found.alerts, 'alert, confirm or prompt was never called').toBe(0);
	expect(found.pwned, 'window.__pwned was never set').toBeUndefined();
	expect(found.title).not.toContain('pwned');
	expect(found.csp, 'nothing was left for the CSP to block').toEqual([]);
	expect(found.handlers).toEqual([]);
	expect(found.strangeScripts).toEqual([]);
	if (markup === 'page') return;
	if (markup === 'sanitized') expect(found.styles).toEqual([]);
	for (const tag of ['script', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'style'])
		expect(found.tags).not.toContain(tag);
	for (const tag of ['link', 'meta', 'base', 'svg', 'math', 'template', 'textarea'])
		expect(found.tags).not.toContain(tag);
	// Some addresses survive (a web link, a picture): the checks below are not empty.
	expect(found.urls.length, 'addresses to check').toBeGreaterThan(0);
	for (const url of found.urls) {
		const value = url.slice(url.indexOf('=') + 1).toLowerCase();
		expect(value, url).not.toMatch(/^\W*(javascript|vbscript|data:text|data:image\/svg)/);
		expect(url, 'only web, mail and picture addresses').toMatch(
			/^(a href=(https?:|mailto:)|img src=(data:image\/(png|jpeg|gif|webp);|\/))/
		);
	}
}

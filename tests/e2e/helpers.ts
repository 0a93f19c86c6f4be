import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import fs from 'node:fs';

// Shared by the browser specs: the message catalogs (so assertions follow the real texts),
// and small steps a user takes on every page.

export type Locale = 'ky' | 'ru' | 'en';
/** The catalog's keys, from messages/ky.json: a misspelt key does not type-check. */
export type MessageKey = Exclude<keyof typeof import('../../messages/ky.json'), '$schema'>;
export type Messages = Readonly<Record<MessageKey, string>>;

type Variant = { match: Record<string, string> };

function load(locale: Locale): Messages {
	const file = new URL(`../../messages/${locale}.json`, import.meta.url);
	const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
	const messages: Record<string, string> = {};
	for (const [key, value] of Object.entries(raw)) {
		if (typeof value === 'string') messages[key] = value;
		// Plural messages: the "other" form is enough for the assertions here.
		else if (Array.isArray(value)) {
			const match = (value[0] as Variant | undefined)?.match ?? {};
			const other = Object.entries(match).find(([selector]) => selector.endsWith('=other'));
			if (other) messages[key] = other[1];
		}
	}
	return new Proxy(messages as Messages, {
		// A typo in a key fails loudly instead of comparing with "undefined".
		get(target, key) {
			if (typeof key !== 'string' || key === 'then' || key === 'toJSON') return undefined;
			const text = (target as Record<string, string | undefined>)[key];
			if (text === undefined) throw new Error(`no message "${key}" in messages/${locale}.json`);
			return text;
		}
	});
}

export const catalogs: Record<Locale, Messages> = {
	ky: load('ky'),
	ru: load('ru'),
	en: load('en')
};
export const ky = catalogs.ky;

/** A message with its {placeholders} filled in. */
export function fill(message: string, params: Record<string, string | number>): string {
	return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}

/** A regular expression that matches the text literally. */
export function literally(text: string): RegExp {
	return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/** The catalog of the language the page is shown in (`<html lang>`). */
export async function messagesOf(page: Page): Promise<Messages> {
	const lang = await page.locator('html').getAttribute('lang');
	if (lang !== 'ky' && lang !== 'ru' && lang !== 'en') throw new Error(`unexpected lang ${lang}`);
	return catalogs[lang];
}

export const languageNames: Record<Locale, string> = {
	ky: 'Кыргызча',
	ru: 'Русский',
	en: 'English'
};

/** Presses a language button in the header and waits for the page in that language. */
export async function switchLanguage(page: Page, locale: Locale): Promise<void> {
	await page.getByRole('button', { name: languageNames[locale], exact: true }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/** Opens the header's "Menu" disclosure and returns its navigation. */
export async function openMenu(page: Page, m: Messages): Promise<Locator> {
	const nav = page.getByRole('navigation', { name: m.nav_label, exact: true });
	if (!(await nav.isVisible())) await page.locator('summary', { hasText: m.nav_menu }).click();
	await expect(nav).toBeVisible();
	return nav;
}

/** Follows a link of the menu and waits for its page. */
export async function followMenuLink(page: Page, m: Messages, name: string, url: RegExp) {
	const menu = await openMenu(page, m);
	await menu.getByRole('link', { name, exact: true }).click();
	await expect(page).toHaveURL(url);
	await closeMenu(page, m);
}

/** Closes the header's menu if it is open. */
export async function closeMenu(page: Page, m: Messages): Promise<void> {
	const nav = page.getByRole('navigation', { name: m.nav_label, exact: true });
	const toggle = page.locator('summary', { hasText: m.nav_menu });
	if (!(await toggle.isVisible())) return; // ≥1024 px: the sidebar, nothing to close
	if (await nav.isVisible()) await toggle.click();
	await expect(nav).toBeHidden();
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
	await page.goto('/signin');
	const m = await messagesOf(page);
	await page.getByLabel(m.email, { exact: true }).fill(email);
	await page.getByLabel(m.password, { exact: true }).fill(password);
	await page.getByRole('button', { name: m.sign_in, exact: true }).click();
	await expect(page).toHaveURL(/\/home$/);
}

export async function signOut(page: Page): Promise<void> {
	const m = await messagesOf(page);
	const menu = await openMenu(page, m);
	await menu.getByRole('button', { name: m.sign_out, exact: true }).click();
	await expect(page).toHaveURL(/\/signin\?done=signout$/);
	const after = await messagesOf(page);
	await expect(page.getByText(after.signin_after_signout)).toBeVisible();
}

/** The field's wrapper (label, input, hint, error): to find the error shown next to it. */
export function fieldOf(page: Page, input: Locator): Locator {
	return page.locator('.field', { has: input });
}

/** Expects the translated error next to the input, tied to it for screen readers. */
export async function expectFieldError(page: Page, input: Locator, message: string) {
	await expect(input).toHaveAttribute('aria-invalid', 'true');
	await expect(fieldOf(page, input).locator('.error-text')).toHaveText(message);
	await expect(input).toHaveAccessibleDescription(literally(message));
}

/** At a phone's width nothing may make the page scroll sideways. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
	const width = page.viewportSize()?.width ?? 360;
	const measure = () =>
		page.evaluate(() => {
			const root = document.documentElement;
			const limit = root.clientWidth;
			// An element too wide, or one whose content (a long word) spills out of its box.
			const wide = [...document.querySelectorAll('body *')]
				.filter((element) => {
					const box = element.getBoundingClientRect();
					const spills = getComputedStyle(element).overflowX === 'visible';
					const right = spills ? box.left + element.scrollWidth : box.right;
					return Math.max(box.right, right) > limit + 0.5;
				})
				// The innermost ones name the cause; their ancestors only carry it.
				.filter((element, _, all) => !all.some((o) => o !== element && element.contains(o)))
				.slice(0, 5)
				.map((element) => `<${element.tagName.toLowerCase()} class="${element.className}">`);
			return { scrollWidth: root.scrollWidth, wide };
		});
	const result = await measure();
	expect(
		result.scrollWidth,
		`${page.url()} scrolls sideways at ${width} px; too wide: ${result.wide.join(', ')}`
	).toBeLessThanOrEqual(width);
}

/**
 * With JavaScript on, waits until the app page's script has taken over: a box ticked before
 * then can be reset as the page comes to life. A no-op without JavaScript.
 */
export async function pageReady(page: Page): Promise<void> {
	if (test.info().project.use.javaScriptEnabled === false) return;
	await page.waitForFunction(() => document.documentElement.dataset.hydrated === 'true');
}

/** The page's h1. */
export const heading = (page: Page) => page.getByRole('heading', { level: 1 });

/** A request id as the error pages show it. */
export const requestIdPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** Public pages are plain HTML: no script at all, whichever project. */
export async function expectNoScripts(page: Page) {
	await expect(page.locator('script')).toHaveCount(0);
}

/** The section of a page under its h2. */
export function sectionOf(page: Page, name: string) {
	return page.locator('section', {
		has: page.getByRole('heading', { level: 2, name, exact: true })
	});
}

/** The editing area of the rich-text body (TipTap, when JavaScript runs). */
export const editorArea = (page: Page) => page.locator('#field-body-area [contenteditable="true"]');

/** The tab of a group's page (Home, Members, Plan, Meetings, Revisions…). */
export async function openGroupTab(page: Page, name: string, url: RegExp) {
	const tabs = page.getByRole('navigation', { name: ky.group_tabs_label, exact: true });
	const link = tabs.getByRole('link', { name, exact: true });
	// On a phone the sections are one tap away: the current section's line opens the list.
	if (!(await link.isVisible())) await tabs.locator('summary').click();
	await link.click();
	await expect(page).toHaveURL(url);
	// The list is closed again: the current link is read whether it shows or not.
	await expect(tabs.locator('a[aria-current="page"]')).toHaveText(name);
}

/** From Home, through the menu's Groups, to the group's page (named `name`, at `url`). */
/**
 * Opens a group's tab, sees it empty (`empty` is its empty-list text), follows its "new"
 * link and lands on the new page; both fit the phone.
 */
export async function openEmptyTabThenNew(
	page: Page,
	groupUrl: string,
	tab: { name: string; path: string; title: string; empty: string },
	create: { link: string; title: string }
) {
	await openGroupTab(page, tab.name, new RegExp(`${groupUrl}/${tab.path}$`));
	await expect(heading(page)).toHaveText(tab.title);
	await expect(page.getByText(tab.empty)).toBeVisible();
	await expectNoHorizontalScroll(page);
	await page.getByRole('link', { name: create.link, exact: true }).click();
	await expect(page).toHaveURL(`${groupUrl}/${tab.path}/new`);
	await expect(heading(page)).toHaveText(create.title);
	await expectNoHorizontalScroll(page);
}

export async function openGroupFromMenu(page: Page, name: string, url: string) {
	await followMenuLink(page, ky, ky.nav_groups, /\/groups$/);
	await expect(heading(page)).toHaveText(ky.groups_title);
	await page.getByRole('link', { name, exact: true }).click();
	await expect(page).toHaveURL(url);
	await expect(heading(page)).toHaveText(name);
}

/** Opens the page and expects it not to scroll sideways at a phone's width (one step each). */
export async function expectPagesFitThePhone(page: Page, pages: string[], shorten: string) {
	expect(pages.length, 'pages to check').toBeGreaterThan(0);
	for (const address of pages) {
		await test.step(address.replace(shorten, '/groups/…'), async () => {
			const response = await page.goto(address);
			expect(response?.status()).toBe(200);
			await expectNoHorizontalScroll(page);
		});
	}
}

/** No accessibility rule broken on the page as it is now (axe-core, WCAG 2.1 A and AA). */
export async function expectAccessible(page: Page): Promise<void> {
	// axe runs in the page: with JavaScript off the same markup was checked by the other project.
	if (test.info().project.use.javaScriptEnabled === false) return;
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(
		violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
	).toEqual([]);
}

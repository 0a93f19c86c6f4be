import type { Page, TestInfo } from '@playwright/test';
import { admin, group, teacher } from './data';
import { expect, test } from './fixtures';
import {
	expectNoHorizontalScroll,
	followMenuLink,
	ky,
	openMenu,
	pageReady,
	signIn,
	type MessageKey
} from './helpers';
import { groupWithMembers } from './seed';

// Issue 17, the shell: the frame by width (a sidebar from 1024 px, a "Menu" and a bottom bar on
// a phone), the dark theme, the JavaScript-off hints, drafts of half-filled forms.
// With JavaScript and without, at 360 × 740 and 1280 × 800.

/** A catalog text by a key held in a variable (helpers.ts's `ky` checks it exists). */
const text = (key: string): string => ky[key as MessageKey];

const mainNav = (page: Page) => page.getByRole('navigation', { name: ky.nav_label, exact: true });
const menuToggle = (page: Page) => page.locator('summary', { hasText: ky.nav_menu });
const rootSurface = (page: Page) =>
	page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);

/** /home in the light and the dark theme: screenshots kept, the surface colour compared. */
async function bothThemes(page: Page, testInfo: TestInfo, name: string) {
	await page.emulateMedia({ colorScheme: 'light' });
	const light = await rootSurface(page);
	await page.screenshot({ path: testInfo.outputPath(`${name}-light.png`), fullPage: true });
	await page.emulateMedia({ colorScheme: 'dark' });
	const dark = await rootSurface(page);
	await page.screenshot({ path: testInfo.outputPath(`${name}-dark.png`), fullPage: true });
	expect(dark).not.toBe(light);
	await page.emulateMedia({ colorScheme: 'light' });
}

test.describe('at 1280 px', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	test('the sidebar shows the person’s groups and sections, without a "Menu" button', async ({
		page,
		seed
	}, testInfo) => {
		await groupWithMembers(seed);
		await signIn(page, teacher.email, teacher.password);
		await pageReady(page);
		const nav = mainNav(page);
		await expect(nav).toBeVisible();
		await expect(menuToggle(page)).toBeHidden();
		// The sidebar is the banner, at the left; the content starts beside it.
		const box = (await page.getByRole('banner').boundingBox())!;
		expect(box.x).toBe(0);
		expect(box.width).toBeLessThan(300);
		const main = (await page.locator('main').boundingBox())!;
		expect(main.x).toBeGreaterThanOrEqual(box.width);
		expect(main.y).toBeLessThan(120);
		// "My groups": the group, with its badge, one click away.
		await expect(nav.getByText(text('shell_my_groups'))).toBeVisible();
		const link = nav.getByRole('link', { name: group.name, exact: true });
		await expect(link).toBeVisible();
		await expect(nav.getByRole('link', { name: ky.nav_materials, exact: true })).toBeVisible();
		await expect(nav.getByRole('button', { name: ky.sign_out, exact: true })).toBeVisible();
		await expect(page.getByRole('searchbox')).toBeVisible();
		// No bottom bar on a wide screen.
		await expect(
			page.getByRole('navigation', { name: text('shell_bottom_label'), exact: true })
		).toBeHidden();
		await expectNoHorizontalScroll(page);
		await bothThemes(page, testInfo, 'home-1280');
		await link.click();
		await expect(page).toHaveURL(/\/groups\/[0-9a-f-]{36}$/);
		await expect(link).toHaveAttribute('aria-current', 'page');
	});
});

test('on a phone: a bottom bar, and "Menu" reaches every section of the admin', async ({
	page,
	seed
}, testInfo) => {
	await groupWithMembers(seed);
	await signIn(page, admin.email, admin.password);
	await pageReady(page);
	const bottom = page.getByRole('navigation', { name: text('shell_bottom_label'), exact: true });
	await expect(bottom).toBeVisible();
	for (const name of [ky.nav_home, ky.nav_groups, ky.nav_materials])
		await expect(bottom.getByRole('link', { name, exact: true })).toBeVisible();
	await expect(bottom.getByRole('link')).toHaveCount(3);
	// The bar is at the bottom of the screen and "Menu" beside it; the page ends above them.
	const bar = (await bottom.boundingBox())!;
	expect(bar.y + bar.height).toBeCloseTo(740, 0);
	const toggle = menuToggle(page);
	const cell = (await toggle.boundingBox())!;
	expect(Math.round(cell.y)).toBe(Math.round(bar.y));
	// The banner keeps the search and the bell; the content starts in the first screen.
	await expect(page.getByRole('banner').getByRole('link', { name: ky.inbox_bell })).toBeVisible();
	expect((await page.locator('main h1').boundingBox())!.y).toBeLessThan(200);
	await expectNoHorizontalScroll(page);
	await bothThemes(page, testInfo, 'home-360');

	// "Menu": the admin's sections, above the bar, the same with JavaScript or without.
	const nav = await openMenu(page, ky);
	for (const name of [ky.nav_staff, ky.nav_school, ky.nav_schools, ky.nav_profile])
		await expect(nav.getByRole('link', { name, exact: true })).toBeVisible();
	await expect(nav.getByText(text('shell_school_groups'))).toBeVisible();
	await expect(nav.getByRole('link', { name: group.name, exact: true })).toBeVisible();
	await expectNoHorizontalScroll(page);
	await followMenuLink(page, ky, ky.nav_staff, /\/admin\/staff$/);
	await expectNoHorizontalScroll(page);
	await bottom.getByRole('link', { name: ky.nav_groups, exact: true }).click();
	await expect(page).toHaveURL(/\/groups$/);
	await expect(bottom.getByRole('link', { name: ky.nav_groups, exact: true })).toHaveAttribute(
		'aria-current',
		'page'
	);
});

test('hints for JavaScript-off readers show only without it; controls that need it only with it', async ({
	page,
	seed
}, testInfo) => {
	await groupWithMembers(seed, { withColleague: false });
	await signIn(page, teacher.email, teacher.password);
	await pageReady(page);
	await page.evaluate(() => {
		const hint = document.createElement('p');
		hint.className = 'hint js-off-only';
		hint.id = 'probe-off';
		hint.textContent = 'without JavaScript';
		const control = document.createElement('button');
		control.className = 'js-only';
		control.id = 'probe-on';
		control.textContent = 'with JavaScript';
		document.querySelector('main')!.append(hint, control);
	});
	const js = testInfo.project.use.javaScriptEnabled !== false;
	await expect(page.locator('#probe-off')).toBeVisible({ visible: !js });
	await expect(page.locator('#probe-on')).toBeVisible({ visible: js });
});

test('a half-filled form: its draft is back on the next visit, until discarded', async ({
	page,
	seed
}) => {
	test.skip(
		test.info().project.use.javaScriptEnabled === false,
		'drafts are kept by the page script'
	);
	const world = await groupWithMembers(seed, { withColleague: false });
	await signIn(page, teacher.email, teacher.password);
	const discussions = new URL(`${world.groupUrl}/discussions`).pathname;
	await page.goto(discussions);
	await pageReady(page);
	const title = page.getByLabel(ky.discussion_title_label, { exact: true });
	const typed = 'Күзгү ачык сабактардын графиги';
	await title.fill(typed);
	// Leaving through a link of the app at once: the draft is written before the page goes.
	await page
		.getByRole('navigation', { name: text('shell_bottom_label'), exact: true })
		.getByRole('link', { name: ky.nav_home, exact: true })
		.click();
	await expect(page).toHaveURL(/\/home$/);
	// Coming back (a new page load): the draft is in the field, with a notice.
	await page.goto(discussions);
	await pageReady(page);
	await expect(title).toHaveValue(typed);
	const notice = page.getByRole('status').filter({ hasText: text('shell_draft_restored') });
	await expect(notice).toBeVisible();
	await notice.getByRole('button', { name: text('shell_draft_discard'), exact: true }).click();
	await expect(title).toHaveValue('');
	await expect(notice).toBeHidden();
	// Discarded: not back on the next visit, and leaving asks nothing.
	await page.reload();
	await pageReady(page);
	await expect(title).toHaveValue('');
});

import type { Page, TestInfo } from '@playwright/test';
import { admin, colleague, collection, teacher, worksheet, type Person } from './data';
import { expect, test } from './fixtures';
import {
	expectNoHorizontalScroll,
	fill,
	heading,
	ky,
	pageReady,
	signIn,
	type MessageKey
} from './helpers';
import {
	acceptInvitation,
	collectionOfTwo,
	createMaterial,
	groupWithMembers,
	inviteStaff,
	offerMaterial,
	type GroupWorld
} from './seed';

// Issue 17, the work part: the collection editor in steps with its main action (compiling) on
// the first screen; the materials filters folded into one "Filter" control on a phone, the
// active ones as removable chips; the review page with what each criterion and score means
// and the material beside the scores; the staff list a table on a wide screen, cards on a
// phone, and no sideways scroll with a long address. At 360 × 740 and 1280 × 800, with
// JavaScript and without.

/** A catalog text by a key held in a variable (helpers.ts's `ky` checks it exists). */
const text = (key: string): string => ky[key as MessageKey];

/** A teacher whose address is 60 characters long. */
const longEmail = `aigul.abdyrakhmanova.methodologist.${'x'.repeat(9)}@mektep-3.edu.kg`;
const longPerson: Person = {
	fullName: 'Айгүл Абдырахманова',
	email: longEmail,
	password: 'Uzun-dareк-2024!'
};

/** A material the colleague offers to the group: the leader reviews it. Its address. */
async function offeredArticle(world: GroupWorld): Promise<string> {
	const url = await createMaterial(world.colleague, world.groupUrl, {
		type: 'article',
		title: 'Окуу сабагындагы топтук иш',
		abstract: 'Топтук иштин үч ыкмасы жана аларды баалоо.',
		body: '<h2>Биринчи ыкма</h2><p>Окуучулар төрт кишиден топко бөлүнөт.</p>'
	});
	await offerMaterial(world.colleague, url);
	return url;
}

/** The world of every test here: a group, its collection of two, an article to review. */
async function workWorld(seed: Parameters<typeof groupWithMembers>[0]) {
	const world = await groupWithMembers(seed);
	const collectionUrl = await collectionOfTwo(world);
	const articleUrl = await offeredArticle(world);
	// A third teacher with a long address, for the staff pages.
	const invitation = await inviteStaff(world.admin, longPerson.email);
	await acceptInvitation(await seed.anonymous(), invitation, longPerson);
	return { world, collectionUrl, articleUrl };
}

const shot = (page: Page, testInfo: TestInfo, name: string) =>
	page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });

const steps = (page: Page) =>
	page.getByRole('navigation', { name: text('work_steps_label'), exact: true });
const compile = (page: Page) =>
	page.getByRole('button', { name: ky.collection_compile, exact: true });

/** The collection editor: its steps by address, compiling in the first screen on each. */
async function collectionEditor(page: Page, collectionUrl: string, testInfo: TestInfo, w: number) {
	await page.goto(collectionUrl);
	await expect(heading(page)).toHaveText(collection.title);
	const nav = steps(page);
	await expect(nav.getByRole('link', { name: text('work_step_contents') })).toHaveAttribute(
		'aria-current',
		'page'
	);
	// The main action on the first screen, before any scrolling.
	await expect(compile(page)).toBeInViewport();
	await expect(nav).toBeInViewport();
	await expect(page.locator('li.item .item-title')).toHaveCount(2);
	await expect(page.getByText(fill(text('work_sections_count'), { count: 2 }))).toBeVisible();
	await expectNoHorizontalScroll(page);
	await shot(page, testInfo, `collection-contents-${w}`);

	await nav.getByRole('link', { name: text('work_step_title_page') }).click();
	await expect(page).toHaveURL(`${collectionUrl}?step=title`);
	await expect(
		page.getByRole('heading', { level: 2, name: ky.collection_title_page, exact: true })
	).toBeVisible();
	await expect(page.getByText(colleague.fullName, { exact: true })).toBeVisible();
	await expect(page.locator('li.item')).toHaveCount(0);
	await expect(compile(page)).toBeInViewport();
	await expectNoHorizontalScroll(page);

	await nav.getByRole('link', { name: text('work_step_editions') }).click();
	await expect(page).toHaveURL(`${collectionUrl}?step=editions`);
	await expect(page.getByText(ky.collection_editions_empty)).toBeVisible();
	await expect(compile(page)).toBeInViewport();
	await expectNoHorizontalScroll(page);
	await shot(page, testInfo, `collection-editions-${w}`);
}

/** The review page: the scale and the criteria explained, the material beside the form. */
async function reviewPage(page: Page, articleUrl: string, testInfo: TestInfo, w: number) {
	await page.goto(`${articleUrl}/review`);
	await expect(heading(page)).toHaveText(ky.review_title);
	await pageReady(page);
	const material = page.getByRole('region', { name: 'Окуу сабагындагы топтук иш' });
	await expect(material.getByText('Топтук иштин үч ыкмасы жана аларды баалоо.')).toBeVisible();
	await expect(material.getByText('Окуучулар төрт кишиден топко бөлүнөт.')).toBeVisible();
	await expect(
		material.getByRole('link', { name: text('work_review_open_material') })
	).toHaveAttribute('href', new URL(articleUrl).pathname);
	// What each score means, and what each built-in criterion asks.
	await expect(page.getByText(text('work_review_score_5'), { exact: false }).first()).toBeVisible();
	const relevance = page.locator('fieldset.criterion', {
		has: page.getByText(ky.criterion_relevance, { exact: true })
	});
	await expect(relevance.getByText(text('work_criterion_relevance_hint'))).toBeVisible();
	await expect(relevance).toHaveAccessibleDescription(text('work_criterion_relevance_hint'));
	const five = relevance.getByRole('radio', { name: '5', exact: true });
	await expect(five).toHaveAccessibleDescription(`5 — ${text('work_review_score_5')}`);
	await five.check();
	// The chosen score's meaning is said next to the scores (CSS, with or without JavaScript).
	await expect(relevance.locator('.chosen')).toContainText(text('work_review_score_5'));
	if (w >= 1280) {
		// Side by side: the material at the left of the scores, both in the first screen.
		const pane = (await material.boundingBox())!;
		const form = (await page.locator('form.scores').boundingBox())!;
		expect(pane.x + pane.width).toBeLessThanOrEqual(form.x);
		await expect(material).toBeInViewport();
	}
	await expectNoHorizontalScroll(page);
	await shot(page, testInfo, `review-${w}`);
}

/** The group's materials: one "Filter" control on a phone, inline on a wide screen. */
async function materialsFilter(page: Page, groupUrl: string, testInfo: TestInfo, w: number) {
	await page.goto(`${groupUrl}/materials`);
	await pageReady(page);
	// The label wraps the select: its name ends with the chosen option ("… Баары").
	const type = page.getByRole('combobox', { name: ky.material_type });
	const toggle = page.locator('details.filter > summary');
	if (w < 1024) {
		await expect(toggle).toBeVisible();
		await expect(toggle).toContainText(text('work_filter'));
		await expect(type).toBeHidden();
		await toggle.click();
	} else {
		await expect(toggle).toBeHidden();
	}
	await expect(type).toBeVisible();
	await type.selectOption({ label: ky.material_type_didactic });
	await page.getByRole('button', { name: ky.materials_apply, exact: true }).click();
	await expect(page).toHaveURL(/[?&]type=didactic/);
	const chips = page.getByRole('list', { name: text('work_filters_active') });
	const chip = chips.getByRole('link', {
		name: fill(text('work_filter_remove'), {
			filter: `${ky.material_type}: ${ky.material_type_didactic}`
		})
	});
	await expect(chip).toBeVisible();
	await expect(page.getByRole('link', { name: worksheet.title, exact: true })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Окуу сабагындагы топтук иш' })).toHaveCount(0);
	// Without JavaScript the page is loaded afresh: the control is folded again.
	if (w < 1024 && !test.info().project.use.javaScriptEnabled) await expect(type).toBeHidden();
	await expectNoHorizontalScroll(page);
	await shot(page, testInfo, `materials-filtered-${w}`);
	await chip.click();
	await expect(page).not.toHaveURL(/type=/);
	await expect(chips).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Окуу сабагындагы топтук иш' })).toBeVisible();
}

/** The staff list and a person's page: nothing scrolls sideways with a 60-character address. */
async function staffPages(page: Page, testInfo: TestInfo, w: number) {
	expect(longEmail).toHaveLength(60);
	// The admin on the same browser: the teacher's session dropped first.
	await page.context().clearCookies();
	await signIn(page, admin.email, admin.password);
	await page.goto('/admin/staff');
	await expect(heading(page)).toHaveText(ky.staff_title);
	const table = page.getByRole('table', { name: ky.staff_list_title });
	await expect(table.getByRole('cell', { name: longEmail })).toBeVisible();
	await expectNoHorizontalScroll(page);
	if (w >= 1280) {
		// A real table: its header row shows, one row per person.
		await expect(table.getByRole('columnheader', { name: ky.email })).toBeVisible();
		await expect(table.getByRole('row')).toHaveCount(1 + 4);
		const row = table.getByRole('row').filter({ hasText: longEmail });
		const cells = await row.getByRole('cell').all();
		const top = (await cells[0]!.boundingBox())!.y;
		for (const cell of cells) expect(Math.abs((await cell.boundingBox())!.y - top)).toBeLessThan(2);
	} else {
		await expect(table.getByRole('columnheader', { name: ky.email })).toBeHidden();
	}
	await shot(page, testInfo, `staff-${w}`);
	await table.getByRole('link', { name: longPerson.fullName, exact: true }).click();
	await expect(heading(page)).toHaveText(longPerson.fullName);
	await expect(page.getByText(longEmail, { exact: true })).toBeVisible();
	await expectNoHorizontalScroll(page);
	await shot(page, testInfo, `staff-person-${w}`);
}

test('work at 360 px: collection steps, folded filter with chips, review with the material, staff', async ({
	page,
	seed
}, testInfo) => {
	test.setTimeout(120_000);
	const { world, collectionUrl, articleUrl } = await workWorld(seed);
	await signIn(page, teacher.email, teacher.password);
	await test.step('the collection editor', () =>
		collectionEditor(page, collectionUrl, testInfo, 360));
	await test.step('the materials filter', () =>
		materialsFilter(page, world.groupUrl, testInfo, 360));
	await test.step('the review page', () => reviewPage(page, articleUrl, testInfo, 360));
	await test.step('the staff pages', () => staffPages(page, testInfo, 360));
});

test.describe('at 1280 px', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	test('work at 1280 px: collection steps, inline filters, review side by side, staff table', async ({
		page,
		seed
	}, testInfo) => {
		test.setTimeout(120_000);
		const { world, collectionUrl, articleUrl } = await workWorld(seed);
		await signIn(page, teacher.email, teacher.password);
		await test.step('the collection editor', () =>
			collectionEditor(page, collectionUrl, testInfo, 1280));
		await test.step('the materials filter', () =>
			materialsFilter(page, world.groupUrl, testInfo, 1280));
		await test.step('the review page', () => reviewPage(page, articleUrl, testInfo, 1280));
		await test.step('the staff pages', () => staffPages(page, testInfo, 1280));
	});
});

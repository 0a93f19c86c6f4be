import type { Locator, Page } from '@playwright/test';
import { admin, colleague, group, motivation, teacher, type Person } from './data';
import { expect, test } from './fixtures';
import type { Visitor } from './forms';
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
	acceptRequest,
	askToJoin,
	createGroup,
	setUpSchool,
	type Seeder
} from './seed';

// Issue 17, the group: its face (header), its sections in one line, its home (what waits
// first), a new group opening for the admin who created it, the leader's first steps.

/** A catalog text by a key held in a variable (helpers.ts's `ky` checks it exists). */
const t = (key: string): string => ky[key as MessageKey];

/**
 * The school with its teachers, as seed.ts's schoolWithTeachers makes it, but following the
 * Staff page's redirect after the invitation is posted (redirect after post, issue 17).
 */
async function schoolWithTeachers(seed: Seeder, people: Person[]) {
	const adminVisitor = await seed.anonymous();
	await setUpSchool(adminVisitor);
	const teachers: Visitor[] = [];
	for (const person of people) {
		const done = await adminVisitor.submit('/admin/staff', {
			action: '?/invite',
			fields: { email: person.email }
		});
		const page = done.page ?? (await adminVisitor.open(done.location!));
		const link = page.byClass('copy')[0];
		const url = link ? page.text(link) : '';
		expect(url, 'the Staff page shows the invitation link').toMatch(/\/invite\/\S+$/);
		const visitor = await seed.anonymous();
		await acceptInvitation(visitor, url, person);
		teachers.push(visitor);
	}
	return { admin: adminVisitor, teachers };
}

/** The group led by the teacher, the colleague in it (she asked, the leader accepted). */
async function groupWithMembers(seed: Seeder) {
	const { admin: adminVisitor, teachers } = await schoolWithTeachers(seed, [teacher, colleague]);
	const [teacherVisitor, colleagueVisitor] = teachers as [Visitor, Visitor];
	const groupUrl = new URL(await createGroup(adminVisitor, teacher), adminVisitor.baseURL).href;
	await askToJoin(colleagueVisitor, groupUrl, motivation);
	await acceptRequest(teacherVisitor, groupUrl, colleague);
	return { groupUrl };
}

/** Every section of the group, as the leader sees them, grouped as the navigation shows. */
const sections: { group: string; name: string; path: string }[] = [
	{ group: 'group_nav_work', name: ky.group_tab_materials, path: 'materials' },
	{ group: 'group_nav_work', name: ky.approbations_tab, path: 'approbations' },
	{ group: 'group_nav_work', name: ky.group_tab_plan, path: 'plan' },
	{ group: 'group_nav_work', name: ky.group_tab_meetings, path: 'meetings' },
	{ group: 'group_nav_decisions', name: ky.group_tab_proposals, path: 'proposals' },
	{ group: 'group_nav_decisions', name: ky.group_tab_discussions, path: 'discussions' },
	{ group: 'group_nav_decisions', name: ky.group_tab_votes, path: 'votes' },
	{ group: 'group_nav_decisions', name: ky.group_tab_decisions, path: 'decisions' },
	{ group: 'group_nav_results', name: ky.collections_tab, path: 'collections' },
	{ group: 'group_nav_results', name: ky.approbation_group_results, path: 'results' },
	{ group: 'group_nav_results', name: ky.publications_tab, path: 'publications' },
	{ group: 'group_nav_group', name: ky.group_tab_members, path: 'members' },
	{ group: 'group_nav_group', name: ky.group_tab_charter, path: 'revisions' },
	{ group: 'group_nav_group', name: ky.forms_tab, path: 'forms' }
];

const groupNav = (page: Page) =>
	page.getByRole('navigation', { name: ky.group_tabs_label, exact: true });
const isPhone = (page: Page) => (page.viewportSize()?.width ?? 360) < 768;

/** Opens a section through the group's navigation, as a person would at this width. */
async function openSection(page: Page, groupUrl: string, section: (typeof sections)[number]) {
	const nav = groupNav(page);
	if (isPhone(page)) {
		await nav.locator('summary').click();
	} else if (!(await nav.getByRole('link', { name: section.name, exact: true }).isVisible())) {
		// Another group of sections: its link opens its first section, its row shows the rest.
		await nav.getByRole('link', { name: t(section.group), exact: true }).click();
		await expect(nav.getByRole('link', { name: section.name, exact: true })).toBeVisible();
	}
	await nav.getByRole('link', { name: section.name, exact: true }).click();
	await expect(page).toHaveURL(`${groupUrl}/${section.path}`);
	await expect(nav.locator('a[aria-current="page"]')).toHaveText(section.name);
}

/** The header: the name (the h1 on the home), the theme, the leader. */
async function expectHeader(page: Page, theme: string) {
	const header = page.locator('header.group-head');
	await expect(heading(page)).toHaveText(group.name);
	await expect(header.getByText(theme, { exact: true })).toBeVisible();
	await expect(header).toContainText(fill(ky.groups_leader, { name: teacher.fullName }));
}

/** The navigation is one line (phone) or one row of groups (wide); content starts high. */
async function expectCompactTop(page: Page): Promise<number> {
	const nav = groupNav(page);
	const line = isPhone(page) ? nav.locator('summary') : nav.locator('ul.groups');
	const box = (await line.boundingBox())!;
	expect(box.height, 'the navigation is one row').toBeLessThanOrEqual(52);
	const top = (await page.locator('.group-top').boundingBox())!;
	const main = (await page.locator('main').boundingBox())!;
	const contentTop = Math.round(top.y + top.height);
	// The group's own part (header and navigation), below the site's top bar.
	const groupPart = Math.round(top.y + top.height - main.y);
	test.info().annotations.push({
		type: 'content top',
		description: `${contentTop} px (the group's header and navigation: ${groupPart} px)`
	});
	return groupPart;
}

async function stepOf(page: Page, key: string): Promise<Locator> {
	const steps = page.locator('section', {
		has: page.getByRole('heading', { name: t('group_steps_title'), exact: true })
	});
	return steps.getByRole('listitem').filter({ hasText: t(key) });
}

for (const viewport of [
	{ width: 360, height: 740 },
	{ width: 1280, height: 800 }
]) {
	test.describe(`at ${viewport.width} px`, () => {
		test.use({ viewport });

		test('group: a group created by the admin opens on its home with a confirmation, no join form', async ({
			page,
			seed
		}, testInfo) => {
			await schoolWithTeachers(seed, [teacher]);
			await signIn(page, admin.email, admin.password);
			await page.goto('/groups/new');
			await pageReady(page);
			await page.getByLabel(ky.charter_name, { exact: true }).fill(group.name);
			await page.getByLabel(ky.charter_theme, { exact: true }).fill(group.theme);
			await page
				.getByLabel(ky.group_leader, { exact: true })
				.selectOption({ label: teacher.fullName });
			await page.getByRole('button', { name: ky.create, exact: true }).click();

			await expect(page).toHaveURL(/\/groups\/[0-9a-f-]{36}$/);
			await expect(page.getByRole('status').filter({ hasText: t('group_created') })).toBeVisible();
			await expectHeader(page, group.theme);
			// The administration runs the group: its view, not the teacher's join form.
			await expect(page.getByText(t('group_admin_view'))).toBeVisible();
			await expect(page.getByRole('heading', { name: ky.group_join_title })).toHaveCount(0);
			await expect(page.getByRole('button', { name: ky.group_join, exact: true })).toHaveCount(0);
			// Not the leader: no first steps for the admin.
			await expect(page.getByRole('heading', { name: t('group_steps_title') })).toHaveCount(0);
			await expectNoHorizontalScroll(page);
			await page.screenshot({ path: testInfo.outputPath('group-new-admin.png'), fullPage: true });

			// The list of groups: a card with the badge, the theme, the leader, the count.
			await page.goto('/groups');
			const card = page.locator('li.group').filter({ hasText: group.name });
			await expect(card).toContainText(group.theme);
			await expect(card).toContainText(fill(ky.groups_leader, { name: teacher.fullName }));
			await expect(card).toContainText(fill(ky.groups_members, { count: 1 }));
			await expectNoHorizontalScroll(page);
			await page.screenshot({ path: testInfo.outputPath('groups-list.png'), fullPage: true });
		});

		test("group: the header, the one-line sections, every section reached; the leader's first steps", async ({
			page,
			seed
		}, testInfo) => {
			const { groupUrl } = await groupWithMembers(seed);
			await signIn(page, teacher.email, teacher.password);
			await page.goto(groupUrl);

			await test.step('the header names the group, its theme and leader; content starts high', async () => {
				await expectHeader(page, group.theme);
				await expect(
					page.getByRole('link', { name: fill(t('group_members_faces'), { count: 2 }) })
				).toBeVisible();
				// The header and the one-line navigation take ~150 px on a phone, so that with
				// the site's top bar the group's content starts in the first screen.
				const groupPart = await expectCompactTop(page);
				expect(groupPart).toBeLessThanOrEqual(isPhone(page) ? 180 : 200);
				const first = (await page.locator('.group-top + *').boundingBox())!;
				expect(first.y, 'the content starts in the first screen').toBeLessThan(
					(page.viewportSize()?.height ?? 740) / 2
				);
				await expectNoHorizontalScroll(page);
			});

			await test.step('the leader sees the first steps: members done, the charter not yet', async () => {
				await expect(page.getByRole('heading', { name: t('group_steps_title') })).toBeVisible();
				await expect(await stepOf(page, 'group_step_members')).toContainText(t('group_step_done'));
				await expect(await stepOf(page, 'group_step_charter')).toContainText(
					t('group_step_not_done')
				);
				await expect(await stepOf(page, 'group_step_plan')).toContainText(t('group_step_not_done'));
				await page.screenshot({
					path: testInfo.outputPath('group-home-leader.png'),
					fullPage: true
				});
			});

			await test.step('every section is reached through the navigation, marked current', async () => {
				for (const section of sections) {
					await openSection(page, groupUrl, section);
					// The other pages keep the header (the name, no longer the page's heading).
					await expect(page.locator('header.group-head')).toContainText(group.name);
				}
				await expectCompactTop(page);
				await expectNoHorizontalScroll(page);
				await page.screenshot({ path: testInfo.outputPath('group-section.png') });
			});

			await test.step('the leader writes the charter: that step is ticked', async () => {
				await page.goto(groupUrl);
				await (await stepOf(page, 'group_step_charter')).getByRole('link').click();
				await expect(page).toHaveURL(`${groupUrl}/charter`);
				await page.getByLabel(ky.charter_goals, { exact: true }).fill('Тапшырмаларды түзүү.');
				await page
					.getByLabel(ky.charter_expected_results, { exact: true })
					.fill('Методикалык жыйнак.');
				await page.getByLabel(ky.charter_strategy, { exact: true }).fill('Изилдөө, апробация.');
				await page.getByLabel(ky.charter_forms_of_work, { exact: true }).fill('Семинарлар.');
				await page.getByRole('button', { name: ky.save, exact: true }).first().click();
				await expect(
					page.getByRole('status').filter({ hasText: fill(ky.charter_saved, { number: 2 }) })
				).toBeVisible();
				await page.goto(groupUrl);
				await expect(await stepOf(page, 'group_step_charter')).toContainText(t('group_step_done'));
				await expect(await stepOf(page, 'group_step_meeting')).toContainText(
					t('group_step_not_done')
				);
			});
		});
	});
}

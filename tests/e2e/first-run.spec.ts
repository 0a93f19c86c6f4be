import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import {
	catalogs,
	expectFieldError,
	expectNoHorizontalScroll,
	fill,
	ky,
	literally,
	messagesOf,
	followMenuLink,
	openMenu,
	pageReady,
	signIn,
	signOut,
	switchLanguage
} from './helpers';
import { teacherDocx, TEACHER_TEXT } from '../../src/lib/server/test/docx-fixtures';
import { tinyPdf } from '../../src/lib/server/test/materials';
import { xssPayloads } from '../../src/lib/server/richtext/xss-payloads';

// The first day of a school on Ustat, as people click it, in both projects (JavaScript on
// and off; each has its own server and fresh database). Setup happens once per deployment,
// so the tests run in order and share what they created.
test.describe.configure({ mode: 'serial' });

const school = {
	name: 'Ысык-Көл облусундагы Үмөт атындагы №3 мектеп',
	region: ky.region_kg_y,
	regionCode: 'KG-Y',
	city: 'Каракол'
};
const admin = {
	fullName: 'Айгүл Өмүрбекова',
	email: 'aigul@mektep.kg',
	password: 'ала-тоонун үстүндө үч булут'
};
const teacher = {
	fullName: 'Нурлан Үсөнов',
	email: 'nurlan@mektep.kg',
	password: 'Ысык-Көлдүн суусу тунук 7'
};

/** The one-time link the admin hands to the teacher. */
let invitationUrl = '';

const requestIdPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** Public pages are plain HTML: no script at all, whichever project. */
async function expectNoScripts(page: Page) {
	await expect(page.locator('script')).toHaveCount(0);
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });

test('first run: the admin sets up the school, fixing a mistake on the way', async ({ page }) => {
	await test.step('an empty deployment sends everyone to setup', async () => {
		await page.goto('/');
		await expect(page).toHaveURL(/\/setup$/);
		await switchLanguage(page, 'ky');
		await expect(page).toHaveURL(/\/setup$/);
		await expect(heading(page)).toHaveText(ky.setup_title);
		await expectNoScripts(page);
		await expectNoHorizontalScroll(page);
	});

	const name = page.getByLabel(ky.school_name, { exact: true });
	const region = page.getByLabel(ky.school_region, { exact: true });
	const city = page.getByLabel(ky.school_city, { exact: true });
	const fullName = page.getByLabel(ky.full_name, { exact: true });
	const email = page.getByLabel(ky.email, { exact: true });
	const password = page.getByLabel(ky.password, { exact: true });
	const submit = page.getByRole('button', { name: ky.setup_submit, exact: true });

	await test.step('a bad email is explained next to the field; the rest stays typed', async () => {
		await name.fill(school.name);
		await region.selectOption({ label: school.region });
		await city.fill(school.city);
		await fullName.fill(admin.fullName);
		await email.fill('aigul.mektep.kg');
		await password.fill(admin.password);
		await submit.click();

		await expect(page.getByRole('alert')).toContainText(ky.error_check_form);
		await expectFieldError(page, email, ky.error_email);
		await expect(email).toHaveValue('aigul.mektep.kg');
		await expect(name).toHaveValue(school.name);
		await expect(region).toHaveValue(school.regionCode);
		await expect(city).toHaveValue(school.city);
		await expect(fullName).toHaveValue(admin.fullName);
		await expect(fullName).not.toHaveAttribute('aria-invalid', 'true');
		await expect(password).toHaveValue('');
		await expect(page.locator('html')).toHaveAttribute('lang', 'ky');
		await expectNoHorizontalScroll(page);
	});

	await test.step('with the mistake fixed the admin lands signed in on Home', async () => {
		await email.fill(admin.email);
		await password.fill(admin.password);
		await submit.click();
		await expect(page).toHaveURL(/\/home$/);
		await expect(heading(page)).toHaveText(fill(ky.home_greeting, { name: admin.fullName }));
		await expect(page.getByText(school.name, { exact: true })).toBeVisible();
		await expect(page.getByRole('heading', { name: ky.home_admin_title })).toBeVisible();
	});

	await test.step('setup cannot run twice', async () => {
		await page.goto('/setup');
		await expect(page).toHaveURL(/\/home$/);
	});

	await test.step('the admin signs out', async () => {
		await signOut(page);
	});
});

test('the admin signs in and invites a teacher from the Staff page', async ({ page }, testInfo) => {
	const js = testInfo.project.name === 'js';

	await test.step('sign in', async () => {
		await page.goto('/signin');
		await expectNoScripts(page);
		await expectNoHorizontalScroll(page);
		await signIn(page, admin.email, admin.password);
		// The admin chose Kyrgyz at setup: the profile decides the language from now on.
		await expect(page.locator('html')).toHaveAttribute('lang', 'ky');
		await expect(heading(page)).toHaveText(fill(ky.home_greeting, { name: admin.fullName }));
		await expectNoHorizontalScroll(page);
	});

	await test.step('Staff is in the menu', async () => {
		const menu = await openMenu(page, ky);
		await expectNoHorizontalScroll(page);
		await expect(menu.getByText(admin.fullName)).toBeVisible();
		await followMenuLink(page, ky, ky.nav_staff, /\/admin\/staff$/);
		await expect(heading(page)).toHaveText(ky.staff_title);
		await expect(page.getByText(admin.email)).toBeVisible();
		await expectNoHorizontalScroll(page);
	});

	const email = page.getByLabel(ky.email, { exact: true });
	const invite = page.getByRole('button', { name: ky.invite, exact: true });
	// Set in the page: it survives only if the form is sent without a full page load.
	type Marked = Window & { e2eNoReload?: boolean };
	const markPage = () =>
		page.evaluate(() => {
			(window as Marked).e2eNoReload = true;
		});
	const pageWasKept = () => page.evaluate(() => (window as Marked).e2eNoReload === true);
	if (js) await markPage();

	await test.step('a bad email is explained next to the field and kept', async () => {
		await email.fill('nurlan@');
		await invite.click();
		await expectFieldError(page, email, ky.error_email);
		await expect(email).toHaveValue('nurlan@');
		await expect(page.locator('.copy')).toHaveCount(0);
	});

	await test.step('inviting gives a one-time link to hand over', async () => {
		await email.fill(teacher.email);
		await invite.click();
		const link = page.locator('.copy');
		await expect(link).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/invite\/\S+$/);
		invitationUrl = (await link.textContent())!.trim();
		expect(new URL(invitationUrl).origin).toBe(new URL(page.url()).origin);
		await expect(page.getByText(ky.link_copy_and_send)).toBeVisible();
		await expect(page.getByText(teacher.email).first()).toBeVisible();
		await expect(page.getByRole('heading', { name: ky.staff_pending_title })).toBeVisible();
		await expect(page.getByRole('button', { name: ky.staff_revoke })).toHaveCount(1);
		await expect(email).not.toHaveAttribute('aria-invalid', 'true');
		await expectNoHorizontalScroll(page);
	});

	await test.step(
		js
			? 'with JavaScript the form is sent without a page load'
			: 'without JavaScript the form posts',
		async () => {
			if (js) {
				expect(await pageWasKept()).toBe(true);
				await expect(page).toHaveURL(/\/admin\/staff$/);
			} else {
				await expect(page).toHaveURL(/\/admin\/staff\?\/invite$/);
			}
		}
	);
});

test('the teacher opens the link, creates the account and fills the profile', async ({ page }) => {
	// A fresh browser context: the teacher's own phone, nobody signed in.
	expect(invitationUrl, 'the previous test made an invitation').not.toBe('');

	await test.step('the invitation page names the school', async () => {
		await page.goto(invitationUrl);
		await switchLanguage(page, 'ky');
		await expect(page).toHaveURL(invitationUrl);
		await expect(heading(page)).toHaveText(ky.invite_title);
		await expect(page.getByText(literally(`«${school.name}»`))).toBeVisible();
		await expect(page.getByText(teacher.email, { exact: true })).toBeVisible();
		await expectNoScripts(page);
		await expectNoHorizontalScroll(page);
	});

	const fullName = page.getByLabel(ky.full_name, { exact: true });
	const password = page.getByLabel(ky.password_new, { exact: true });
	const submit = page.getByRole('button', { name: ky.invite_submit, exact: true });

	await test.step('a too short name is explained; the password must be typed again', async () => {
		await fullName.fill('Н');
		await password.fill(teacher.password);
		await submit.click();
		await expectFieldError(page, fullName, fill(ky.error_too_short, { min: 2 }));
		await expect(fullName).toHaveValue('Н');
		await expect(page.getByRole('alert')).toContainText(ky.error_check_form);
		await expect(password).toHaveValue('');
		await expect(page.getByRole('combobox', { name: ky.language, exact: true })).toHaveValue('ky');
	});

	await test.step('the account is created and the teacher is signed in', async () => {
		await fullName.fill(teacher.fullName);
		await password.fill(teacher.password);
		await submit.click();
		await expect(page).toHaveURL(/\/profile\?welcome=1$/);
		await expect(page.getByText(ky.profile_welcome)).toBeVisible();
		await expect(heading(page)).toHaveText(ky.profile_title);
		await expect(page.getByLabel(ky.full_name, { exact: true })).toHaveValue(teacher.fullName);
		await expectNoHorizontalScroll(page);
	});

	const subjects = page.getByRole('group', { name: ky.profile_subjects });
	const experience = page.getByLabel(ky.profile_experience, { exact: true });
	const category = page.getByLabel(ky.profile_category, { exact: true });

	await test.step('the teacher fills the profile', async () => {
		await pageReady(page);
		await subjects.getByRole('checkbox').first().check();
		await experience.fill('12');
		await category.selectOption({ label: ky.category_first });
		await page.getByRole('button', { name: ky.save, exact: true }).click();
		await expect(page).toHaveURL(/\/profile\?saved=1$/);
		await expect(page.getByRole('status').filter({ hasText: ky.saved })).toBeVisible();
	});

	await test.step('the profile keeps what was saved', async () => {
		await page.goto('/profile');
		await expect(subjects.getByRole('checkbox').first()).toBeChecked();
		await expect(subjects.getByRole('checkbox', { checked: true })).toHaveCount(1);
		await expect(experience).toHaveValue('12');
		await expect(category).toHaveValue('first');
	});

	await test.step('the teacher signs out', async () => {
		await signOut(page);
	});

	await test.step('the link worked once only', async () => {
		const response = await page.goto(invitationUrl);
		expect(response?.status()).toBe(410);
		await expect(heading(page)).toHaveText(ky.error_title_gone);
		await expect(page.getByText(ky.error_invitation_used)).toBeVisible();
	});
});

test('the teacher signs in: Staff is forbidden, and the chosen language follows the profile', async ({
	page
}) => {
	await test.step('sign in: Home in Kyrgyz, without Staff in the menu', async () => {
		await signIn(page, teacher.email, teacher.password);
		await expect(page.locator('html')).toHaveAttribute('lang', 'ky');
		await expect(heading(page)).toHaveText(fill(ky.home_greeting, { name: teacher.fullName }));
		const menu = await openMenu(page, ky);
		await expect(menu.getByRole('link', { name: ky.nav_profile, exact: true })).toBeVisible();
		await expect(menu.getByRole('link', { name: ky.nav_staff, exact: true })).toHaveCount(0);
	});

	await test.step('opening Staff directly gives the translated 403 page', async () => {
		const response = await page.goto('/admin/staff');
		expect(response?.status()).toBe(403);
		await expect(heading(page)).toHaveText(ky.error_title_forbidden);
		await expect(page.getByText(ky.error_forbidden)).toBeVisible();
		await expect(page.getByText(fill(ky.error_status, { status: 403 }))).toBeVisible();
		const requestId = response?.headers()['x-request-id'] ?? '';
		expect(requestId).toMatch(requestIdPattern);
		await expect(page.getByText(fill(ky.error_request_id, { id: requestId }))).toBeVisible();
		await expect(page.getByRole('link', { name: ky.error_go_home })).toBeVisible();
		await expect(page.getByText(ky.staff_invite_title)).toHaveCount(0);
	});

	await test.step('Русский: the page is in Russian, also after moving on', async () => {
		await page.goto('/home');
		await switchLanguage(page, 'ru');
		const ru = catalogs.ru;
		await expect(page).toHaveURL(/\/home$/);
		await expect(heading(page)).toHaveText(fill(ru.home_greeting, { name: teacher.fullName }));
		await followMenuLink(page, ru, ru.nav_profile, /\/profile$/);
		await expect(heading(page)).toHaveText(ru.profile_title);
		await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
		await expect(page.getByRole('combobox', { name: ru.language, exact: true })).toHaveValue('ru');
		await expect(page.getByRole('button', { name: ru.save, exact: true })).toBeVisible();
		await expectNoHorizontalScroll(page);
	});

	await test.step('English: the page is in English', async () => {
		await switchLanguage(page, 'en');
		const en = catalogs.en;
		await expect(page).toHaveURL(/\/profile$/);
		await expect(heading(page)).toHaveText(en.profile_title);
		await expect(page.getByRole('combobox', { name: en.language, exact: true })).toHaveValue('en');
		await page.goto('/home');
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(heading(page)).toHaveText(fill(en.home_greeting, { name: teacher.fullName }));
	});

	await test.step('the language is kept in the profile, not only in this browser', async () => {
		await signOut(page);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		// Signed out, this browser asks for Russian; signing in brings the profile's English back.
		await switchLanguage(page, 'ru');
		await expect(heading(page)).toHaveText(catalogs.ru.signin_title);
		await signIn(page, teacher.email, teacher.password);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		const en = await messagesOf(page);
		await expect(heading(page)).toHaveText(fill(en.home_greeting, { name: teacher.fullName }));
	});
});

test('an unknown address shows the translated 404 page with a request id', async ({ page }) => {
	const address = '/no-such-page/at-all';
	await page.goto(address);
	await switchLanguage(page, 'ky');
	await expect(page).toHaveURL(new RegExp(`${address}$`));

	const response = await page.goto(address);
	expect(response?.status()).toBe(404);
	await expect(heading(page)).toHaveText(ky.error_title_not_found);
	await expect(page.getByText(ky.error_not_found)).toBeVisible();
	const requestId = response?.headers()['x-request-id'] ?? '';
	expect(requestId).toMatch(requestIdPattern);
	await expect(page.getByText(fill(ky.error_request_id, { id: requestId }))).toBeVisible();
	await expect(page.getByRole('link', { name: ky.error_go_home })).toHaveAttribute('href', '/');
	await expectNoHorizontalScroll(page);
});

test('the menu closes after following one of its links', async ({ page }) => {
	await signIn(page, admin.email, admin.password);
	const menu = await openMenu(page, ky);
	await menu.getByRole('link', { name: ky.nav_profile, exact: true }).click();
	await expect(page).toHaveURL(/\/profile$/);
	await expect(heading(page)).toHaveText(ky.profile_title);
	await expect(menu).toBeHidden({ timeout: 2_000 });
	// Nothing covers the language buttons (a trial click checks what would receive the tap).
	await page
		.getByRole('button', { name: 'Русский', exact: true })
		.click({ trial: true, timeout: 2_000 });
});

// Creative groups: the admin creates one and appoints Nurlan its leader; a second teacher
// asks to join; the leader accepts her, edits the charter and keeps a meeting's minutes.

const colleague = {
	fullName: 'Гүлнара Төлөгөнова',
	email: 'gulnara@mektep.kg',
	password: 'Таң атканда Нарында 9'
};
const group = {
	name: 'Функционалдык сабаттуулук',
	theme: 'Окуучулардын функционалдык сабаттуулугун өнүктүрүүнүн жаңы жолдору',
	problem: 'Окуучулар окуган текстин түшүнүп, күнүмдүк турмушта колдоно албай жатышат.',
	// The leader's edit adds two words in the middle of the theme.
	addedWords: 'долбоорлор аркылуу',
	editedTheme:
		'Окуучулардын функционалдык сабаттуулугун долбоорлор аркылуу өнүктүрүүнүн жаңы жолдору'
};
const motivation = 'Башталгыч класста окуу сабаттуулугу боюнча тажрыйбамды бөлүшкүм келет.';
const agendaItem = {
	title: 'Күзгү ачык сабактардын жаңы графиги жөнүндө',
	heard: 'Нурлан Үсөнов ар бир мугалим бир ачык сабак өтөөрүн айтты.',
	decided: 'Графикти бекитүү; ачык сабактар ноябрь айында өтөт.'
};

/** The colleague's one-time link, and the group's address once the admin has created it. */
let colleagueInvitationUrl = '';
let groupUrl = '';

const groupUrlPattern = /\/groups\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The tab of a group's page (Home, Members, Plan, Meetings, Revisions). */
async function openGroupTab(page: Page, name: string, url: RegExp) {
	const tabs = page.getByRole('navigation', { name: ky.group_tabs_label, exact: true });
	await tabs.getByRole('link', { name, exact: true }).click();
	await expect(page).toHaveURL(url);
	await expect(tabs.getByRole('link', { name, exact: true })).toHaveAttribute(
		'aria-current',
		'page'
	);
}

/** From Home, through the menu's Groups, to the group's page. */
async function openGroupFromMenu(page: Page) {
	await followMenuLink(page, ky, ky.nav_groups, /\/groups$/);
	await expect(heading(page)).toHaveText(ky.groups_title);
	await page.getByRole('link', { name: group.name, exact: true }).click();
	await expect(page).toHaveURL(groupUrl);
	await expect(heading(page)).toHaveText(group.name);
}

test('groups: the admin invites a second teacher from the Staff page', async ({ page }) => {
	await signIn(page, admin.email, admin.password);
	await followMenuLink(page, ky, ky.nav_staff, /\/admin\/staff$/);

	await test.step('inviting her gives a one-time link to hand over', async () => {
		await page.getByLabel(ky.email, { exact: true }).fill(colleague.email);
		await page.getByRole('button', { name: ky.invite, exact: true }).click();
		const link = page.locator('.copy');
		await expect(link).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/invite\/\S+$/);
		colleagueInvitationUrl = (await link.textContent())!.trim();
		// Nurlan's link was used: hers is the only one still waiting.
		await expect(page.getByRole('button', { name: ky.staff_revoke })).toHaveCount(1);
	});

	await signOut(page);
});

test('groups: the second teacher opens her link and creates the account', async ({ page }) => {
	expect(colleagueInvitationUrl, 'the previous test made an invitation').not.toBe('');

	await test.step('the invitation page names the school', async () => {
		await page.goto(colleagueInvitationUrl);
		await switchLanguage(page, 'ky');
		await expect(heading(page)).toHaveText(ky.invite_title);
		await expect(page.getByText(literally(`«${school.name}»`))).toBeVisible();
	});

	await test.step('the account is created and she is signed in', async () => {
		await page.getByLabel(ky.full_name, { exact: true }).fill(colleague.fullName);
		await page.getByLabel(ky.password_new, { exact: true }).fill(colleague.password);
		await page.getByRole('button', { name: ky.invite_submit, exact: true }).click();
		await expect(page).toHaveURL(/\/profile\?welcome=1$/);
		await expect(page.getByLabel(ky.full_name, { exact: true })).toHaveValue(colleague.fullName);
	});

	await signOut(page);
});

test('groups: the admin creates a group and appoints a teacher its leader', async ({ page }) => {
	await signIn(page, admin.email, admin.password);

	await test.step('Groups is in the menu; the admin may create one', async () => {
		await followMenuLink(page, ky, ky.nav_groups, /\/groups$/);
		await expect(heading(page)).toHaveText(ky.groups_title);
		await expect(page.getByText(ky.groups_empty_admin)).toBeVisible();
		await expectNoHorizontalScroll(page);
		await page.getByRole('link', { name: ky.groups_create, exact: true }).click();
		await expect(page).toHaveURL(/\/groups\/new$/);
		await expect(heading(page)).toHaveText(ky.groups_create);
		await expectNoHorizontalScroll(page);
	});

	const name = page.getByLabel(ky.charter_name, { exact: true });
	const theme = page.getByLabel(ky.charter_theme, { exact: true });
	const problem = page.getByLabel(ky.charter_problem, { exact: true });
	const startedOn = page.getByLabel(ky.group_started_on, { exact: true });
	const leader = page.getByLabel(ky.group_leader, { exact: true });
	const create = page.getByRole('button', { name: ky.create, exact: true });

	await test.step('without a theme and a leader the errors show next to the fields', async () => {
		await name.fill(group.name);
		await problem.fill(group.problem);
		const today = await startedOn.inputValue();
		expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		await create.click();

		await expect(page.getByRole('alert')).toContainText(ky.error_check_form);
		await expectFieldError(page, theme, ky.error_required);
		await expectFieldError(page, leader, ky.error_required);
		await expect(page).toHaveURL(/\/groups\/new$/);
		await expect(name).toHaveValue(group.name);
		await expect(problem).toHaveValue(group.problem);
		await expect(startedOn).toHaveValue(today);
		await expect(name).not.toHaveAttribute('aria-invalid', 'true');
		await expectNoHorizontalScroll(page);
	});

	await test.step('with the theme and Nurlan as leader the group is created', async () => {
		await pageReady(page);
		await theme.fill(group.theme);
		await leader.selectOption({ label: teacher.fullName });
		await create.click();
		await expect(page).toHaveURL(groupUrlPattern);
		groupUrl = page.url();
		await expect(heading(page)).toHaveText(group.name);
		await expect(page.getByText(group.theme, { exact: true })).toBeVisible();
		const members = page.locator('section', {
			has: page.getByRole('heading', { name: fill(ky.group_members_title, { count: 1 }) })
		});
		await expect(members.getByRole('listitem')).toHaveCount(1);
		await expect(members.getByRole('listitem')).toContainText(teacher.fullName);
		await expect(members.getByRole('listitem')).toContainText(`★ ${ky.group_role_leader}`);
		await expectNoHorizontalScroll(page);
	});

	await test.step('the list of groups shows it with its leader', async () => {
		await page.goto('/groups');
		const row = page.getByRole('listitem').filter({ hasText: group.name });
		await expect(row).toContainText(fill(ky.groups_leader, { name: teacher.fullName }));
		await expectNoHorizontalScroll(page);
	});

	await signOut(page);
});

test('groups: the second teacher asks to join, saying why', async ({ page }) => {
	expect(groupUrl, 'the previous test created the group').not.toBe('');
	await signIn(page, colleague.email, colleague.password);
	await openGroupFromMenu(page);
	await expectNoHorizontalScroll(page);

	await test.step('she sends a request with her motivation', async () => {
		await expect(page.getByRole('heading', { name: ky.group_join_title })).toBeVisible();
		await page.getByLabel(ky.group_join_message, { exact: true }).fill(motivation);
		await page.getByRole('button', { name: ky.group_join, exact: true }).click();
		await expect(
			page.getByRole('status').filter({ hasText: ky.group_done_requested })
		).toBeVisible();
		await expect(page.getByText(ky.group_request_waiting)).toBeVisible();
		// Asked once: the form gives way to "withdraw".
		await expect(page.getByRole('button', { name: ky.group_join, exact: true })).toHaveCount(0);
		await expect(
			page.getByRole('button', { name: ky.group_request_withdraw, exact: true })
		).toBeVisible();
		await expectNoHorizontalScroll(page);
	});

	await test.step('the request is still waiting when she comes back', async () => {
		await page.goto(groupUrl);
		await expect(page.getByText(ky.group_request_waiting)).toBeVisible();
	});

	await signOut(page);
});

test('groups: the leader accepts the request and edits the charter', async ({ page }) => {
	expect(groupUrl, 'an earlier test created the group').not.toBe('');
	await signIn(page, teacher.email, teacher.password);
	// An earlier test left Nurlan's profile in English; the group works in Kyrgyz.
	await switchLanguage(page, 'ky');
	await openGroupFromMenu(page);

	await test.step('the group page tells the leader a request is waiting; Members has it', async () => {
		await expect(
			page.getByRole('link', { name: fill(ky.group_requests_waiting, { count: 1 }) })
		).toBeVisible();
		await openGroupTab(page, ky.group_tab_members, new RegExp(`${groupUrl}/members$`));
		await expect(heading(page)).toHaveText(ky.group_tab_members);
		await expectNoHorizontalScroll(page);
	});

	await test.step('the leader reads the motivation and accepts', async () => {
		const requests = page.locator('section', {
			has: page.getByRole('heading', { name: fill(ky.members_requests_title, { count: 1 }) })
		});
		const request = requests.getByRole('listitem').filter({ hasText: colleague.fullName });
		await expect(request).toContainText(`«${motivation}»`);
		await request.getByRole('button', { name: ky.accept, exact: true }).click();
		await expect(
			page.getByRole('status').filter({ hasText: ky.members_done_accepted })
		).toBeVisible();
		await expect(requests).toHaveCount(0);
	});

	await test.step('she is now listed among the members', async () => {
		const members = page.locator('section', {
			has: page.getByRole('heading', { name: fill(ky.group_members_title, { count: 2 }) })
		});
		await expect(
			members.getByRole('listitem').filter({ hasText: colleague.fullName })
		).toBeVisible();
		await expect(members.getByRole('listitem').filter({ hasText: teacher.fullName })).toContainText(
			`★ ${ky.group_role_leader}`
		);
	});

	await test.step('the leader edits the theme: a new revision is saved', async () => {
		await openGroupTab(page, ky.group_tab_home, new RegExp(`${groupUrl}$`));
		await page.getByRole('link', { name: ky.group_edit_charter, exact: true }).click();
		await expect(page).toHaveURL(`${groupUrl}/charter`);
		await expect(heading(page)).toHaveText(ky.group_edit_charter);
		const theme = page.getByLabel(ky.charter_theme, { exact: true });
		await expect(theme).toHaveValue(group.theme);
		await expectNoHorizontalScroll(page);
		await theme.fill(group.editedTheme);
		await page.getByRole('button', { name: ky.save, exact: true }).first().click();
		await expect(
			page.getByRole('status').filter({ hasText: fill(ky.charter_saved, { number: 2 }) })
		).toBeVisible();
		await expect(theme).toHaveValue(group.editedTheme);
	});

	await test.step('the members history records that she joined', async () => {
		await openGroupTab(page, ky.group_tab_members, new RegExp(`${groupUrl}/members$`));
		const history = page.locator('section', {
			has: page.getByRole('heading', { name: ky.members_history_title, exact: true })
		});
		await expect(
			history.getByText(fill(ky.group_event_joined, { name: colleague.fullName }))
		).toBeVisible();
	});

	await test.step('the revisions list №2 and show the added words', async () => {
		await openGroupTab(page, ky.group_tab_charter, new RegExp(`${groupUrl}/revisions$`));
		await expect(heading(page)).toHaveText(ky.revisions_title);
		const list = page.locator('section', {
			has: page.getByRole('heading', { name: ky.revisions_list_title, exact: true })
		});
		const second = list.getByRole('listitem').filter({ hasText: '№2 ·' });
		await expect(second).toContainText(teacher.fullName);
		await expect(second).toContainText(fill(ky.revisions_changed, { fields: ky.charter_theme }));
		await expect(
			page.getByRole('heading', { name: fill(ky.revisions_compare_title, { from: 1, to: 2 }) })
		).toBeVisible();
		await expect(page.locator('.diff ins')).toHaveText(group.addedWords);
		await expect(page.locator('.diff del')).toHaveCount(0);
		await expectNoHorizontalScroll(page);
	});
});

test('groups: the leader keeps the minutes of a meeting and downloads them as DOCX', async ({
	page
}) => {
	expect(groupUrl, 'an earlier test created the group').not.toBe('');
	await signIn(page, teacher.email, teacher.password);
	await openGroupFromMenu(page);

	await test.step('the leader calls a meeting and lands on its minutes', async () => {
		await openGroupTab(page, ky.group_tab_meetings, new RegExp(`${groupUrl}/meetings$`));
		await expect(page.getByText(ky.meetings_empty_manage)).toBeVisible();
		await expectNoHorizontalScroll(page);
		await pageReady(page);
		await page
			.getByLabel(ky.minutes_chair, { exact: true })
			.selectOption({ label: teacher.fullName });
		await page.getByRole('button', { name: ky.meetings_call, exact: true }).click();
		await expect(page).toHaveURL(new RegExp(`${groupUrl}/meetings/[0-9a-f-]{36}$`));
		await expect(heading(page)).toHaveText(fill(ky.minutes_number, { number: 1 }));
		await expect(page.getByText(ky.minutes_no_agenda)).toBeVisible();
		await expectNoHorizontalScroll(page);
	});

	await test.step('the leader records attendance and one agenda item', async () => {
		await page
			.getByRole('radiogroup', { name: teacher.fullName, exact: true })
			.getByRole('radio', { name: ky.attendance_present, exact: true })
			.check();
		await page
			.getByRole('radiogroup', { name: colleague.fullName, exact: true })
			.getByRole('radio', { name: ky.attendance_excused, exact: true })
			.check();
		const item = page.getByRole('group', { name: fill(ky.minutes_agenda_item, { number: 1 }) });
		await item.getByLabel(ky.minutes_item_title, { exact: true }).fill(agendaItem.title);
		await item.getByLabel(ky.minutes_heard, { exact: true }).fill(agendaItem.heard);
		await item.getByLabel(ky.minutes_decided, { exact: true }).fill(agendaItem.decided);
		await page.getByRole('button', { name: ky.save, exact: true }).click();

		await expect(page.getByRole('status').filter({ hasText: ky.saved })).toBeVisible();
		await expect(page.getByRole('heading', { name: `1. ${agendaItem.title}` })).toBeVisible();
		await expect(page.locator('.minutes').getByText(agendaItem.decided)).toBeVisible();
		// A new blank item is offered for the next question.
		await expect(
			page.getByRole('group', { name: fill(ky.minutes_agenda_item, { number: 2 }) })
		).toBeVisible();
		await expectNoHorizontalScroll(page);
	});

	await test.step('the minutes download as a Word document in Kyrgyz', async () => {
		const downloading = page.waitForEvent('download');
		await page.getByRole('link', { name: ky.minutes_download_docx }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toMatch(
			new RegExp(`^${fill(ky.minutes_file, { number: 1 })}-\\d{4}-\\d{2}-\\d{2}\\.docx$`)
		);
		const zip = unzipSync(new Uint8Array(fs.readFileSync(await download.path())));
		const xml = strFromU8(zip['word/document.xml']!);
		// The text of the paragraphs, without the markup around the runs.
		const text = xml.replace(/<[^>]+>/g, '');
		expect(text).toContain(school.name);
		expect(text).toContain(fill(ky.minutes_group_line, { group: group.name }));
		expect(text).toContain(fill(ky.minutes_number, { number: 1 }));
		expect(text).toContain(`1. ${agendaItem.title}`);
		expect(text).toContain(agendaItem.decided);
		expect(text).toContain(`${ky.minutes_excused}: 1`);
		expect(text).toContain(colleague.fullName);
		// Kyrgyz letters beyond Russian Cyrillic are kept as typed, not replaced or dropped.
		for (const letter of ['ң', 'ө', 'ү', 'Ү']) expect(text).toContain(letter);
	});
});

// Practical materials (§3.3): the second teacher offers a lesson plan with files, imports a
// Word document into it, the leader reviews it and asks for a revision, she revises it and
// the leader accepts it for the collection. Then a material full of script-injection attempts
// is opened in a browser, where nothing of it may run.

const material = {
	title: 'Мекен таануу: Теңир-Тоонун өсүмдүктөрү жана үй жаныбарлары',
	abstract: 'Окуучулар жергиликтүү өсүмдүктөрдү таанып, аларды топтор менен сүрөттөшөт.',
	heading: 'Сабактын максаты',
	paragraph: 'Окуучулар Теңир-Тоонун өсүмдүктөрү жөнүндө маалымат табышат.',
	bold: 'маанилүү',
	tags: 'мекен таануу, өсүмдүктөр, үй жаныбарлары',
	revisedAbstract:
		'Окуучулар жергиликтүү өсүмдүктөрдү таанып, аларды топтор менен сүрөттөшөт жана сүрөт тартышат.',
	reviewComment: 'Планы жакшы, бирок баалоо бөлүгүн кошуңуз.',
	revisionReason: 'Баалоо критерийлерин кошуңуз.',
	acceptReason: 'Баалоо бөлүгү кошулду, жыйнакка кабыл алынды.'
};
const pdfName = 'өсүмдүктөр-тизмеси.pdf';
const docxName = 'сабактын-планы.docx';

/** The material's address once the second teacher has saved it. */
let materialUrl = '';

/** A file to upload: set on an `<input type=file>`, as a user picking it would. */
function upload(name: string, mimeType: string, bytes: Uint8Array) {
	return { name, mimeType, buffer: Buffer.from(bytes) };
}
const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** A second browser context like the project's (another person's phone). */
function sameSettings(testInfo: TestInfo, javaScriptEnabled?: boolean) {
	const use = testInfo.project.use;
	return {
		baseURL: use.baseURL,
		viewport: use.viewport,
		javaScriptEnabled: javaScriptEnabled ?? use.javaScriptEnabled
	};
}

/** The section of a page under its h2. */
function sectionOf(page: Page, name: string) {
	return page.locator('section', {
		has: page.getByRole('heading', { level: 2, name, exact: true })
	});
}

/** The editing area of the rich-text body (TipTap, when JavaScript runs). */
const editorArea = (page: Page) => page.locator('#field-body-area [contenteditable="true"]');

/** The body field: the editor with JavaScript, the textarea without. */
async function expectBodyToContain(page: Page, js: boolean, texts: string[]) {
	if (js) {
		for (const text of texts) await expect(editorArea(page)).toContainText(text);
	} else {
		const body = page.getByLabel(ky.material_body, { exact: true });
		for (const text of texts) await expect(body).toHaveValue(literally(text));
	}
}

test('materials: the second teacher offers a lesson plan with its files', async ({
	page
}, testInfo) => {
	const js = testInfo.project.name === 'js';
	expect(groupUrl, 'an earlier test created the group').not.toBe('');
	await signIn(page, colleague.email, colleague.password);
	await openGroupFromMenu(page);

	await test.step('the Materials tab is empty; she opens "Offer a material"', async () => {
		await openGroupTab(page, ky.group_tab_materials, new RegExp(`${groupUrl}/materials$`));
		await expect(heading(page)).toHaveText(ky.materials_title);
		await expect(page.getByText(ky.materials_none)).toBeVisible();
		await expectNoHorizontalScroll(page);
		await page.getByRole('link', { name: ky.material_new_title, exact: true }).click();
		await expect(page).toHaveURL(`${groupUrl}/materials/new`);
		await expect(heading(page)).toHaveText(ky.material_new_title);
		await expectNoHorizontalScroll(page);
	});

	const type = page.getByLabel(ky.material_type, { exact: true });
	const title = page.getByLabel(ky.material_title, { exact: true });
	const language = page.getByLabel(ky.material_language, { exact: true });
	const subjects = page.getByRole('group', { name: ky.material_subjects, exact: true });
	const grades = page.getByRole('group', { name: ky.material_grades, exact: true });
	const abstract = page.getByLabel(ky.material_abstract, { exact: true });
	const tags = page.getByLabel(ky.material_tags, { exact: true });
	const subject = subjects.getByRole('checkbox', { name: 'Мекен таануу', exact: true });
	const grade = (n: string) => grades.getByRole('checkbox', { name: n, exact: true });

	await test.step('with a too short title the error is shown and the rest stays typed', async () => {
		await pageReady(page);
		await type.selectOption({ label: ky.material_type_didactic });
		await title.fill('Ме');
		await language.selectOption({ label: ky.material_language_ky });
		await subject.check();
		await grade('3').check();
		await grade('4').check();
		await abstract.fill(material.abstract);
		if (js) {
			// TipTap: a heading from the toolbar, a paragraph, a bold word.
			const toolbar = page.getByRole('toolbar', {
				name: fill(ky.editor_toolbar, { field: ky.material_body })
			});
			await editorArea(page).click();
			await toolbar.getByRole('button', { name: fill(ky.editor_heading, { level: 2 }) }).click();
			await expect(
				toolbar.getByRole('button', { name: fill(ky.editor_heading, { level: 2 }) })
			).toHaveAttribute('aria-pressed', 'true');
			await page.keyboard.type(material.heading);
			await page.keyboard.press('Enter');
			await page.keyboard.type(`${material.paragraph} `);
			await toolbar.getByRole('button', { name: ky.editor_bold, exact: true }).click();
			await page.keyboard.type(material.bold);
			await toolbar.getByRole('button', { name: ky.editor_bold, exact: true }).click();
			await expect(editorArea(page).locator('h2')).toHaveText(material.heading);
			await expect(editorArea(page).locator('strong')).toHaveText(material.bold);
		} else {
			await page
				.getByLabel(ky.material_body, { exact: true })
				.fill(`${material.heading}\n\n${material.paragraph} ${material.bold}`);
		}
		await tags.fill(material.tags);
		await page.getByRole('button', { name: ky.material_save_draft, exact: true }).click();

		await expect(page.getByRole('alert')).toContainText(ky.error_check_form);
		await expectFieldError(page, title, fill(ky.error_too_short, { min: 3 }));
		await expect(title).toHaveValue('Ме');
		await expect(type).toHaveValue('didactic');
		await expect(language).toHaveValue('ky');
		await expect(subject).toBeChecked();
		await expect(grade('3')).toBeChecked();
		await expect(grade('4')).toBeChecked();
		await expect(grades.getByRole('checkbox', { checked: true })).toHaveCount(2);
		await expect(abstract).toHaveValue(material.abstract);
		await expect(tags).toHaveValue(material.tags);
		await expectBodyToContain(page, js, [material.heading, material.paragraph, material.bold]);
		await expect(abstract).not.toHaveAttribute('aria-invalid', 'true');
		await expectNoHorizontalScroll(page);
	});

	await test.step('with the title fixed the draft is saved', async () => {
		await title.fill(material.title);
		await page.getByRole('button', { name: ky.material_save_draft, exact: true }).click();
		await expect(page).toHaveURL(/\/materials\/[0-9a-f-]{36}\?created=1$/);
		materialUrl = page.url().replace(/\?.*$/, '');
		await expect(heading(page)).toHaveText(material.title);
		await expect(page.getByRole('status').filter({ hasText: ky.material_created })).toBeVisible();
		await expect(page.getByText(ky.material_status_draft, { exact: true })).toBeVisible();
		await expect(page.getByText(ky.material_draft_note)).toBeVisible();
		const body = page.locator('section.body');
		if (js) {
			await expect(body.getByRole('heading', { level: 2 })).toHaveText(material.heading);
			await expect(body.locator('strong')).toHaveText(material.bold);
		} else {
			await expect(body.locator('p').first()).toHaveText(material.heading);
		}
		await expect(body).toContainText(material.paragraph);
		await expect(page.getByText(material.abstract)).toBeVisible();
		await expect(page.getByText('Мекен таануу', { exact: true })).toBeVisible();
		await expect(page.getByText('3, 4', { exact: true })).toBeVisible();
		await expect(
			page.getByText('#мекен таануу #өсүмдүктөр #үй жаныбарлары', { exact: true })
		).toBeVisible();
		await expect(page.getByText(ky.material_files_none)).toBeVisible();
		await expectNoHorizontalScroll(page);
	});

	const files = sectionOf(page, ky.material_files);
	const picker = page.getByLabel(ky.file_attach_label, { exact: true });
	const attach = page.getByRole('button', { name: ky.file_attach, exact: true });
	const pdf = tinyPdf('Ustat: osumdukter');
	const docx = await teacherDocx();

	await test.step('she attaches a PDF and the Word plan; both are listed with their size', async () => {
		type Marked = Window & { e2eNoReload?: boolean };
		let progressSeen = false;
		if (js) {
			await page.evaluate(() => {
				(window as Marked).e2eNoReload = true;
			});
			// The server's answer is held back a moment, so the progress bar has time to show.
			await page.route(`${materialUrl}?/upload`, async (route) => {
				const response = await route.fetch();
				await new Promise((resolve) => setTimeout(resolve, 1_500));
				await route.fulfill({ response });
			});
			await picker.setInputFiles([
				upload(pdfName, 'application/pdf', pdf),
				upload(docxName, docxMime, docx)
			]);
			await attach.click();
			const progress = page.getByRole('progressbar', { name: ky.upload_progress, exact: true });
			await expect(progress).toBeVisible();
			progressSeen = true;
			await expect(page.locator('form[aria-busy="true"]')).toHaveCount(1);
			await expect(progress).toBeHidden();
			await page.unroute(`${materialUrl}?/upload`);
		} else {
			await picker.setInputFiles([
				upload(pdfName, 'application/pdf', pdf),
				upload(docxName, docxMime, docx)
			]);
			await attach.click();
			await expect(page).toHaveURL(`${materialUrl}?/upload`);
		}
		await expect(
			page.getByRole('status').filter({ hasText: fill(ky.material_uploaded, { count: 2 }) })
		).toBeVisible();
		await expect(files.getByRole('listitem')).toHaveCount(2);
		const pdfRow = files.getByRole('listitem').filter({ hasText: pdfName });
		await expect(pdfRow).toContainText(fill(ky.file_size_kb, { size: 1 }));
		await expect(pdfRow.getByRole('link', { name: ky.file_open, exact: true })).toBeVisible();
		const docxRow = files.getByRole('listitem').filter({ hasText: docxName });
		const docxKb = Math.max(1, Math.round(docx.length / 1024));
		await expect(docxRow).toContainText(fill(ky.file_size_kb, { size: docxKb }));
		await expect(docxRow.getByRole('link', { name: ky.file_preview, exact: true })).toBeVisible();
		if (js) {
			expect(progressSeen).toBe(true);
			expect(await page.evaluate(() => (window as Marked).e2eNoReload === true)).toBe(true);
		}
		await expectNoHorizontalScroll(page);
	});

	await test.step('the PDF downloads as an attachment the browser will not sniff', async () => {
		const link = files.getByRole('link', { name: pdfName, exact: true });
		const downloading = page.waitForEvent('download');
		await link.click();
		const download = await downloading;
		expect(download.suggestedFilename()).toBe(pdfName);
		expect(new Uint8Array(fs.readFileSync(await download.path()))).toEqual(pdf);

		const response = await page.request.get((await link.getAttribute('href'))!);
		expect(response.status()).toBe(200);
		const headers = response.headers();
		expect(headers['content-type']).toBe('application/pdf');
		expect(headers['content-disposition']).toMatch(/^attachment;/);
		expect(headers['content-disposition']).toContain(
			`filename*=UTF-8''${encodeURIComponent(pdfName)}`
		);
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['content-security-policy']).toContain('sandbox');
		expect(new Uint8Array(await response.body())).toEqual(pdf);
	});

	await test.step('a web page named plan.pdf is refused with the translated reason', async () => {
		const fake = new TextEncoder().encode(
			'<!doctype html><html><body><script>alert(1)</script><p>Сабактын планы</p></body></html>'
		);
		await picker.setInputFiles([upload('plan.pdf', 'application/pdf', fake)]);
		await attach.click();
		const message = fill(ky.error_file_type, { name: 'plan.pdf' });
		await expect(page.locator('#files-error')).toHaveText(message);
		await expect(
			page.getByLabel(ky.file_attach_label, { exact: true })
		).toHaveAccessibleDescription(literally(message));
		await expect(files.getByRole('listitem')).toHaveCount(2);
		await expect(files.getByText('plan.pdf', { exact: true })).toHaveCount(0);
		await expectNoHorizontalScroll(page);
	});

	await test.step('she offers it to the group: version 1', async () => {
		await page.getByRole('button', { name: ky.material_offer, exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: ky.material_offered })).toBeVisible();
		await expect(page.getByText(ky.material_status_offered, { exact: true })).toBeVisible();
		await expect(
			page.getByRole('link', { name: fill(ky.material_version, { version: 1 }), exact: true })
		).toBeVisible();
		await expect(page.getByRole('button', { name: ky.material_offer, exact: true })).toHaveCount(0);
		const history = sectionOf(page, ky.material_history);
		await expect(
			history.getByText(fill(ky.material_event_offered, { actor: colleague.fullName, version: 1 }))
		).toBeVisible();
		await expectNoHorizontalScroll(page);
	});

	await test.step('the group list shows it as offered', async () => {
		await page.goto(`${groupUrl}/materials`);
		const row = page.getByRole('listitem').filter({ hasText: material.title });
		await expect(row).toContainText(ky.material_status_offered);
		await expect(row).toContainText(colleague.fullName);
		await expectNoHorizontalScroll(page);
	});
});

test('materials: she fills the body from a Word file and saves version 2', async ({
	page
}, testInfo) => {
	const js = testInfo.project.name === 'js';
	expect(materialUrl, 'the previous test saved the material').not.toBe('');
	await signIn(page, colleague.email, colleague.password);
	await page.goto(materialUrl);

	const title = page.getByLabel(ky.material_title, { exact: true });
	const abstract = page.getByLabel(ky.material_abstract, { exact: true });
	const tags = page.getByLabel(ky.material_tags, { exact: true });
	const grades = page.getByRole('group', { name: ky.material_grades, exact: true });
	const subjects = page.getByRole('group', { name: ky.material_subjects, exact: true });
	const extraTags = `${material.tags}, Ата-мекен`;

	await test.step('the edit page says that saving makes a new version', async () => {
		await page.getByRole('link', { name: ky.material_edit, exact: true }).click();
		await expect(page).toHaveURL(`${materialUrl}/edit`);
		await expect(heading(page)).toHaveText(ky.material_edit_title);
		await expect(
			page.getByText(fill(ky.material_edit_versions_note, { version: 1 }))
		).toBeVisible();
		await expect(title).toHaveValue(material.title);
		await expect(abstract).toHaveValue(material.abstract);
		await expectNoHorizontalScroll(page);
	});

	await test.step('importing the Word plan fills the body; the other fields stay', async () => {
		// A change typed before the import is kept too.
		await pageReady(page);
		await tags.fill(extraTags);
		await grades.getByRole('checkbox', { name: '5', exact: true }).check();
		await page
			.getByLabel(ky.import_file_label, { exact: true })
			.setInputFiles([upload('Ата-мекен.docx', docxMime, await teacherDocx())]);
		await page.getByRole('button', { name: ky.import_button, exact: true }).click();

		await expect(page.getByRole('status').filter({ hasText: ky.import_done })).toBeVisible();
		if (js) {
			const area = editorArea(page);
			await expect(area.getByRole('heading', { name: TEACHER_TEXT.section })).toBeVisible();
			await expect(area.locator('table')).toHaveCount(1);
			await expect(area.locator('table')).toContainText(TEACHER_TEXT.table[1]![0]!);
			await expect(area).toContainText(TEACHER_TEXT.intro);
			// What was typed before is gone: the import replaces the body.
			await expect(area).not.toContainText(material.paragraph);
		} else {
			const body = page.getByLabel(ky.material_body, { exact: true });
			await expect(body).toHaveValue(literally(`>${TEACHER_TEXT.section}</h`));
			await expect(body).toHaveValue(/<table>[\s\S]*<\/table>/);
			await expect(body).toHaveValue(literally(TEACHER_TEXT.table[1]![0]!));
			await expect(body).toHaveValue(literally(TEACHER_TEXT.intro));
		}
		await expect(title).toHaveValue(material.title);
		await expect(abstract).toHaveValue(material.abstract);
		await expect(tags).toHaveValue(extraTags);
		await expect(page.getByLabel(ky.material_type, { exact: true })).toHaveValue('didactic');
		await expect(subjects.getByRole('checkbox', { name: 'Мекен таануу' })).toBeChecked();
		await expect(grades.getByRole('checkbox', { checked: true })).toHaveCount(3);
		await expect(grades.getByRole('checkbox', { name: '5', exact: true })).toBeChecked();
		await expectNoHorizontalScroll(page);
	});

	await test.step('saving makes version 2 with the Word content', async () => {
		await page.getByRole('button', { name: ky.material_save, exact: true }).click();
		await expect(page).toHaveURL(`${materialUrl}?saved=1`);
		await expect(page.getByRole('status').filter({ hasText: ky.saved })).toBeVisible();
		await expect(
			page.getByRole('link', { name: fill(ky.material_version, { version: 2 }), exact: true })
		).toBeVisible();
		const body = page.locator('section.body');
		await expect(body.getByRole('heading', { name: TEACHER_TEXT.section })).toBeVisible();
		await expect(body.locator('table')).toContainText(TEACHER_TEXT.table[2]![0]!);
		await expect(body).toContainText(TEACHER_TEXT.intro);
		await expect(page.getByText('3, 4, 5', { exact: true })).toBeVisible();
		await expect(page.getByText(literally('#Ата-мекен'))).toBeVisible();
		const history = sectionOf(page, ky.material_history);
		await expect(
			history.getByText(fill(ky.material_event_edited, { actor: colleague.fullName, version: 2 }))
		).toBeVisible();
		await expectNoHorizontalScroll(page);
	});

	await test.step('Versions compares 1 and 2 and shows the added text', async () => {
		await page
			.getByRole('link', { name: fill(ky.material_version, { version: 2 }), exact: true })
			.click();
		await expect(page).toHaveURL(`${materialUrl}/versions`);
		await expect(heading(page)).toHaveText(ky.versions_title);
		const list = page
			.getByRole('list')
			.filter({ hasText: fill(ky.material_version, { version: 1 }) });
		await expect(list.getByRole('listitem')).toHaveCount(2);
		await expect(list.getByRole('listitem').last()).toContainText(ky.versions_first);
		await expect(
			page.getByRole('heading', { name: fill(ky.versions_comparing, { from: 1, to: 2 }) })
		).toBeVisible();
		await expect(page.getByRole('heading', { level: 3, name: ky.material_body })).toBeVisible();
		const added = page.locator('.diff ins');
		// Her own heading was the same words as the plan's: the rest is new, her sentence is gone.
		await expect(added.filter({ hasText: TEACHER_TEXT.title })).toHaveCount(1);
		await expect(added.filter({ hasText: TEACHER_TEXT.table[1]!.join(' ') })).toHaveCount(1);
		await expect(
			page.locator('.diff del').filter({ hasText: 'Теңир-Тоонун өсүмдүктөрү' })
		).toHaveCount(1);
		await expectNoHorizontalScroll(page);
	});
});

test('materials: the leader reviews it and asks for a revision', async ({ page }) => {
	expect(materialUrl, 'an earlier test saved the material').not.toBe('');
	await signIn(page, teacher.email, teacher.password);

	await test.step('"Waiting for my opinion" lists it; the leader opens it', async () => {
		await followMenuLink(page, ky, ky.nav_materials, /\/materials$/);
		await expect(heading(page)).toHaveText(ky.nav_materials);
		await expectNoHorizontalScroll(page);
		await page.getByRole('link', { name: `${ky.waiting_for_opinion} (1)`, exact: true }).click();
		await expect(page).toHaveURL(/\/materials\?view=waiting$/);
		const row = page.getByRole('listitem').filter({ hasText: material.title });
		await expect(row).toContainText(colleague.fullName);
		await expect(row).toContainText(ky.material_status_offered);
		await expectNoHorizontalScroll(page);
		await row.getByRole('link', { name: material.title, exact: true }).click();
		await expect(page).toHaveURL(materialUrl);
		await expect(heading(page)).toHaveText(material.title);
		await expect(page.getByText(ky.reviews_none)).toBeVisible();
		// Not an author: no editing, no files to add or remove.
		await expect(page.getByRole('link', { name: ky.material_edit, exact: true })).toHaveCount(0);
		await expect(page.getByLabel(ky.file_attach_label, { exact: true })).toHaveCount(0);
	});

	const criteria = page.locator('fieldset.criterion');
	const recommendation = page.getByRole('group', { name: ky.review_recommendation, exact: true });
	const save = page.getByRole('button', { name: ky.review_save, exact: true });

	await test.step('a review with nothing chosen shows an error for each score', async () => {
		await page.getByRole('link', { name: ky.review_give, exact: true }).click();
		await expect(page).toHaveURL(`${materialUrl}/review`);
		await expect(heading(page)).toHaveText(ky.review_title);
		await expect(page.getByText(fill(ky.review_lead, { version: 2 }))).toBeVisible();
		await expectNoHorizontalScroll(page);
		const count = await criteria.count();
		expect(count).toBeGreaterThanOrEqual(3);
		await page.getByLabel(ky.review_comment, { exact: true }).fill(material.reviewComment);
		await save.click();

		await expect(page.getByRole('alert')).toContainText(ky.error_check_form);
		await expect(criteria.locator('.error-text')).toHaveCount(count);
		await expect(recommendation.locator('.error-text')).toBeVisible();
		await expect(page.getByLabel(ky.review_comment, { exact: true })).toHaveValue(
			material.reviewComment
		);
		await expectNoHorizontalScroll(page);
	});

	await test.step('scored, with "Revise", the review shows on the material', async () => {
		await pageReady(page);
		const count = await criteria.count();
		for (let i = 0; i < count; i++) {
			const criterion = criteria.nth(i);
			await criterion.getByRole('radio', { name: i === 0 ? '5' : '4', exact: true }).check();
		}
		await criteria
			.first()
			.getByLabel(ky.review_note, { exact: true })
			.fill('Топтун темасына толук шайкеш.');
		await recommendation
			.getByRole('radio', { name: ky.review_recommendation_revise, exact: true })
			.check();
		await save.click();

		await expect(page).toHaveURL(new RegExp(`${materialUrl}(#reviews)?$`));
		const reviews = sectionOf(page, ky.reviews_title);
		const averages = reviews.getByRole('table', { name: ky.reviews_averages });
		await expect(averages.getByRole('row')).toHaveCount(count + 1);
		await expect(averages.getByRole('row').nth(1)).toContainText('5.0');
		await expect(averages.getByRole('row').nth(2)).toContainText('4.0');
		await expect(reviews).toContainText(`${ky.review_recommendation_revise}: 1`);
		const review = reviews.locator('article').filter({ hasText: teacher.fullName });
		await expect(review.getByRole('heading', { level: 3 })).toContainText(
			fill(ky.material_version, { version: 2 })
		);
		await expect(review).toContainText(material.reviewComment);
		await expect(review).toContainText('Топтун темасына толук шайкеш.');
		await expect(page.getByRole('link', { name: ky.review_change, exact: true })).toBeVisible();
		await expectNoHorizontalScroll(page);
	});

	const decision = sectionOf(page, ky.material_decide_title);
	const to = decision.getByLabel(ky.material_decide_to, { exact: true });
	// Page-wide (the field helpers look for the field around it): the only Reason field.
	const reason = page.getByLabel(ky.material_decide_reason, { exact: true });
	const decide = decision.getByRole('button', { name: ky.material_decide, exact: true });

	await test.step('asking for a revision needs a reason', async () => {
		await pageReady(page);
		await to.selectOption({ label: ky.material_status_revision_requested });
		await decide.click();
		await expectFieldError(page, reason, ky.error_reason_required);
		await expect(to).toHaveValue('revision_requested');
		await expect(page.getByText(ky.material_status_offered, { exact: true })).toBeVisible();
	});

	await test.step('with the reason the material goes back to its author', async () => {
		await reason.fill(material.revisionReason);
		await decide.click();
		await expect(page.getByRole('status').filter({ hasText: ky.material_decided })).toBeVisible();
		await expect(
			page.locator('.meta').getByText(ky.material_status_revision_requested, { exact: true })
		).toBeVisible();
		const history = sectionOf(page, ky.material_history);
		const line = history.getByRole('listitem').filter({
			hasText: fill(ky.material_event_status, {
				actor: teacher.fullName,
				status: ky.material_status_revision_requested,
				version: 2
			})
		});
		await expect(line).toContainText(material.revisionReason);
		// The review is for this stage only: no more reviewing while it is being revised.
		await expect(page.getByRole('link', { name: ky.review_change, exact: true })).toHaveCount(0);
		await expectNoHorizontalScroll(page);
	});
});

test('materials: she revises it, offers it again and the leader accepts it', async ({
	browser,
	page
}, testInfo) => {
	expect(materialUrl, 'an earlier test saved the material').not.toBe('');
	await signIn(page, colleague.email, colleague.password);

	await test.step('My materials shows that a revision was asked for, and why', async () => {
		await followMenuLink(page, ky, ky.nav_materials, /\/materials$/);
		const row = page.getByRole('listitem').filter({ hasText: material.title });
		await expect(row).toContainText(ky.material_status_revision_requested);
		await row.getByRole('link', { name: material.title, exact: true }).click();
		await expect(page).toHaveURL(materialUrl);
		await expect(sectionOf(page, ky.material_history)).toContainText(material.revisionReason);
	});

	await test.step('she changes the abstract: version 3', async () => {
		await page.getByRole('link', { name: ky.material_edit, exact: true }).click();
		await expect(
			page.getByText(fill(ky.material_edit_versions_note, { version: 2 }))
		).toBeVisible();
		await page.getByLabel(ky.material_abstract, { exact: true }).fill(material.revisedAbstract);
		await page.getByRole('button', { name: ky.material_save, exact: true }).click();
		await expect(page).toHaveURL(`${materialUrl}?saved=1`);
		await expect(page.getByText(material.revisedAbstract)).toBeVisible();
		await expect(
			page.getByRole('link', { name: fill(ky.material_version, { version: 3 }), exact: true })
		).toBeVisible();
		// The body imported from Word survived an edit of another field.
		await expect(page.locator('section.body table')).toContainText(TEACHER_TEXT.table[1]![0]!);
	});

	await test.step('she offers the revised version', async () => {
		await page.getByRole('button', { name: ky.material_offer_again, exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: ky.material_offered })).toBeVisible();
		await expect(page.locator('.meta')).not.toContainText(ky.material_status_revision_requested);
		await expect(
			page.getByRole('button', { name: ky.material_offer_again, exact: true })
		).toHaveCount(0);
	});

	await test.step('the leader accepts it, giving a reason', async () => {
		// The leader's own phone: a second browser, as the project runs it.
		const leaderContext = await browser.newContext(sameSettings(testInfo));
		const leader = await leaderContext.newPage();
		await signIn(leader, teacher.email, teacher.password);
		await leader.goto(materialUrl);
		const decision = sectionOf(leader, ky.material_decide_title);
		// The earlier review was for version 2; it is kept, marked as older.
		const reviews = sectionOf(leader, ky.reviews_title);
		await expect(reviews.locator('article .badge.off')).toHaveText(
			fill(ky.material_version, { version: 2 })
		);
		await pageReady(page);
		await decision
			.getByLabel(ky.material_decide_to, { exact: true })
			.selectOption({ label: ky.material_status_accepted });
		await decision
			.getByLabel(ky.material_decide_reason, { exact: true })
			.fill(material.acceptReason);
		await decision.getByRole('button', { name: ky.material_decide, exact: true }).click();
		await expect(leader.getByRole('status').filter({ hasText: ky.material_decided })).toBeVisible();
		await expect(
			leader.locator('.meta').getByText(ky.material_status_accepted, { exact: true })
		).toBeVisible();
		await leaderContext.close();
	});

	await test.step('she sees it accepted, with the decisions and reasons in its history', async () => {
		await page.goto(materialUrl);
		await expect(
			page.locator('.meta').getByText(ky.material_status_accepted, { exact: true })
		).toBeVisible();
		const history = sectionOf(page, ky.material_history);
		const status = (status: string, version: number) =>
			history.getByRole('listitem').filter({
				hasText: fill(ky.material_event_status, { actor: teacher.fullName, status, version })
			});
		await expect(status(ky.material_status_revision_requested, 2)).toContainText(
			material.revisionReason
		);
		await expect(status(ky.material_status_accepted, 3)).toContainText(material.acceptReason);
		await expect(
			history.getByText(fill(ky.material_event_offered, { actor: colleague.fullName, version: 1 }))
		).toBeVisible();
		await expect(
			history.getByText(fill(ky.material_event_edited, { actor: colleague.fullName, version: 3 }))
		).toBeVisible();
		await expectNoHorizontalScroll(page);
	});

	await test.step('an accepted material is no longer edited, offered or given files', async () => {
		await expect(page.getByRole('link', { name: ky.material_edit, exact: true })).toHaveCount(0);
		await expect(page.getByRole('button', { name: ky.material_offer_again })).toHaveCount(0);
		await expect(page.getByLabel(ky.file_attach_label, { exact: true })).toHaveCount(0);
		await expect(
			page.getByRole('button', { name: fill(ky.file_remove, { name: pdfName }) })
		).toHaveCount(0);
		const response = await page.goto(`${materialUrl}/edit`);
		// Her own material, decided: a conflict that says why, not a bare "forbidden".
		expect(response?.status()).toBe(409);
		await expect(page.getByText(ky.error_material_decided)).toBeVisible();
	});

	await test.step('Versions lists the three versions', async () => {
		await page.goto(`${materialUrl}/versions`);
		await expect(
			page.getByRole('heading', { name: fill(ky.versions_comparing, { from: 2, to: 3 }) })
		).toBeVisible();
		await expect(page.locator('.diff ins').filter({ hasText: 'тартышат' })).not.toHaveCount(0);
		await expectNoHorizontalScroll(page);
	});
});

// Script injection: a member saves a material full of attempts; opened in Chromium with
// JavaScript on, none of them may run.

const xss = {
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
const xssBody = [
	`<p>${xss.start}</p>`,
	'<p>Текст катары: &lt;script&gt;alert(1)&lt;/script&gt;</p>',
	...ownPayloads,
	...xssPayloads
].join('\n');

/** The XSS material's address once saved. */
let xssUrl = '';

type Watched = Window & { __pwned?: unknown; __xss?: number; __csp?: string[] };

/**
 * Opens a page with traps set: alert and the like count in `window.__xss` instead of opening
 * a dialog, CSP violations are collected, and any dialog that still opens is recorded.
 */
async function watchForScripts(page: Page) {
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
async function expectNothingRan(
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
	for (const url of found.urls) {
		const value = url.slice(url.indexOf('=') + 1).toLowerCase();
		expect(value, url).not.toMatch(/^\W*(javascript|vbscript|data:text|data:image\/svg)/);
		expect(url, 'only web, mail and picture addresses').toMatch(
			/^(a href=(https?:|mailto:)|img src=(data:image\/(png|jpeg|gif|webp);|\/))/
		);
	}
}

test('materials: script in a material does not run when it is opened', async ({
	browser,
	page
}, testInfo) => {
	const js = testInfo.project.name === 'js';
	expect(groupUrl, 'an earlier test created the group').not.toBe('');
	await signIn(page, colleague.email, colleague.password);

	await test.step(
		js
			? 'the material is posted as an attacker would, past the editor'
			: 'the attempts are typed into the body without JavaScript',
		async () => {
			if (js) {
				const form = new URLSearchParams({
					type: 'article',
					title: xss.title,
					language: 'ky',
					abstract: xss.abstract,
					body: xssBody,
					tags: xss.tags
				});
				form.append('grades', '7');
				const origin = new URL(page.url()).origin;
				const response = await page.request.post(`${groupUrl}/materials/new`, {
					// As a browser posts a form: a page is asked for (not SvelteKit's JSON), same origin.
					headers: {
						origin,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded'
					},
					data: form.toString(),
					maxRedirects: 0
				});
				expect(response.status()).toBe(303);
				const location = response.headers()['location'] ?? '';
				expect(location).toMatch(/\/materials\/[0-9a-f-]{36}\?created=1$/);
				xssUrl = new URL(location, origin).href.replace(/\?.*$/, '');
			} else {
				await page.goto(`${groupUrl}/materials/new`);
				await pageReady(page);
				await page
					.getByLabel(ky.material_type, { exact: true })
					.selectOption({ label: ky.material_type_article });
				await page.getByLabel(ky.material_title, { exact: true }).fill(xss.title);
				await page.getByLabel(ky.material_abstract, { exact: true }).fill(xss.abstract);
				await page.getByLabel(ky.material_body, { exact: true }).fill(xssBody);
				await page.getByLabel(ky.material_tags, { exact: true }).fill(xss.tags);
				await page
					.getByRole('group', { name: ky.material_grades, exact: true })
					.getByRole('checkbox', { name: '7', exact: true })
					.check();
				await page.getByRole('button', { name: ky.material_save_draft, exact: true }).click();
				await expect(page).toHaveURL(/\/materials\/[0-9a-f-]{36}\?created=1$/);
				xssUrl = page.url().replace(/\?.*$/, '');
			}
		}
	);

	// Without JavaScript nothing could run anyway: open it in a browser with JavaScript on.
	const context = js ? page.context() : await browser.newContext(sameSettings(testInfo, true));
	if (!js) await context.addCookies(await page.context().cookies());
	const viewer = js ? page : await context.newPage();
	const dialogs = await watchForScripts(viewer);

	await test.step('the author opens it: the text is there, nothing runs', async () => {
		await viewer.goto(xssUrl);
		await expect(heading(viewer)).toHaveText(xss.title);
		await expect(viewer.getByText(xss.abstract, { exact: true })).toBeVisible();
		await expect(viewer.locator('section.body')).toContainText(xss.start);
		// Escaped text, shown as typed, not markup.
		await expect(viewer.locator('section.body')).toContainText(
			'Текст катары: <script>alert(1)</script>'
		);
		await expectNothingRan(viewer, dialogs);
		expect(viewer.url()).toBe(xssUrl);
		await expectNoHorizontalScroll(viewer);
	});

	await test.step('the edit page loads it into the editor; nothing runs there either', async () => {
		await viewer.goto(`${xssUrl}/edit`);
		await expect(editorArea(viewer)).toContainText(xss.start);
		await expect(viewer.getByLabel(ky.material_title, { exact: true })).toHaveValue(xss.title);
		await expectNothingRan(viewer, dialogs, { within: '#field-body-area', markup: 'editor' });
		await expectNoHorizontalScroll(viewer);
	});

	await test.step('she offers it, and the leader opens it: nothing runs', async () => {
		await page.goto(xssUrl);
		await page.getByRole('button', { name: ky.material_offer, exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: ky.material_offered })).toBeVisible();

		const leaderContext = await browser.newContext(sameSettings(testInfo, true));
		const leader = await leaderContext.newPage();
		await signIn(leader, teacher.email, teacher.password);
		const leaderDialogs = await watchForScripts(leader);
		await leader.goto(xssUrl);
		await expect(heading(leader)).toHaveText(xss.title);
		await expectNothingRan(leader, leaderDialogs);
		await expectNoHorizontalScroll(leader);
		await leader.getByRole('link', { name: ky.review_give, exact: true }).click();
		await expect(leader).toHaveURL(`${xssUrl}/review`);
		await expect(leader.getByRole('link', { name: `← ${xss.title}` })).toBeVisible();
		await expectNothingRan(leader, leaderDialogs, { within: 'main', markup: 'page' });
		await expectNoHorizontalScroll(leader);
		await leaderContext.close();
	});

	if (!js) await context.close();
});

test('materials: the Word plan reads in the browser without downloading it', async ({ page }) => {
	expect(materialUrl, 'an earlier test saved the material').not.toBe('');
	await signIn(page, teacher.email, teacher.password);
	await page.goto(materialUrl);
	const row = sectionOf(page, ky.material_files).getByRole('listitem').filter({
		hasText: docxName
	});
	await row.getByRole('link', { name: ky.file_preview, exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`${materialUrl}/files/[0-9a-f-]{36}/preview$`));
	await expect(heading(page)).toHaveText(docxName);
	const preview = page.locator('article.preview');
	await expect(preview.getByRole('heading', { name: TEACHER_TEXT.title })).toBeVisible();
	await expect(preview.getByRole('heading', { name: TEACHER_TEXT.section })).toBeVisible();
	await expect(preview).toContainText(TEACHER_TEXT.intro);
	await expect(preview.locator('strong')).toHaveText(TEACHER_TEXT.bold);
	await expect(preview.locator('table')).toContainText(TEACHER_TEXT.table[2]![2]!);
	for (const item of TEACHER_TEXT.bullets) await expect(preview).toContainText(item);
	await expect(page.getByRole('link', { name: ky.file_download, exact: true })).toHaveAttribute(
		'download',
		''
	);
	await expect(page.locator('article.preview script')).toHaveCount(0);
	await expectNoHorizontalScroll(page);
	await page.getByRole('link', { name: `← ${ky.file_back_to_material}` }).click();
	await expect(page).toHaveURL(materialUrl);
});

test('materials: no page of materials scrolls sideways at 360 px', async ({ page }) => {
	expect(materialUrl, 'an earlier test saved the material').not.toBe('');
	await signIn(page, colleague.email, colleague.password);
	const pages = [
		`${groupUrl}/materials`,
		`${groupUrl}/materials?status=accepted&sort=title`,
		`${groupUrl}/materials/new`,
		'/materials',
		'/materials?view=waiting',
		materialUrl,
		`${materialUrl}/versions`,
		`${materialUrl}/versions?from=1&to=3`,
		xssUrl,
		`${xssUrl}/edit`
	];
	for (const address of pages) {
		await test.step(address.replace(groupUrl, '/groups/…'), async () => {
			const response = await page.goto(address);
			expect(response?.status()).toBe(200);
			await expectNoHorizontalScroll(page);
		});
	}
	await test.step('the group list filtered to accepted shows only the plan', async () => {
		await page.goto(`${groupUrl}/materials?status=accepted`);
		await expect(page.getByRole('link', { name: material.title, exact: true })).toBeVisible();
		await expect(page.getByRole('link', { name: xss.title, exact: true })).toHaveCount(0);
	});
});

// Proposals, discussion and a collective decision (§3.3, §3.5): the admin joins the group so
// that three members can vote; the second teacher makes a proposal, the leader analyzes it
// and puts it to discussion; they talk it over; the leader puts it to a vote, three members
// vote (one of them on a phone without JavaScript), the leader closes the vote with the
// decision's wording, and the decision reaches the log and the minutes of the earlier meeting.

const adminMotivation = 'Мектептин администрациясынан топтун ишине катышып, добуш бергим келет.';
const proposal = {
	kind: 'forms_of_work',
	kindLabel: ky.proposal_kind_forms_of_work,
	title: 'Өз ара ачык сабактарды талдоонун жаңы үлгүсү',
	body: 'Ар бир мүчө айына бир ачык сабак өтөт, калгандары аны чогуу талдашат.\nТалдоонун жыйынтыгы топтун жыйынында бекитилет.',
	analysis:
		'Сунуш топтун темасына шайкеш. Тобокелдик: мугалимдердин убактысы аз, графикти алдын ала түзүү керек.',
	post: 'Бул сунушту колдойм. @Нурлан Үсөнов, графикти ким түзөт?',
	reply: 'Графикти мен түзөм жана жыйынга чейин баарыңарга жөнөтөм.',
	edited: 'Бул сунушту колдойм. @Нурлан Үсөнов, графикти ким түзөт? Мен октябрдан баштай алам.',
	decision:
		'Өз ара ачык сабактарды талдоонун жаңы үлгүсү кабыл алынсын; график ноябрь айында бекитилет.'
};
const proposalPdfName = 'сунуштун-негиздемеси.pdf';
const proposalPdf = tinyPdf('Ustat: sunush');
const mention = `@${teacher.fullName}`;
/** Yes 2, No 0, Abstain 1: the tally on one line, as the log and the minutes print it. */
const tallyText = `${ky.vote_tally_yes} 2 · ${ky.vote_tally_no} 0 · ${ky.vote_tally_abstain} 1`;
const turnout = (count: number) => fill(ky.vote_turnout, { count, roll: 3 });
const quorumText = `${fill(ky.vote_quorum_met, { percent: 60 })} · ${turnout(3)}`;

/** The proposal's and the vote's addresses once made. */
let proposalUrl = '';
let voteUrl = '';

/** A post of the discussion, by its author's name. */
function postBy(page: Page, name: string) {
	return page
		.locator('article.post')
		.filter({ has: page.locator('.by strong', { hasText: name }) });
}

/** The yes/no ballot of the vote's page. */
function ballot(page: Page) {
	return page.getByRole('group', { name: proposal.title, exact: true });
}

/** Chooses an answer and sends the ballot (`scripted`: false on a phone without JavaScript). */
async function castBallot(page: Page, option: string, button: string, scripted = true) {
	if (scripted) await pageReady(page);
	await ballot(page).getByRole('radio', { name: option, exact: true }).check();
	await page.getByRole('button', { name: button, exact: true }).click();
}

test('decisions: the admin asks to join the group and the leader accepts her', async ({ page }) => {
	expect(groupUrl, 'an earlier test created the group').not.toBe('');

	await test.step('the admin sends a request with her motivation', async () => {
		await signIn(page, admin.email, admin.password);
		await openGroupFromMenu(page);
		await page.getByLabel(ky.group_join_message, { exact: true }).fill(adminMotivation);
		await page.getByRole('button', { name: ky.group_join, exact: true }).click();
		await expect(
			page.getByRole('status').filter({ hasText: ky.group_done_requested })
		).toBeVisible();
		await signOut(page);
	});

	await test.step('the leader accepts it on the Members page: three members now', async () => {
		await signIn(page, teacher.email, teacher.password);
		await page.goto(`${groupUrl}/members`);
		const requests = page.locator('section', {
			has: page.getByRole('heading', { name: fill(ky.members_requests_title, { count: 1 }) })
		});
		const request = requests.getByRole('listitem').filter({ hasText: admin.fullName });
		await expect(request).toContainText(`«${adminMotivation}»`);
		await request.getByRole('button', { name: ky.accept, exact: true }).click();
		await expect(
			page.getByRole('status').filter({ hasText: ky.members_done_accepted })
		).toBeVisible();
		const members = page.locator('section', {
			has: page.getByRole('heading', { name: fill(ky.group_members_title, { count: 3 }) })
		});
		await expect(members.getByRole('listitem').filter({ hasText: admin.fullName })).toBeVisible();
	});
});

test('decisions: the second teacher makes a proposal; the leader analyzes it and puts it to discussion', async ({
	browser,
	page
}, testInfo) => {
	expect(groupUrl, 'an earlier test created the group').not.toBe('');
	await signIn(page, colleague.email, colleague.password);
	await openGroupFromMenu(page);

	await test.step('the Proposals tab is empty; she opens "New proposal"', async () => {
		await openGroupTab(page, ky.group_tab_proposals, new RegExp(`${groupUrl}/proposals$`));
		await expect(heading(page)).toHaveText(ky.proposals_title);
		await expect(page.getByText(ky.proposals_none)).toBeVisible();
		await expectNoHorizontalScroll(page);
		await page.getByRole('link', { name: ky.proposals_new, exact: true }).click();
		await expect(page).toHaveURL(`${groupUrl}/proposals/new`);
		await expect(heading(page)).toHaveText(ky.proposals_new);
		await expectNoHorizontalScroll(page);
	});

	const kind = page.getByLabel(ky.proposal_kind, { exact: true });
	const title = page.getByLabel(ky.proposal_title_label, { exact: true });
	const body = page.getByLabel(ky.proposal_body_label, { exact: true });
	const files = page.getByLabel(ky.proposal_files_label, { exact: true });
	const submit = page.getByRole('button', { name: ky.proposal_submit, exact: true });
	const pdf = upload(proposalPdfName, 'application/pdf', proposalPdf);

	await test.step('a too short title is explained; the rest stays typed', async () => {
		await pageReady(page);
		await kind.selectOption({ label: proposal.kindLabel });
		await title.fill('Өң');
		await body.fill(proposal.body);
		await files.setInputFiles([pdf]);
		await submit.click();

		await expect(page.getByRole('alert')).toContainText(ky.error_check_form);
		await expectFieldError(page, title, fill(ky.error_too_short, { min: 3 }));
		await expect(title).toHaveValue('Өң');
		await expect(kind).toHaveValue(proposal.kind);
		await expect(body).toHaveValue(proposal.body);
		await expect(body).not.toHaveAttribute('aria-invalid', 'true');
		// A browser does not keep the chosen files: the hint asks for them again.
		await expect(files).toHaveAccessibleDescription(literally(ky.proposal_files_again));
		await expect(page).toHaveURL(new RegExp(`${groupUrl}/proposals/new$`));
		await expectNoHorizontalScroll(page);
	});

	await test.step('with the title fixed the proposal is sent with its PDF', async () => {
		await title.fill(proposal.title);
		await files.setInputFiles([pdf]);
		await submit.click();
		await expect(page).toHaveURL(new RegExp(`${groupUrl}/proposals/[0-9a-f-]{36}\\?created=1$`));
		proposalUrl = page.url().replace(/\?.*$/, '');
		await expect(heading(page)).toHaveText(proposal.title);
		await expect(page.getByRole('status').filter({ hasText: ky.proposal_created })).toBeVisible();
		const meta = page.locator('p.meta');
		await expect(meta).toContainText(fill(ky.proposal_number, { number: 1 }));
		await expect(meta).toContainText(proposal.kindLabel);
		await expect(meta).toContainText(ky.proposal_status_submitted);
		await expect(page.locator('p.body')).toHaveText(proposal.body);
		await expect(sectionOf(page, ky.proposal_analysis_title)).toContainText(
			ky.proposal_analysis_none
		);
		await expect(page.getByText(ky.proposal_discussion_not_yet)).toBeVisible();
		await expect(page.getByRole('heading', { name: ky.post_form_title })).toHaveCount(0);
		// Hers, not the leader's work.
		await expect(page.getByRole('heading', { name: ky.proposal_leader_title })).toHaveCount(0);
		await expect(
			sectionOf(page, ky.proposal_history).getByText(ky.proposal_event_submitted)
		).toBeVisible();
		await expectNoHorizontalScroll(page);
	});

	await test.step('the PDF is listed and downloads as sent', async () => {
		const link = sectionOf(page, ky.proposal_files).getByRole('link', {
			name: proposalPdfName,
			exact: true
		});
		const response = await page.request.get((await link.getAttribute('href'))!);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('application/pdf');
		expect(response.headers()['content-disposition']).toMatch(/^attachment;/);
		expect(new Uint8Array(await response.body())).toEqual(proposalPdf);
	});

	await test.step('the list shows it as submitted', async () => {
		await page.goto(`${groupUrl}/proposals`);
		const row = page.getByRole('listitem').filter({ hasText: proposal.title });
		await expect(row).toContainText(ky.proposal_status_submitted);
		await expect(row).toContainText(colleague.fullName);
		await expect(row).toContainText(proposal.kindLabel);
		await expectNoHorizontalScroll(page);
	});

	// The leader's own phone: a second browser, as the project runs it.
	const leaderContext = await browser.newContext(sameSettings(testInfo));
	const leader = await leaderContext.newPage();

	await test.step('the leader opens it from the list: analysis comes first', async () => {
		await signIn(leader, teacher.email, teacher.password);
		await leader.goto(groupUrl);
		await openGroupTab(leader, ky.group_tab_proposals, new RegExp(`${groupUrl}/proposals$`));
		await leader.getByRole('link', { name: proposal.title, exact: true }).click();
		await expect(leader).toHaveURL(proposalUrl);
		await expect(leader.getByRole('heading', { name: ky.proposal_leader_title })).toBeVisible();
		await expect(leader.getByText(ky.proposal_discuss_needs_analysis)).toBeVisible();
		await expect(leader.getByRole('button', { name: ky.proposal_discuss })).toHaveCount(0);
		await expectNoHorizontalScroll(leader);
	});

	await test.step('the leader writes the analysis', async () => {
		await pageReady(leader);
		await leader.getByLabel(ky.proposal_analysis_label, { exact: true }).fill(proposal.analysis);
		await leader.getByRole('button', { name: ky.proposal_analysis_save, exact: true }).click();
		await expect(
			leader.getByRole('status').filter({ hasText: ky.proposal_analyzed })
		).toBeVisible();
		await expect(leader.locator('p.meta')).toContainText(ky.proposal_status_analyzed);
		const analysis = sectionOf(leader, ky.proposal_analysis_title);
		await expect(analysis).toContainText(proposal.analysis);
		await expect(analysis).toContainText(teacher.fullName);
	});

	await test.step('the leader puts it to discussion: the discussion opens', async () => {
		await leader.getByRole('button', { name: ky.proposal_discuss, exact: true }).click();
		await expect(
			leader.getByRole('status').filter({ hasText: ky.proposal_discussed })
		).toBeVisible();
		await expect(leader.locator('p.meta')).toContainText(ky.proposal_status_discussion);
		await expect(leader.getByRole('heading', { name: ky.post_form_title })).toBeVisible();
		await expect(leader.getByText(ky.discussion_posts_none)).toBeVisible();
		await expect(leader.getByRole('link', { name: ky.proposal_open_vote })).toBeVisible();
		const history = sectionOf(leader, ky.proposal_history);
		await expect(history.getByText(ky.proposal_event_analyzed)).toBeVisible();
		await expect(history.getByText(ky.proposal_event_discussion)).toBeVisible();
		await expectNoHorizontalScroll(leader);
	});
	await leaderContext.close();

	await test.step('she sees the analysis and the open discussion', async () => {
		await page.goto(proposalUrl);
		await expect(page.locator('p.meta')).toContainText(ky.proposal_status_discussion);
		await expect(sectionOf(page, ky.proposal_analysis_title)).toContainText(proposal.analysis);
		await expect(page.getByRole('heading', { name: ky.post_form_title })).toBeVisible();
	});
});

test('decisions: the proposal is discussed with a mention, a quote and an edit', async ({
	browser,
	page
}, testInfo) => {
	expect(proposalUrl, 'the previous test made the proposal').not.toBe('');
	await signIn(page, colleague.email, colleague.password);
	const postUrl = new RegExp(`${proposalUrl}#post-[0-9a-f-]{36}$`);

	await test.step("the Discussions tab lists the proposal's discussion", async () => {
		await page.goto(groupUrl);
		await openGroupTab(page, ky.group_tab_discussions, new RegExp(`${groupUrl}/discussions$`));
		await expect(heading(page)).toHaveText(ky.discussions_title);
		const row = page.getByRole('listitem').filter({ hasText: proposal.title });
		await expect(row).toContainText(fill(ky.proposal_number, { number: 1 }));
		await expect(row).toContainText(ky.proposal_status_discussion);
		await expectNoHorizontalScroll(page);
		await row.getByRole('link', { name: proposal.title, exact: true }).click();
		await expect(page).toHaveURL(`${proposalUrl}#discussion`);
	});

	await test.step('she posts, naming the leader: the mention is highlighted', async () => {
		await pageReady(page);
		await page.getByLabel(ky.post_body_label, { exact: true }).fill(proposal.post);
		await page.getByRole('button', { name: ky.post_send, exact: true }).click();
		await expect(page).toHaveURL(postUrl);
		const post = postBy(page, colleague.fullName);
		await expect(post).toHaveCount(1);
		await expect(post.locator('.text')).toHaveText(proposal.post);
		await expect(post.locator('mark.mention')).toHaveText(mention);
		await expect(page.locator('#discussion-title')).toContainText(
			fill(ky.post_count, { count: 1 })
		);
		// The form is empty again for the next post.
		await expect(page.getByLabel(ky.post_body_label, { exact: true })).toHaveValue('');
		await expectNoHorizontalScroll(page);
	});

	await test.step('the leader answers, quoting her post', async () => {
		const leaderContext = await browser.newContext(sameSettings(testInfo));
		const leader = await leaderContext.newPage();
		await signIn(leader, teacher.email, teacher.password);
		await leader.goto(proposalUrl);
		const hers = postBy(leader, colleague.fullName);
		await expect(hers.locator('mark.mention')).toHaveText(mention);
		await hers.getByRole('link', { name: ky.post_quote, exact: true }).click();
		await expect(leader).toHaveURL(/\?quote=[0-9a-f-]{36}#reply$/);
		const form = leader.locator('#reply');
		await expect(form.getByText(fill(ky.post_quoting, { name: colleague.fullName }))).toBeVisible();
		await expect(form.locator('blockquote')).toHaveText(proposal.post);
		await expectNoHorizontalScroll(leader);
		await pageReady(leader);
		await leader.getByLabel(ky.post_reply_label, { exact: true }).fill(proposal.reply);
		await leader.getByRole('button', { name: ky.post_send, exact: true }).click();
		await expect(leader).toHaveURL(postUrl);
		const his = postBy(leader, teacher.fullName);
		await expect(his.locator(':scope > .text')).toHaveText(proposal.reply);
		const quote = his.locator('blockquote');
		await expect(quote).toContainText(fill(ky.post_quote_by, { name: colleague.fullName }));
		await expect(quote).toContainText(proposal.post);
		await leaderContext.close();
	});

	await test.step('she edits her post: it shows the new text, marked as edited', async () => {
		await page.goto(proposalUrl);
		const hers = postBy(page, colleague.fullName);
		await expect(postBy(page, teacher.fullName).locator(':scope > .text')).toHaveText(
			proposal.reply
		);
		// Only her own post can be edited by her.
		await expect(
			postBy(page, teacher.fullName).getByRole('link', { name: ky.post_edit, exact: true })
		).toHaveCount(0);
		await hers.getByRole('link', { name: ky.post_edit, exact: true }).click();
		await expect(page).toHaveURL(/\?edit=[0-9a-f-]{36}#post-[0-9a-f-]{36}$/);
		const text = page.getByLabel(ky.post_edit_label, { exact: true });
		await expect(text).toHaveValue(proposal.post);
		await expectNoHorizontalScroll(page);
		await pageReady(page);
		await text.fill(proposal.edited);
		await page.getByRole('button', { name: ky.post_save, exact: true }).click();
		await expect(page).toHaveURL(postUrl);
		await expect(hers.locator('.text')).toHaveText(proposal.edited);
		await expect(hers.locator('mark.mention')).toHaveText(mention);
		await expect(hers.locator('.edited')).toContainText(
			ky.post_edited.replace(/\{date\}.*$/, '').trim()
		);
		await expect(postBy(page, teacher.fullName).locator('.edited')).toHaveCount(0);
		await expect(page.getByLabel(ky.post_edit_label, { exact: true })).toHaveCount(0);
		await expectNoHorizontalScroll(page);
	});

	await test.step('the list counts two posts', async () => {
		await page.goto(`${groupUrl}/proposals`);
		const row = page.getByRole('listitem').filter({ hasText: proposal.title });
		await expect(row).toContainText(fill(ky.post_count, { count: 2 }));
		await expect(row).toContainText(ky.proposal_status_discussion);
	});
});

test('decisions: the leader puts it to a vote and three members vote, one without JavaScript', async ({
	browser,
	page
}, testInfo) => {
	expect(proposalUrl, 'an earlier test made the proposal').not.toBe('');
	await signIn(page, teacher.email, teacher.password);

	await test.step('"Put to a vote" opens the form with the proposal chosen', async () => {
		await page.goto(proposalUrl);
		await page.getByRole('link', { name: ky.proposal_open_vote, exact: true }).click();
		await expect(page).toHaveURL(/\/votes\/new\?proposal=[0-9a-f-]{36}$/);
		await expect(heading(page)).toHaveText(ky.votes_open_new);
		const chosen = page.getByLabel(ky.vote_proposal_field, { exact: true });
		await expect(chosen.locator('option:checked')).toHaveText(`№1. ${proposal.title}`);
		await expect(page.getByLabel(ky.vote_question, { exact: true })).toHaveValue(proposal.title);
		const kinds = page.getByRole('group', { name: ky.vote_kind_legend, exact: true });
		await expect(kinds.getByRole('radio', { name: ky.vote_kind_yes_no })).toBeChecked();
		await expectNoHorizontalScroll(page);
	});

	await test.step('a quorum over 100 % is explained; the rest stays', async () => {
		await pageReady(page);
		const quorum = page.getByLabel(ky.vote_quorum_field, { exact: true });
		await quorum.fill('160');
		await page.getByRole('button', { name: ky.vote_open_submit, exact: true }).click();
		await expect(page.getByRole('alert')).toContainText(ky.error_check_form);
		await expect(quorum).toHaveAttribute('aria-invalid', 'true');
		await expect(quorum).toHaveValue('160');
		await expect(page.getByLabel(ky.vote_question, { exact: true })).toHaveValue(proposal.title);
		await expect(
			page.getByLabel(ky.vote_proposal_field, { exact: true }).locator('option:checked')
		).toHaveText(`№1. ${proposal.title}`);
	});

	await test.step('with a 60 % quorum and a live tally the vote opens', async () => {
		await page.getByLabel(ky.vote_quorum_field, { exact: true }).fill('60');
		await page
			.getByRole('group', { name: ky.vote_tally_legend, exact: true })
			.getByRole('radio', { name: ky.vote_tally_live_option, exact: true })
			.check();
		await page.getByRole('button', { name: ky.vote_open_submit, exact: true }).click();
		await expect(page).toHaveURL(new RegExp(`${groupUrl}/votes/[0-9a-f-]{36}\\?opened=1$`));
		voteUrl = page.url().replace(/\?.*$/, '');
		await expect(heading(page)).toHaveText(proposal.title);
		await expect(page.getByRole('status').filter({ hasText: ky.vote_opened_ok })).toBeVisible();
		const facts = page.locator('dl.facts').first();
		await expect(facts).toContainText(fill(ky.vote_quorum_rule, { percent: 60 }));
		await expect(facts).toContainText(ky.vote_tally_live);
		await expect(facts).toContainText(ky.vote_ballot_open);
		await expect(facts.getByRole('link', { name: `№1. ${proposal.title}` })).toBeVisible();
		const participants = sectionOf(page, ky.vote_participants_title);
		await expect(participants).toContainText(turnout(0));
		await expect(participants).toContainText(ky.vote_participants_none);
		await expectNoHorizontalScroll(page);
	});

	await test.step('the leader votes Yes and sees the tally so far', async () => {
		await castBallot(page, ky.vote_option_yes, ky.vote_cast);
		await expect(page.getByRole('status').filter({ hasText: ky.vote_cast_ok })).toBeVisible();
		await expect(
			page.getByText(fill(ky.vote_you_chose, { choices: ky.vote_option_yes }))
		).toBeVisible();
		await expect(page.getByRole('button', { name: ky.vote_change, exact: true })).toBeVisible();
		const tally = page.getByRole('list', { name: ky.vote_tally_title, exact: true });
		await expect(tally.getByRole('listitem').filter({ hasText: ky.vote_tally_yes })).toContainText(
			fill(ky.vote_count, { count: 1 })
		);
		await expect(
			page.getByText(`${fill(ky.vote_quorum_not_yet, { percent: 60 })} · ${turnout(1)}`)
		).toBeVisible();
		await expectNoHorizontalScroll(page);
	});

	await test.step('the proposal is now in the vote; its discussion stays open', async () => {
		await page.goto(proposalUrl);
		await expect(page.locator('p.meta')).toContainText(ky.proposal_status_vote);
		const votes = sectionOf(page, ky.proposal_votes);
		await expect(votes).toContainText(ky.proposal_vote_open);
		await expect(
			votes.getByRole('link', { name: fill(ky.proposal_vote_number, { number: 1 }) })
		).toHaveAttribute('href', new URL(voteUrl).pathname);
		// Members may still talk it over while they vote.
		await expect(page.getByRole('heading', { name: ky.post_form_title })).toBeVisible();
		await expect(page.getByText(ky.proposal_discussion_closed)).toHaveCount(0);
	});

	await test.step('the second teacher votes Yes, then No, then Yes again', async () => {
		const context = await browser.newContext(sameSettings(testInfo));
		const colleaguePage = await context.newPage();
		await signIn(colleaguePage, colleague.email, colleague.password);
		await colleaguePage.goto(`${groupUrl}/votes`);
		const row = colleaguePage.getByRole('listitem').filter({ hasText: proposal.title });
		await expect(row).toContainText(`● ${ky.vote_not_yet}`);
		await expect(row).toContainText(turnout(1));
		await expectNoHorizontalScroll(colleaguePage);
		await row.getByRole('link', { name: proposal.title, exact: true }).click();
		await expect(colleaguePage).toHaveURL(voteUrl);
		// A live tally shows once one has voted.
		await expect(colleaguePage.getByText(ky.vote_tally_hidden_live)).toBeVisible();

		await castBallot(colleaguePage, ky.vote_option_yes, ky.vote_cast);
		await expect(
			colleaguePage.getByRole('status').filter({ hasText: ky.vote_cast_ok })
		).toBeVisible();
		await castBallot(colleaguePage, ky.vote_option_no, ky.vote_change);
		await expect(
			colleaguePage.getByRole('status').filter({ hasText: ky.vote_changed_ok })
		).toBeVisible();
		await expect(
			colleaguePage.getByText(fill(ky.vote_you_chose, { choices: ky.vote_option_no }))
		).toBeVisible();
		const tally = colleaguePage.getByRole('list', { name: ky.vote_tally_title, exact: true });
		await expect(tally.getByRole('listitem').filter({ hasText: ky.vote_tally_no })).toContainText(
			fill(ky.vote_count, { count: 1 })
		);
		await castBallot(colleaguePage, ky.vote_option_yes, ky.vote_change);
		await expect(
			colleaguePage.getByRole('status').filter({ hasText: ky.vote_changed_ok })
		).toBeVisible();
		await expect(
			colleaguePage.getByText(fill(ky.vote_you_chose, { choices: ky.vote_option_yes }))
		).toBeVisible();
		// Changing is not voting twice: two took part, both Yes.
		await expect(tally.getByRole('listitem').filter({ hasText: ky.vote_tally_yes })).toContainText(
			fill(ky.vote_count, { count: 2 })
		);
		await expect(tally.getByRole('listitem').filter({ hasText: ky.vote_tally_no })).toContainText(
			fill(ky.vote_count, { count: 0 })
		);
		await expect(sectionOf(colleaguePage, ky.vote_participants_title)).toContainText(turnout(2));
		await context.close();
	});

	await test.step('the admin votes Abstain on a phone without JavaScript', async () => {
		const context = await browser.newContext(sameSettings(testInfo, false));
		const phone = await context.newPage();
		await signIn(phone, admin.email, admin.password);
		await phone.goto(`${groupUrl}/votes`);
		await phone.getByRole('link', { name: proposal.title, exact: true }).click();
		await expect(phone).toHaveURL(voteUrl);
		// No script takes over the page here: the form posts as plain HTML.
		await expect(phone.locator('html')).not.toHaveAttribute('data-hydrated', 'true');
		await expectNoHorizontalScroll(phone);
		await castBallot(phone, ky.vote_option_abstain, ky.vote_cast, false);
		await expect(phone).toHaveURL(`${voteUrl}?/cast`);
		await expect(phone.getByRole('status').filter({ hasText: ky.vote_cast_ok })).toBeVisible();
		await expect(
			phone.getByText(fill(ky.vote_you_chose, { choices: ky.vote_option_abstain }))
		).toBeVisible();
		await expect(sectionOf(phone, ky.vote_participants_title)).toContainText(turnout(3));
		await expectNoHorizontalScroll(phone);
		await context.close();
	});

	await test.step('the leader sees three of three took part, quorum met, who chose what', async () => {
		await page.goto(voteUrl);
		const participants = sectionOf(page, ky.vote_participants_title);
		await expect(participants).toContainText(turnout(3));
		for (const name of [teacher.fullName, colleague.fullName, admin.fullName])
			await expect(participants.locator('.people').getByText(name, { exact: true })).toBeVisible();
		// An open ballot: who chose what is shown to all.
		const choiceOf = (name: string) =>
			participants
				.locator('dl.facts dt', { hasText: name })
				.locator('xpath=following-sibling::dd[1]');
		await expect(choiceOf(teacher.fullName)).toHaveText(ky.vote_option_yes);
		await expect(choiceOf(colleague.fullName)).toHaveText(ky.vote_option_yes);
		await expect(choiceOf(admin.fullName)).toHaveText(ky.vote_option_abstain);
		const tally = page.getByRole('list', { name: ky.vote_tally_title, exact: true });
		await expect(tally.getByRole('listitem').filter({ hasText: ky.vote_tally_yes })).toContainText(
			fill(ky.vote_count, { count: 2 })
		);
		await expect(
			tally.getByRole('listitem').filter({ hasText: ky.vote_tally_abstain })
		).toContainText(fill(ky.vote_count, { count: 1 }));
		await expect(page.getByText(quorumText, { exact: true })).toBeVisible();
		await expectNoHorizontalScroll(page);
	});
});

test('decisions: the leader closes the vote; the decision reaches the log and the minutes', async ({
	browser,
	page
}, testInfo) => {
	expect(voteUrl, 'the previous test opened the vote').not.toBe('');
	// The second teacher has the vote open on her phone while the leader closes it.
	await signIn(page, colleague.email, colleague.password);
	await page.goto(voteUrl);
	await expect(page.getByRole('button', { name: ky.vote_change, exact: true })).toBeVisible();

	const leaderContext = await browser.newContext(sameSettings(testInfo));
	const leader = await leaderContext.newPage();
	await signIn(leader, teacher.email, teacher.password);
	await leader.goto(voteUrl);
	const wording = leader.getByLabel(ky.decision_text_label, { exact: true });
	const meetingField = leader.getByLabel(ky.decision_meeting_label, { exact: true });
	const close = leader.getByRole('button', { name: ky.vote_close, exact: true });
	let meetingName = '';

	await test.step('closing without the wording is explained; the meeting chosen stays', async () => {
		await pageReady(leader);
		meetingName = (
			(await meetingField
				.locator('option', { hasText: fill(ky.minutes_number, { number: 1 }) })
				.textContent()) ?? ''
		).trim();
		expect(meetingName).not.toBe('');
		await meetingField.selectOption({ label: meetingName });
		await close.click();
		await expectFieldError(leader, wording, ky.error_required);
		await expect(meetingField.locator('option:checked')).toHaveText(meetingName);
		await expect(leader.locator('.badge', { hasText: ky.vote_status_open })).toBeVisible();
		await expectNoHorizontalScroll(leader);
	});

	await test.step('with the wording the vote closes: outcome, tally, quorum', async () => {
		await wording.fill(proposal.decision);
		await close.click();
		await expect(leader.getByRole('status').filter({ hasText: ky.vote_closed_ok })).toBeVisible();
		await expect(leader.locator('.badge', { hasText: ky.vote_status_closed })).toBeVisible();
		const decision = leader.locator('article.decision');
		await expect(
			decision.getByRole('heading', { name: fill(ky.decision_title, { number: 1 }) })
		).toBeVisible();
		await expect(decision.locator('.wording')).toHaveText(proposal.decision);
		await expect(decision.locator('.badge')).toHaveText(ky.decision_outcome_accepted);
		const tally = decision.getByRole('list', { name: ky.vote_tally_title, exact: true });
		await expect(tally.getByRole('listitem')).toHaveCount(3);
		await expect(tally.getByRole('listitem').filter({ hasText: ky.vote_tally_yes })).toContainText(
			fill(ky.vote_count, { count: 2 })
		);
		await expect(decision).toContainText(quorumText);
		await expect(decision.getByRole('link', { name: meetingName, exact: true })).toBeVisible();
		await expect(close).toHaveCount(0);
		await expect(leader.getByRole('button', { name: ky.vote_change })).toHaveCount(0);
		await expect(
			leader.getByText(fill(ky.vote_you_chose_closed, { choices: ky.vote_option_yes }))
		).toBeVisible();
		await expectNoHorizontalScroll(leader);
	});
	await leaderContext.close();

	await test.step('her ballot sent after the close is refused, with the reason', async () => {
		await pageReady(page);
		await ballot(page).getByRole('radio', { name: ky.vote_option_no, exact: true }).check();
		await page.getByRole('button', { name: ky.vote_change, exact: true }).click();
		await expect(page.getByText(ky.error_vote_closed)).toBeVisible();
		await page.goto(voteUrl);
		await expect(ballot(page)).toHaveCount(0);
		await expect(page.getByRole('button', { name: ky.vote_change })).toHaveCount(0);
		await expect(
			page.getByText(fill(ky.vote_you_chose_closed, { choices: ky.vote_option_yes }))
		).toBeVisible();
		await expect(page.locator('article.decision .wording')).toHaveText(proposal.decision);
	});

	await test.step('the proposal is accepted', async () => {
		await page
			.locator('dl.facts')
			.first()
			.getByRole('link', { name: `№1. ${proposal.title}` })
			.click();
		await expect(page).toHaveURL(proposalUrl);
		await expect(page.locator('p.meta')).toContainText(ky.proposal_status_accepted);
		await expect(sectionOf(page, ky.proposal_votes)).toContainText(ky.proposal_vote_closed);
		await expect(
			sectionOf(page, ky.proposal_history).getByText(ky.proposal_event_accepted, { exact: true })
		).toBeVisible();
		await expect(page.getByText(ky.proposal_discussion_closed)).toBeVisible();
		await expect(page.getByRole('heading', { name: ky.post_form_title })).toHaveCount(0);
		await page.goto(`${groupUrl}/proposals?status=accepted`);
		await expect(page.getByRole('link', { name: proposal.title, exact: true })).toBeVisible();
	});

	await test.step('the Votes tab lists it among the closed ones', async () => {
		await page.goto(groupUrl);
		await openGroupTab(page, ky.group_tab_votes, new RegExp(`${groupUrl}/votes$`));
		await expect(page.getByText(ky.votes_none_open)).toBeVisible();
		const row = page.getByRole('listitem').filter({ hasText: proposal.title });
		await expect(row).toContainText(turnout(3));
		await expect(row).toContainText(ky.decision_outcome_accepted);
		await expect(row).toContainText(fill(ky.vote_proposal_ref, { number: 1 }));
	});

	await test.step('the Decisions tab lists the decision with its tally', async () => {
		await openGroupTab(page, ky.group_tab_decisions, new RegExp(`${groupUrl}/decisions$`));
		await expect(heading(page)).toHaveText(ky.decisions_title);
		const entry = page.locator('ol.log > li');
		await expect(entry).toHaveCount(1);
		await expect(
			entry.getByRole('heading', { name: fill(ky.decision_title, { number: 1 }) })
		).toBeVisible();
		await expect(entry.locator('.question')).toHaveText(proposal.title);
		await expect(entry.locator('.wording')).toHaveText(proposal.decision);
		await expect(entry).toContainText(ky.decision_outcome_accepted);
		await expect(entry).toContainText(tallyText);
		await expect(entry).toContainText(quorumText);
		await expect(entry.getByRole('link', { name: `№1. ${proposal.title}` })).toBeVisible();
		await expectNoHorizontalScroll(page);
		await entry.getByRole('link', { name: meetingName, exact: true }).click();
		await expect(page).toHaveURL(new RegExp(`${groupUrl}/meetings/[0-9a-f-]{36}$`));
	});

	await test.step("the meeting's page shows the decision taken", async () => {
		await expect(heading(page)).toHaveText(fill(ky.minutes_number, { number: 1 }));
		await expect(page.getByRole('heading', { name: ky.minutes_decisions_taken })).toBeVisible();
		const decision = page.locator('article.decision');
		await expect(decision.locator('.wording')).toHaveText(proposal.decision);
		await expect(decision).toContainText(tallyText);
		// The agenda kept earlier is still there.
		await expect(page.getByRole('heading', { name: `1. ${agendaItem.title}` })).toBeVisible();
		await expectNoHorizontalScroll(page);
	});

	await test.step('the minutes DOCX lists the decision with its tally', async () => {
		const downloading = page.waitForEvent('download');
		await page.getByRole('link', { name: ky.minutes_download_docx }).click();
		const download = await downloading;
		const zip = unzipSync(new Uint8Array(fs.readFileSync(await download.path())));
		const text = strFromU8(zip['word/document.xml']!).replace(/<[^>]+>/g, '');
		expect(text).toContain(`${ky.minutes_decisions_by_vote}:`);
		expect(text).toContain(`${fill(ky.decision_title, { number: 1 })}. ${proposal.title}`);
		expect(text).toContain(`${ky.minutes_decisions_wording}: ${proposal.decision}`);
		expect(text).toContain(`${ky.minutes_decisions_outcome}: ${ky.decision_outcome_accepted}`);
		expect(text).toContain(`${ky.minutes_decisions_tally}: ${tallyText}`);
		expect(text).toContain(`${ky.minutes_decisions_quorum}: ${quorumText}`);
		// What the earlier test recorded is kept.
		expect(text).toContain(agendaItem.decided);
	});
});

test('decisions: no page of proposals, discussions, votes and decisions scrolls sideways at 360 px', async ({
	page
}) => {
	expect(voteUrl, 'an earlier test opened the vote').not.toBe('');
	await signIn(page, teacher.email, teacher.password);
	const proposalId = new URL(proposalUrl).pathname.split('/').pop()!;
	const pages = [
		`${groupUrl}/proposals`,
		`${groupUrl}/proposals?status=accepted`,
		`${groupUrl}/proposals/new`,
		proposalUrl,
		`${groupUrl}/discussions`,
		`${groupUrl}/votes`,
		voteUrl,
		`${groupUrl}/votes/new`,
		`${groupUrl}/votes/new?proposal=${proposalId}`,
		`${groupUrl}/decisions`
	];
	for (const address of pages) {
		await test.step(address.replace(groupUrl, '/groups/…'), async () => {
			const response = await page.goto(address);
			expect(response?.status()).toBe(200);
			await expectNoHorizontalScroll(page);
		});
	}
});

// Methodological collections (§3.5, §6): the second teacher offers a worksheet that the
// leader accepts, so the group has two accepted materials; the leader builds a collection of
// them in two sections, compiles it to a numbered edition (Word, PDF and a web edition, made
// in the background), puts the edition to the group's vote and marks it approved.

const worksheet = {
	title: 'Ысык-Көлдүн жаныбарлары: өз алдынча иш баракчасы',
	abstract: 'Окуучулар сүрөт боюнча жаныбарлардын аттарын жазып, суроолорго жооп беришет.',
	body: 'Тапшырма: ар бир сүрөттүн астына жаныбардын атын жазыңыз.',
	acceptReason: 'Иш баракчасы сабакка даяр, жыйнакка кабыл алынды.'
};
const collection = {
	// ң, ө and ү: the letters beyond Russian Cyrillic must reach the Word file and the PDF.
	title: 'Теңир-Тоону таануу сабактарында функционалдык сабаттуулукту өнүктүрүү',
	subtitle: 'Мугалимдер үчүн методикалык колдонмо',
	reviewers: ['Б. Асанова, п.и.к., доцент', 'Ч. Төлөнова, Каракол шаардык билим берүү бөлүмү'],
	preface:
		'Жыйнакка топтун мүчөлөрү түзгөн жана топ кабыл алган материалдар кирди.\nАларды башталгыч класстарда колдонууга болот.',
	sections: [
		{
			title: 'Сабактын пландары',
			intro: 'Бул бөлүмдөгү пландар бир сабакка эсептелген.'
		},
		{ title: 'Өз алдынча иштер үчүн материалдар', intro: '' }
	],
	note: 'Планды 3–4-класстарда эки саатка бөлүп өтүүгө болот.',
	decision: 'Жыйнактын 1-басылышы бекитилсин жана мектептин методикалык кеңешине сунушталсын.'
};
/** The options of "A material the group accepted": title — author (type). */
const planOption = `${material.title} — ${colleague.fullName} (${ky.material_type_didactic})`;
const worksheetOption = `${worksheet.title} — ${colleague.fullName} (${ky.material_type_didactic})`;
const approvalQuestion = fill(ky.collection_vote_question, { title: collection.title, number: 1 });

/** The addresses made along the way. */
let worksheetUrl = '';
let collectionUrl = '';
let editionUrl = '';
let editionVoteUrl = '';

/** A section of the collection's page, by its title. */
function collectionSection(page: Page, title: string) {
	return page.locator('li.section', {
		has: page.getByRole('heading', { level: 3, name: title, exact: true })
	});
}

/** A material's row on the collection's page, by its title. */
function collectionItem(page: Page, title: string) {
	return page.locator('li.item', { has: page.getByRole('link', { name: title, exact: true }) });
}

/** The titles of the materials in a section (or on the page), top to bottom. */
const itemTitles = (within: Page | Locator) => within.locator('li.item .item-title');

/** The start of a message with a {placeholder} at its end, e.g. "Word (DOCX), ". */
const before = (message: string, placeholder: string) =>
	message.slice(0, message.indexOf(`{${placeholder}}`));

test('collections: the second teacher offers a worksheet and the leader accepts it', async ({
	browser,
	page
}, testInfo) => {
	const js = testInfo.project.name === 'js';
	expect(groupUrl, 'an earlier test created the group').not.toBe('');

	await test.step('she saves the worksheet and offers it to the group', async () => {
		await signIn(page, colleague.email, colleague.password);
		await page.goto(`${groupUrl}/materials/new`);
		await pageReady(page);
		await page
			.getByLabel(ky.material_type, { exact: true })
			.selectOption({ label: ky.material_type_didactic });
		await page.getByLabel(ky.material_title, { exact: true }).fill(worksheet.title);
		await page.getByLabel(ky.material_abstract, { exact: true }).fill(worksheet.abstract);
		if (js) {
			await editorArea(page).click();
			await page.keyboard.type(worksheet.body);
		} else {
			await page.getByLabel(ky.material_body, { exact: true }).fill(worksheet.body);
		}
		await page.getByRole('button', { name: ky.material_save_draft, exact: true }).click();
		await expect(page).toHaveURL(/\/materials\/[0-9a-f-]{36}\?created=1$/);
		worksheetUrl = page.url().replace(/\?.*$/, '');
		await page.getByRole('button', { name: ky.material_offer, exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: ky.material_offered })).toBeVisible();
	});

	await test.step('the leader accepts it for the collection', async () => {
		const leaderContext = await browser.newContext(sameSettings(testInfo));
		const leader = await leaderContext.newPage();
		await signIn(leader, teacher.email, teacher.password);
		await leader.goto(worksheetUrl);
		await pageReady(leader);
		const decision = sectionOf(leader, ky.material_decide_title);
		await decision
			.getByLabel(ky.material_decide_to, { exact: true })
			.selectOption({ label: ky.material_status_accepted });
		await decision
			.getByLabel(ky.material_decide_reason, { exact: true })
			.fill(worksheet.acceptReason);
		await decision.getByRole('button', { name: ky.material_decide, exact: true }).click();
		await expect(leader.getByRole('status').filter({ hasText: ky.material_decided })).toBeVisible();
		await expect(
			leader.locator('.meta').getByText(ky.material_status_accepted, { exact: true })
		).toBeVisible();
		await leaderContext.close();
	});
});

test('collections: the leader builds a collection', async ({ page }, testInfo) => {
	const js = testInfo.project.name === 'js';
	expect(worksheetUrl, 'the previous test accepted the worksheet').not.toBe('');
	await signIn(page, teacher.email, teacher.password);
	await openGroupFromMenu(page);

	await test.step('the Collections tab is empty; the leader opens "New collection"', async () => {
		await openGroupTab(page, ky.collections_tab, new RegExp(`${groupUrl}/collections$`));
		await expect(heading(page)).toHaveText(ky.collections_title);
		await expect(page.getByText(ky.collections_empty_manage)).toBeVisible();
		await expectNoHorizontalScroll(page);
		await page.getByRole('link', { name: ky.collections_new, exact: true }).click();
		await expect(page).toHaveURL(`${groupUrl}/collections/new`);
		await expect(heading(page)).toHaveText(ky.collection_new_title);
		await expectNoHorizontalScroll(page);
	});

	const title = page.getByLabel(ky.collection_field_title, { exact: true });
	const subtitle = page.getByLabel(ky.collection_field_subtitle, { exact: true });
	const year = page.getByLabel(ky.collection_field_year, { exact: true });
	const city = page.getByLabel(ky.collection_field_city, { exact: true });
	const language = page.getByLabel(ky.collection_field_language, { exact: true });
	const editors = page.getByRole('group', { name: ky.collection_field_editors, exact: true });
	const colleagueEditor = editors.getByRole('checkbox', { name: colleague.fullName, exact: true });
	const reviewers = page.getByLabel(ky.collection_field_reviewers, { exact: true });
	const preface = page.getByLabel(ky.collection_field_preface, { exact: true });
	const create = page.getByRole('button', { name: ky.collection_create, exact: true });

	await test.step('a too short title is explained; the rest stays typed', async () => {
		await pageReady(page);
		// The title page starts from this year, the school's city and the leader's language.
		await expect(year).toHaveValue(String(new Date().getFullYear()));
		await expect(city).toHaveValue(school.city);
		await expect(language).toHaveValue('ky');
		await title.fill('Те');
		await subtitle.fill(collection.subtitle);
		await colleagueEditor.check();
		await reviewers.fill(collection.reviewers.join('\n'));
		await preface.fill(collection.preface);
		await create.click();

		await expect(page.getByRole('alert')).toContainText(ky.error_check_form);
		await expectFieldError(page, title, fill(ky.error_too_short, { min: 3 }));
		await expect(title).toHaveValue('Те');
		await expect(subtitle).toHaveValue(collection.subtitle);
		await expect(subtitle).not.toHaveAttribute('aria-invalid', 'true');
		await expect(year).toHaveValue(String(new Date().getFullYear()));
		await expect(city).toHaveValue(school.city);
		await expect(language).toHaveValue('ky');
		await expect(colleagueEditor).toBeChecked();
		await expect(editors.getByRole('checkbox', { checked: true })).toHaveCount(1);
		await expect(reviewers).toHaveValue(collection.reviewers.join('\n'));
		await expect(preface).toHaveValue(collection.preface);
		await expect(page).toHaveURL(`${groupUrl}/collections/new`);
		await expectNoHorizontalScroll(page);
	});

	await test.step('with the title fixed the collection is created: its title page', async () => {
		await title.fill(collection.title);
		await create.click();
		await expect(page).toHaveURL(new RegExp(`${groupUrl}/collections/[0-9a-f-]{36}$`));
		collectionUrl = page.url();
		await expect(heading(page)).toHaveText(collection.title);
		await expect(page.getByText(collection.subtitle, { exact: true })).toBeVisible();
		await expect(page.getByText(ky.collection_lead_edit)).toBeVisible();
		const titlePage = sectionOf(page, ky.collection_title_page);
		await expect(titlePage).toContainText(school.city);
		await expect(titlePage).toContainText(
			fill(ky.collection_leader_editor, { name: teacher.fullName })
		);
		await expect(titlePage.getByText(colleague.fullName, { exact: true })).toBeVisible();
		for (const reviewer of collection.reviewers)
			await expect(titlePage.getByText(reviewer, { exact: true })).toBeVisible();
		await expect(titlePage).toContainText(ky.collection_fact_preface_written);
		await expect(page.getByText(ky.collection_sections_empty)).toBeVisible();
		await expect(page.getByText(ky.collection_editions_empty)).toBeVisible();
		await expectNoHorizontalScroll(page);
	});

	const addSection = page.getByRole('region', { name: ky.collection_section_add, exact: true });
	const sectionTitle = addSection.getByLabel(ky.collection_section_title, { exact: true });
	const sectionIntro = addSection.getByLabel(ky.collection_section_intro, { exact: true });
	const [first, second] = collection.sections.map((s) => collectionSection(page, s.title)) as [
		Locator,
		Locator
	];

	await test.step('the leader adds two sections, the first with an introduction', async () => {
		for (const [i, section] of collection.sections.entries()) {
			await sectionTitle.fill(section.title);
			await sectionIntro.fill(section.intro);
			await addSection
				.getByRole('button', { name: ky.collection_section_add, exact: true })
				.click();
			await expect(addSection.getByRole('status')).toContainText(ky.collection_section_added);
			const added = collectionSection(page, section.title);
			await expect(added).toBeVisible();
			await expect(added.locator('.section-number')).toHaveText(
				fill(ky.collection_section_number, { number: i + 1 })
			);
			await expect(added.getByText(ky.collection_items_empty)).toBeVisible();
			// The form is empty again for the next section, with or without JavaScript.
			await expect(sectionTitle).toHaveValue('');
			await expect(sectionIntro).toHaveValue('');
		}
		await expect(first.locator('p.intro')).toHaveText(collection.sections[0]!.intro);
		await expect(second.locator('p.intro')).toHaveCount(0);
		await expectNoHorizontalScroll(page);
	});

	await test.step('the accepted plan goes into the first section, the worksheet into the second', async () => {
		const choose = (section: Locator) =>
			section.getByLabel(ky.collection_add_material_label, { exact: true });
		const add = (section: Locator) =>
			section.getByRole('button', { name: ky.collection_add_material_submit });
		await choose(first).selectOption({ label: planOption });
		await add(first).click();
		await expect(itemTitles(first)).toHaveText([material.title]);
		// Once in the collection a material is no longer offered.
		await expect(choose(second).locator('option', { hasText: material.title })).toHaveCount(0);
		await choose(second).selectOption({ label: worksheetOption });
		await add(second).click();
		await expect(itemTitles(second)).toHaveText([worksheet.title]);
		// Both accepted materials are in (the script test's material was never accepted).
		await expect(first.getByText(ky.collection_no_available)).toBeVisible();
		await expect(page.locator('li.item .number')).toHaveText(['1.', '2.']);
		await expect(collectionItem(page, material.title)).toContainText(
			fill(ky.collection_item_by, { type: ky.material_type_didactic, author: colleague.fullName })
		);
		await expectNoHorizontalScroll(page);
	});

	await test.step('the leader writes an editorial note for the plan', async () => {
		const plan = collectionItem(page, material.title);
		await plan.locator('summary', { hasText: ky.collection_item_note }).click();
		await plan.getByLabel(ky.collection_item_note, { exact: true }).fill(collection.note);
		await plan.getByRole('button', { name: ky.collection_item_note_save, exact: true }).click();
		await expect(plan.getByRole('status')).toContainText(ky.saved);
		await expect(plan.locator('p.note')).toContainText(collection.note);
		await expectNoHorizontalScroll(page);
	});

	await test.step('"Down" moves the plan from the first section to the top of the second', async () => {
		const plan = collectionItem(page, material.title);
		// The first material of the collection has nothing above it.
		await expect(plan.getByRole('button', { name: ky.collection_move_up })).toHaveCount(0);
		await plan.getByRole('button', { name: ky.collection_move_down }).click();
		await expect(itemTitles(second)).toHaveText([material.title, worksheet.title]);
		await expect(first.getByText(ky.collection_items_empty)).toBeVisible();
		await expect(page.locator('li.item .number')).toHaveText(['1.', '2.']);
		if (!js) await expect(page).toHaveURL(new RegExp(`^${collectionUrl}\\?/moveItem#item-`));
		// The order is kept, the note went with the plan.
		await page.goto(collectionUrl);
		await expect(itemTitles(first)).toHaveCount(0);
		await expect(itemTitles(second)).toHaveText([material.title, worksheet.title]);
		await expect(collectionItem(page, material.title).locator('p.note')).toContainText(
			collection.note
		);
		await expectNoHorizontalScroll(page);
	});

	if (js)
		await test.step('with JavaScript the worksheet is dragged above the plan; the order is kept', async () => {
			await pageReady(page);
			const handle = collectionItem(page, worksheet.title).locator('.handle');
			const plan = collectionItem(page, material.title);
			await expect(handle).toHaveAttribute('draggable', 'true');
			// The plan's row near the top of the screen, the worksheet's handle below it.
			await plan.evaluate((row) => window.scrollBy(0, row.getBoundingClientRect().top - 100));
			const from = (await handle.boundingBox())!;
			await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
			await page.mouse.down();
			// Picking the row up opens the drop zones, which moves the rows: measure after.
			await page.mouse.move(from.x + from.width / 2 + 5, from.y + from.height / 2 + 5);
			await expect(page.getByText(ky.collection_drop_here)).toHaveCount(2);
			const to = (await plan.boundingBox())!;
			// Dropped on the upper half of the plan's row: it goes before the plan.
			await page.mouse.move(to.x + 60, to.y + 8, { steps: 5 });
			await page.mouse.up();
			await expect(itemTitles(second)).toHaveText([worksheet.title, material.title]);
			await expect(page.getByText(ky.collection_order_saving)).toHaveCount(0);
			await page.reload();
			await expect(itemTitles(second)).toHaveText([worksheet.title, material.title]);
			await expect(page.locator('li.item .number')).toHaveText(['1.', '2.']);
		});

	await test.step('the leader compiles the first edition', async () => {
		await page
			.getByRole('region', { name: ky.collection_editions_heading, exact: true })
			.getByRole('button', { name: ky.collection_compile, exact: true })
			.click();
		await expect(page).toHaveURL(new RegExp(`^${collectionUrl}/editions/1(#editions)?$`));
		editionUrl = `${collectionUrl}/editions/1`;
		await expect(heading(page)).toHaveText(
			fill(ky.edition_heading, { number: 1, title: collection.title })
		);
	});
});

test('collections: the edition compiles in the background and both files download', async ({
	page
}, testInfo) => {
	const js = testInfo.project.name === 'js';
	// Up to a minute for the compile, on top of the downloads and the web edition.
	test.setTimeout(120_000);
	expect(editionUrl, 'the previous test compiled an edition').not.toBe('');
	await signIn(page, teacher.email, teacher.password);
	const status = page.locator('.status-line');
	const ready = page.getByRole('status').filter({ hasText: ky.edition_done_text });

	await test.step('the page shows the progress and updates itself until the edition is ready', async () => {
		const response = await page.goto(editionUrl);
		const html = (await response?.text()) ?? '';
		await expect(heading(page)).toHaveText(
			fill(ky.edition_heading, { number: 1, title: collection.title })
		);
		type Marked = Window & { e2eNoReload?: boolean };
		if (js)
			await page.evaluate(() => {
				(window as Marked).e2eNoReload = true;
			});
		if (html.includes('<progress')) {
			// Still queued or compiling when the page was made: a progress bar, and without
			// JavaScript a refresh tag that reloads the page (with it, the page asks for news).
			expect(html).toMatch(/<noscript><meta http-equiv="refresh" content="3"\s*\/?><\/noscript>/);
			expect(html).toMatch(
				new RegExp(`${ky.edition_status_queued}|${ky.edition_status_compiling}`)
			);
		}
		await expect(ready).toBeVisible({ timeout: 60_000 });
		await expect(status).toContainText(ky.edition_status_done);
		await expect(page.getByRole('progressbar')).toHaveCount(0);
		await expect(page.locator('meta[http-equiv="refresh"]')).toHaveCount(0);
		if (js) expect(await page.evaluate(() => (window as Marked).e2eNoReload === true)).toBe(true);
		await expect(
			page
				.locator('dl.facts dt', { hasText: ky.edition_fact_items })
				.locator('xpath=following-sibling::dd[1]')
		).toHaveText('2');
		await expectNoHorizontalScroll(page);
	});

	await test.step('the Word file downloads: a DOCX with the title page, sections and materials', async () => {
		const downloading = page.waitForEvent('download');
		await page
			.getByRole('link', { name: literally(before(ky.edition_download_docx, 'size')) })
			.click();
		const download = await downloading;
		expect(download.suggestedFilename()).toBe(`${collection.title} (1).docx`);
		const bytes = fs.readFileSync(await download.path());
		expect(bytes.length).toBeGreaterThan(1_000);
		expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
		const zip = unzipSync(new Uint8Array(bytes));
		expect(Object.keys(zip)).toContain('word/document.xml');
		const text = strFromU8(zip['word/document.xml']!).replace(/<[^>]+>/g, '');
		for (const expected of [
			school.name,
			collection.title,
			collection.subtitle,
			...collection.reviewers,
			...collection.sections.map((s) => s.title),
			collection.sections[0]!.intro,
			material.title,
			worksheet.title,
			worksheet.body,
			collection.note
		])
			expect(text).toContain(expected);
		for (const letter of ['ң', 'ө', 'ү']) expect(text).toContain(letter);
	});

	await test.step('the PDF downloads: its text has the titles, Kyrgyz letters included', async () => {
		const downloading = page.waitForEvent('download');
		await page
			.getByRole('link', { name: literally(before(ky.edition_download_pdf, 'size')) })
			.click();
		const download = await downloading;
		expect(download.suggestedFilename()).toBe(`${collection.title} (1).pdf`);
		const file = await download.path();
		const bytes = fs.readFileSync(file);
		expect(bytes.length).toBeGreaterThan(1_000);
		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		// The text as a reader copies it (Debian's poppler-utils); lines joined.
		const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
			encoding: 'utf8'
		}).replace(/\s+/g, ' ');
		for (const expected of [
			collection.title,
			material.title,
			worksheet.title,
			collection.sections[1]!.title,
			collection.note
		])
			expect(text).toContain(expected);
		for (const letter of ['ң', 'ө', 'ү']) expect(text).toContain(letter);
	});

	await test.step('the web edition loads no script; its contents jump to the material', async () => {
		await page.getByRole('link', { name: ky.edition_read_web, exact: true }).click();
		await expect(page).toHaveURL(`${editionUrl}/web`);
		await expect(heading(page)).toHaveText(collection.title);
		// The link loads the page afresh (data-sveltekit-reload): no script, even with JavaScript.
		await expectNoScripts(page);
		await expect(page.locator('link[rel="modulepreload"]')).toHaveCount(0);
		await expectNoHorizontalScroll(page);
		const contents = page.getByRole('navigation', {
			name: ky.collection_doc_contents,
			exact: true
		});
		const link = contents.getByRole('link', { name: literally(material.title) });
		const anchor = (await link.getAttribute('href')) ?? '';
		expect(anchor).toMatch(/^#item-\d$/);
		await link.click();
		await expect(page).toHaveURL(`${editionUrl}/web${anchor}`);
		// The material's own headings are in its article too: its title is the first one.
		const itemTitle = page.locator(`${anchor} > h3`);
		await expect(itemTitle).toContainText(material.title);
		await expect(itemTitle).toBeInViewport();
		await expect(page.locator(anchor)).toContainText(collection.note);
		const section = contents.getByRole('link', {
			name: collection.sections[1]!.title,
			exact: true
		});
		await section.click();
		await expect(page).toHaveURL(`${editionUrl}/web#section-2`);
		await expect(page.locator('#section-2 > h2')).toBeInViewport();
		await expectNoHorizontalScroll(page);
		await page.getByRole('link', { name: `← ${ky.collection_web_back}` }).click();
		await expect(page).toHaveURL(editionUrl);
	});

	await test.step("the collection's page lists the edition as ready", async () => {
		await page.goto(collectionUrl);
		const row = page
			.getByRole('region', { name: ky.collection_editions_heading, exact: true })
			.getByRole('listitem')
			.filter({ hasText: fill(ky.edition_number, { number: 1 }) });
		await expect(row).toContainText(ky.edition_status_done);
		await expect(row).toContainText(fill(ky.collection_items_count, { count: 2 }));
	});
});

test('collections: the group approves the edition by vote', async ({ browser, page }, testInfo) => {
	expect(editionUrl, 'an earlier test compiled the edition').not.toBe('');
	await signIn(page, teacher.email, teacher.password);
	const approval = sectionOf(page, ky.edition_approval_heading);
	const approve = page.getByRole('button', { name: ky.edition_approve, exact: true });
	const putToVote = approval.getByRole('link', { name: ky.edition_put_to_vote, exact: true });
	const ballot = (p: Page) => p.getByRole('group', { name: approvalQuestion, exact: true });

	await test.step('"Put to the group\'s vote" opens the vote form filled in for the edition', async () => {
		await page.goto(editionUrl);
		await expect(approval.getByText(ky.edition_not_approved)).toBeVisible();
		await expect(approval.getByText(ky.edition_votes_none)).toBeVisible();
		await expect(approve).toHaveCount(0);
		await putToVote.click();
		await expect(page).toHaveURL(new RegExp(`${groupUrl}/votes/new\\?edition=[0-9a-f-]{36}$`));
		const editionId = new URL(page.url()).searchParams.get('edition') ?? '';
		await expect(heading(page)).toHaveText(ky.votes_open_new);
		await expect(
			page.getByText(fill(ky.collection_vote_about, { title: collection.title, number: 1 }))
		).toBeVisible();
		await expect(page.locator('input[type="hidden"][name="collectionEditionId"]')).toHaveValue(
			editionId
		);
		await expect(page.getByLabel(ky.vote_question, { exact: true })).toHaveValue(approvalQuestion);
		await expect(
			page
				.getByRole('group', { name: ky.vote_kind_legend, exact: true })
				.getByRole('radio', { name: ky.vote_kind_yes_no })
		).toBeChecked();
		await expectNoHorizontalScroll(page);
	});

	await test.step('the leader opens the vote and votes Yes', async () => {
		await page.getByRole('button', { name: ky.vote_open_submit, exact: true }).click();
		await expect(page).toHaveURL(new RegExp(`${groupUrl}/votes/[0-9a-f-]{36}\\?opened=1$`));
		editionVoteUrl = page.url().replace(/\?.*$/, '');
		await expect(heading(page)).toHaveText(approvalQuestion);
		await pageReady(page);
		await ballot(page).getByRole('radio', { name: ky.vote_option_yes, exact: true }).check();
		await page.getByRole('button', { name: ky.vote_cast, exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: ky.vote_cast_ok })).toBeVisible();
	});

	await test.step('the second teacher votes Yes on her phone', async () => {
		const context = await browser.newContext(sameSettings(testInfo));
		const phone = await context.newPage();
		await signIn(phone, colleague.email, colleague.password);
		await phone.goto(editionVoteUrl);
		await pageReady(phone);
		await ballot(phone).getByRole('radio', { name: ky.vote_option_yes, exact: true }).check();
		await phone.getByRole('button', { name: ky.vote_cast, exact: true }).click();
		await expect(phone.getByRole('status').filter({ hasText: ky.vote_cast_ok })).toBeVisible();
		await context.close();
	});

	await test.step('while the vote is open the edition is neither put to a vote again nor approved', async () => {
		await page.goto(editionUrl);
		const vote = approval.getByRole('listitem');
		await expect(vote).toHaveCount(1);
		await expect(
			vote.getByRole('link', { name: fill(ky.vote_number, { number: 2 }) })
		).toHaveAttribute('href', new URL(editionVoteUrl).pathname);
		await expect(vote).toContainText(ky.vote_status_open);
		await expect(putToVote).toHaveCount(0);
		await expect(approve).toHaveCount(0);
	});

	await test.step('the leader closes the vote with the wording: accepted', async () => {
		await page.goto(editionVoteUrl);
		await pageReady(page);
		await page.getByLabel(ky.decision_text_label, { exact: true }).fill(collection.decision);
		await page.getByRole('button', { name: ky.vote_close, exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: ky.vote_closed_ok })).toBeVisible();
		const decision = page.locator('article.decision');
		await expect(decision.locator('.wording')).toHaveText(collection.decision);
		await expect(decision.locator('.badge')).toHaveText(ky.decision_outcome_accepted);
	});

	await test.step('back on the edition page the leader marks it approved', async () => {
		await page.goto(editionUrl);
		await expect(approval.getByRole('listitem')).toContainText(ky.decision_outcome_accepted);
		await expect(putToVote).toHaveCount(0);
		await pageReady(page);
		await approve.click();
		await expect(
			page.getByRole('status').filter({ hasText: ky.edition_approved_now })
		).toBeVisible();
		await expect(approval.locator('.notice.ok')).toContainText(
			fill(before(ky.edition_approved_by, 'date'), { name: teacher.fullName })
		);
		await expect(page.locator('.status-line')).toContainText(ky.edition_approved);
		await expect(approve).toHaveCount(0);
		await expectNoHorizontalScroll(page);
	});

	await test.step('the list of collections shows the approved edition', async () => {
		await page.goto(`${groupUrl}/collections`);
		const row = page.getByRole('listitem').filter({ hasText: collection.title });
		await expect(row).toContainText(fill(ky.collection_approved_edition, { number: 1 }));
		await expect(row).toContainText(fill(ky.collection_last_edition, { number: 1 }));
		await expect(row).toContainText(fill(ky.collection_items_count, { count: 2 }));
		await expectNoHorizontalScroll(page);
	});

	await test.step('a member who is not the leader sees the collection read-only', async () => {
		const context = await browser.newContext(sameSettings(testInfo));
		const member = await context.newPage();
		await signIn(member, colleague.email, colleague.password);
		await member.goto(`${groupUrl}/collections`);
		await expect(member.getByRole('link', { name: ky.collections_new })).toHaveCount(0);
		await member.getByRole('link', { name: collection.title, exact: true }).click();
		await expect(member).toHaveURL(collectionUrl);
		await expect(heading(member)).toHaveText(collection.title);
		await expect(member.getByText(ky.collection_lead_readonly)).toBeVisible();
		await expect(itemTitles(member)).toHaveCount(2);
		await expect(member.getByRole('button', { name: ky.collection_compile })).toHaveCount(0);
		await expect(member.getByRole('link', { name: ky.collection_edit_title })).toHaveCount(0);
		await expect(member.locator('main form')).toHaveCount(0);
		await expect(member.locator('main').getByRole('button')).toHaveCount(0);
		await expect(member.locator('.handle')).toHaveCount(0);
		await expectNoHorizontalScroll(member);

		// She reads the approved edition, but only the leader acts on it.
		await member
			.getByRole('link', { name: fill(ky.edition_number, { number: 1 }), exact: true })
			.click();
		await expect(member).toHaveURL(editionUrl);
		await expect(
			member.getByRole('link', { name: ky.edition_read_web, exact: true })
		).toBeVisible();
		await expect(member.locator('main form')).toHaveCount(0);
		await expect(
			member.getByRole('link', { name: ky.edition_put_to_vote, exact: true })
		).toHaveCount(0);
		const response = await member.goto(`${collectionUrl}/edit`);
		expect(response?.status()).toBe(403);
		await context.close();
	});
});

test('collections: no page of collections scrolls sideways at 360 px', async ({ page }) => {
	expect(editionVoteUrl, 'an earlier test opened the vote on the edition').not.toBe('');
	await signIn(page, teacher.email, teacher.password);
	const pages = [
		`${groupUrl}/collections`,
		`${groupUrl}/collections/new`,
		collectionUrl,
		`${collectionUrl}?saved=1`,
		`${collectionUrl}/edit`,
		editionUrl,
		`${editionUrl}/web`,
		editionVoteUrl
	];
	for (const address of pages) {
		await test.step(address.replace(groupUrl, '/groups/…'), async () => {
			const response = await page.goto(address);
			expect(response?.status()).toBe(200);
			await expectNoHorizontalScroll(page);
		});
	}
});

import {
	catalogs,
	expectFieldError,
	expectNoHorizontalScroll,
	expectNoScripts,
	fill,
	followMenuLink,
	heading,
	ky,
	literally,
	messagesOf,
	openMenu,
	pageReady,
	requestIdPattern,
	signIn,
	signOut,
	switchLanguage
} from './helpers';
import { admin, school, teacher } from './data';
import { expect, test } from './fixtures';
import { inviteStaff, schoolWithAdmin, schoolWithTeachers } from './seed';

// The first day of a school on Ustat: the first-run setup, the admin inviting a teacher from
// the Staff page, the teacher's account and profile, languages, error pages and the menu. Each
// test has its own fresh server and seeds the accounts it starts from.

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

test('the admin signs in and invites a teacher from the Staff page', async ({
	page,
	seed
}, testInfo) => {
	const js = testInfo.project.name === 'js';
	await schoolWithAdmin(seed);

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
		const invitationUrl = (await link.textContent())!.trim();
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
			: 'without JavaScript the form posts, and the answer redirects to the page (a reload does not post again)',
		async () => {
			if (js) expect(await pageWasKept()).toBe(true);
			await expect(page).toHaveURL(/\/admin\/staff$/);
		}
	);
});

test('the teacher opens the link, creates the account and fills the profile', async ({
	page,
	seed
}) => {
	const invitationUrl = await inviteStaff(await schoolWithAdmin(seed), teacher.email);
	// A fresh browser context: the teacher's own phone, nobody signed in.

	await test.step('the invitation page names the school', async () => {
		await page.goto(invitationUrl);
		await switchLanguage(page, 'ky');
		await expect(page).toHaveURL(invitationUrl);
		await expect(heading(page)).toHaveText(ky.invite_title);
		// The school invites, by its name (the review: «{school} сизди … чакырат»).
		await expect(page.getByText(literally(`${school.name} сизди`))).toBeVisible();
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
	page,
	seed
}) => {
	// She created her account in Kyrgyz.
	await schoolWithTeachers(seed, [teacher]);
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

test('an unknown address shows the translated 404 page with a request id', async ({
	page,
	seed
}) => {
	await schoolWithAdmin(seed);
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

test('the menu closes after following one of its links', async ({ page, seed }) => {
	await schoolWithAdmin(seed);
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

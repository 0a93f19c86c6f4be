import {
	expectFieldError,
	expectNoHorizontalScroll,
	fill,
	followMenuLink,
	heading,
	ky,
	literally,
	openGroupFromMenu,
	openGroupTab,
	pageReady,
	signIn,
	signOut,
	switchLanguage
} from './helpers';
import { admin, colleague, group, motivation, school, teacher } from './data';
import { expect, test } from './fixtures';
import { askToJoin, groupWithMembers, inviteStaff, schoolWithTeachers } from './seed';

// Creative groups: the admin invites a second teacher, creates a group and appoints Nurlan its
// leader; the second teacher asks to join; the leader accepts her and edits the charter. Each
// test seeds the accounts and the group it starts from.

const groupUrlPattern = /\/groups\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test('groups: the admin invites a second teacher from the Staff page', async ({ page, seed }) => {
	// Nurlan came in through his invitation.
	await schoolWithTeachers(seed, [teacher]);
	await signIn(page, admin.email, admin.password);
	await followMenuLink(page, ky, ky.nav_staff, /\/admin\/staff$/);

	await test.step('inviting her gives a one-time link to hand over', async () => {
		await page.getByLabel(ky.email, { exact: true }).fill(colleague.email);
		await page.getByRole('button', { name: ky.invite, exact: true }).click();
		const link = page.locator('.copy');
		await expect(link).toHaveText(/^http:\/\/127\.0\.0\.1:\d+\/invite\/\S+$/);
		// Nurlan's link was used: hers is the only one still waiting.
		await expect(page.getByRole('button', { name: ky.staff_revoke })).toHaveCount(1);
	});

	await signOut(page);
});

test('groups: the second teacher opens her link and creates the account', async ({
	page,
	seed
}) => {
	const { admin: adminVisitor } = await schoolWithTeachers(seed, [teacher]);
	const colleagueInvitationUrl = await inviteStaff(adminVisitor, colleague.email);

	await test.step('the invitation page names the school', async () => {
		await page.goto(colleagueInvitationUrl);
		await switchLanguage(page, 'ky');
		await expect(heading(page)).toHaveText(ky.invite_title);
		// The school invites, by its name (the review: «{school} сизди … чакырат»).
		await expect(page.getByText(literally(`${school.name} сизди`))).toBeVisible();
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

test('groups: the admin creates a group and appoints a teacher its leader', async ({
	page,
	seed
}) => {
	await schoolWithTeachers(seed, [teacher, colleague]);
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

test('groups: the second teacher asks to join, saying why', async ({ page, seed }) => {
	const { groupUrl } = await groupWithMembers(seed, { withColleague: false });
	await signIn(page, colleague.email, colleague.password);
	await openGroupFromMenu(page, group.name, groupUrl);
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

test('groups: the leader accepts the request and edits the charter', async ({ page, seed }) => {
	const world = await groupWithMembers(seed, { withColleague: false });
	const { groupUrl } = world;
	await askToJoin(world.colleague, groupUrl, motivation);
	await signIn(page, teacher.email, teacher.password);
	// The group works in Kyrgyz, whatever language the browser was left in.
	await switchLanguage(page, 'ky');
	await openGroupFromMenu(page, group.name, groupUrl);

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
		await expect(
			members
				.getByRole('listitem')
				.filter({ hasText: teacher.fullName })
				.locator('.badge', { hasText: ky.group_role_leader })
		).toBeVisible();
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

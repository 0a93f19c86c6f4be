import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { colleague, teacher } from './data';
import { expect, test } from './fixtures';
import { expectNoHorizontalScroll, fill, ky, pageReady, signIn } from './helpers';
import { groupWithMembers } from './seed';

// Nobody misses their turn (issue 15): a member names the leader in a discussion; the leader
// sees the count on the bell in the header, opens the inbox, and the notification takes him
// to the post (and is read from then on). With JavaScript and without, at a phone's width.

const thread = {
	title: 'Күзгү ачык сабактардын графиги',
	body: 'Ар ким өзүнө ылайыктуу күндү жазып коюңуздар.'
};
const mention = `@${teacher.fullName}, мен 3-класста 14-ноябрда ачык сабак өтөм. Макулсузбу?`;

/** No accessibility rule broken on the page as it is now (axe-core, WCAG 2.1 A and AA). */
async function expectAccessible(page: Page) {
	// axe runs in the page: with JavaScript off the same markup was checked by the other project.
	if (test.info().project.use.javaScriptEnabled === false) return;
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(
		violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
	).toEqual([]);
}

/** The bell in the header, by its accessible name ("Эскертмелер, 1 окула элек"). */
const bell = (page: Page, count: number) =>
	page.getByRole('banner').getByRole('link', {
		name: count === 0 ? ky.inbox_bell : fill(ky.inbox_bell_unread, { count }),
		exact: true
	});

test('notifications: a member mentioned in a discussion sees the bell, opens the inbox and follows the link to the post', async ({
	page,
	seed,
	phone
}) => {
	const world = await groupWithMembers(seed);
	// The leader opens a discussion of the group.
	const started = await world.teacher.submit(`${world.groupUrl}/discussions`, {
		action: '?/start',
		fields: thread
	});
	const threadUrl = started.location!;
	expect(threadUrl).toMatch(/\/discussions\/[0-9a-f-]{36}$/);
	// What setting the group up told him (his appointment, her request) is read already.
	const before = await world.teacher.open('/inbox');
	if (before.html.includes('?/readAll'))
		await world.teacher.submit(before, { action: '?/readAll' });

	// The colleague answers in the browser, naming him with "@".
	await signIn(page, colleague.email, colleague.password);
	await page.goto(threadUrl);
	await pageReady(page);
	await page.getByLabel(ky.post_body_label, { exact: true }).fill(mention);
	await page.getByRole('button', { name: ky.post_send, exact: true }).click();
	await expect(page).toHaveURL(/#post-[0-9a-f-]{36}$/);
	const postId = page.url().split('#post-')[1]!;

	// The leader, on his phone: the bell says one unread, as a number and in words.
	const leader = await phone();
	await signIn(leader, teacher.email, teacher.password);
	await expect(bell(leader, 1)).toBeVisible();
	await expect(bell(leader, 1).locator('.count')).toHaveText('1');
	// The header fits the phone, the search included (a link to /search at this width).
	await expect(
		leader.getByRole('banner').getByRole('link', { name: ky.inbox_search_label, exact: true })
	).toBeVisible();
	await expectNoHorizontalScroll(leader);

	await bell(leader, 1).click();
	await expect(leader).toHaveURL(/\/inbox$/);
	await expect(leader.getByRole('heading', { level: 1 })).toHaveText(ky.inbox_title);
	await expect(leader.getByText(fill(ky.inbox_unread_count, { count: 1 }))).toBeVisible();
	const item = leader.getByRole('listitem').filter({ hasText: thread.title });
	await expect(item).toHaveCount(1);
	// Unread is said in words, not only by colour; the kind, the thing, the group, who.
	await expect(item.getByText(ky.inbox_new)).toBeVisible();
	await expect(item.getByText(ky.notify_kind_post_mentioned)).toBeVisible();
	await expect(
		item.getByText(fill(ky.inbox_group, { name: 'Функционалдык сабаттуулук' }))
	).toBeVisible();
	await expect(item.getByText(fill(ky.inbox_actor, { name: colleague.fullName }))).toBeVisible();
	await expectNoHorizontalScroll(leader);
	await expectAccessible(leader);

	// Following it: on to her post, and the notification is read.
	await item.getByRole('link', { name: new RegExp(thread.title) }).click();
	await expect(leader).toHaveURL(new RegExp(`/discussions/[0-9a-f-]{36}#post-${postId}$`));
	await expect(leader.locator(`#post-${postId}`)).toContainText(teacher.fullName);
	await expect(bell(leader, 0)).toBeVisible();
	await expect(bell(leader, 0).locator('.count')).toHaveCount(0);

	await bell(leader, 0).click();
	await expect(leader.getByText(fill(ky.inbox_unread_count, { count: 0 }))).toBeVisible();
	await expect(
		leader.getByRole('listitem').filter({ hasText: thread.title }).getByText(ky.inbox_new)
	).toHaveCount(0);
	await expect(leader.getByRole('link', { name: ky.inbox_settings })).toHaveAttribute(
		'href',
		'/profile/notifications'
	);
});

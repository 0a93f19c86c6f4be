import type { Page, TestInfo } from '@playwright/test';
import { admin, colleague, group, teacher } from './data';
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
import { castBallot, groupWithMembers } from './seed';

// Issue 17, the home part: home is a to-do list. A member's home names the vote waiting for
// their ballot (its question, «Мөөнөтү: …», the group) and links to it; once they voted it is
// gone; the news of their groups since the last visit; the administration sees the school's
// groups at a glance. At 360 × 740 and 1280 × 800, with JavaScript and without.

/** A catalog text by a key held in a variable (helpers.ts's `ky` checks it exists). */
const text = (key: string): string => ky[key as MessageKey];

const question = 'Ачык сабактар жумалыгын май айында өткөрөбүзбү?';
/** The deadline as typed in the vote's form (the school's wall clock, Asia/Bishkek)… */
const closesAt = '2030-05-20T15:00';
/** …and as home shows it: the same formatting as the server's (Node's ICU has Kyrgyz). */
const closesAtText = new Intl.DateTimeFormat('ky', {
	dateStyle: 'long',
	timeStyle: 'short',
	timeZone: 'Asia/Bishkek'
}).format(new Date('2030-05-20T09:00:00Z'));

const shot = (page: Page, testInfo: TestInfo, name: string) =>
	page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });

for (const width of [360, 1280]) {
	test.describe(`home at ${width} px`, () => {
		if (width === 1280) test.use({ viewport: { width: 1280, height: 800 } });

		test('names the vote waiting for the member, forgets it once cast; the admin sees the groups', async ({
			page,
			phone,
			seed
		}, testInfo) => {
			const world = await groupWithMembers(seed);
			const opened = await world.teacher.submit(`${world.groupUrl}/votes/new`, {
				action: '',
				fields: { question, kind: 'yes_no', closesAt }
			});
			expect(opened.location, 'the vote opens').toMatch(/\/votes\/[0-9a-f-]{36}\?opened=1$/);
			const votePath = new URL(opened.location!.replace(/\?.*$/, ''), world.groupUrl).pathname;

			// The colleague's home: the vote named, dated, in its group, linked; first on the page.
			await signIn(page, colleague.email, colleague.password);
			await pageReady(page);
			const waiting = page.getByRole('region', { name: ky.inbox_waiting_title, exact: true });
			const vote = waiting.getByRole('link', { name: new RegExp(question) });
			await expect(vote).toHaveAttribute('href', votePath);
			await expect(vote).toContainText(ky.inbox_waiting_vote);
			await expect(vote).toContainText(fill(ky.inbox_waiting_due, { date: closesAtText }));
			await expect(vote).toContainText(fill(ky.inbox_group, { name: group.name }));
			await expect(vote).toBeInViewport();
			// The news since the last visit (the first one: the last two weeks): the vote opened.
			const news = page.getByRole('region', { name: text('home_since_title'), exact: true });
			await expect(news).toContainText(text('home_since_first'));
			await expect(news.getByRole('link', { name: new RegExp(question) })).toContainText(
				ky.notify_kind_vote_opened
			);
			await expect(news).toContainText(teacher.fullName);
			await expectNoHorizontalScroll(page);
			await shot(page, testInfo, `home-member-${width}`);

			// The link leads to the vote; once the ballot is cast, home no longer asks for it.
			await vote.click();
			await expect(page).toHaveURL(new RegExp(`${votePath}$`));
			await expect(heading(page)).toHaveText(question);
			await castBallot(world.colleague, new URL(votePath, world.groupUrl).href, ky.vote_option_yes);
			await page.goto('/home');
			await expect(waiting.getByRole('link', { name: new RegExp(question) })).toHaveCount(0);
			await expect(waiting).toContainText(text('home_waiting_empty'));
			await expect(
				waiting.getByRole('link', { name: text('home_waiting_empty_action') })
			).toHaveAttribute('href', '/groups');
			// A reload a moment later keeps the news: the visit is not moved on every request.
			await expect(news.getByRole('link', { name: new RegExp(question) })).toBeVisible();

			// The leader has it still: whether one person voted changes only their own list.
			const leaderPage = await phone();
			await signIn(leaderPage, teacher.email, teacher.password);
			await expect(
				leaderPage
					.getByRole('region', { name: ky.inbox_waiting_title, exact: true })
					.getByRole('link', { name: new RegExp(question) })
			).toBeVisible();

			// The administration: the school's groups at a glance.
			const adminPage = await phone();
			if (width === 1280) await adminPage.setViewportSize({ width: 1280, height: 800 });
			await signIn(adminPage, admin.email, admin.password);
			const glance = adminPage.getByRole('region', {
				name: text('home_glance_title'),
				exact: true
			});
			const card = glance.getByRole('listitem').filter({ hasText: group.name });
			await expect(card.getByRole('link', { name: group.name, exact: true })).toHaveAttribute(
				'href',
				new URL(world.groupUrl).pathname
			);
			await expect(card).toContainText(`${text('home_glance_leader')}: ${teacher.fullName}`);
			const figure = (key: string) =>
				card
					.locator('dl > div')
					.filter({ has: adminPage.locator('dt', { hasText: text(key) }) })
					.locator('dd');
			await expect(figure('home_glance_members')).toHaveText('2');
			await expect(figure('home_glance_votes')).toHaveText('1');
			await expect(figure('home_glance_accepted')).toHaveText('0');
			await expect(figure('home_glance_next_meeting')).toHaveText(text('home_glance_none'));
			await expectNoHorizontalScroll(adminPage);
			await shot(adminPage, testInfo, `home-admin-${width}`);
		});
	});
}

import type { Page, TestInfo } from '@playwright/test';
import { colleague, teacher } from './data';
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
import { castBallot, groupWithMembers, type GroupWorld } from './seed';

// Issue 17, the decisions part: the vote's ballot on the first screen with the ballot roll's
// faces below; closing shows the tally first and then asks for the decision's wording,
// prefilled by the outcome (never typed before the count); a meeting scheduled with its
// agenda, one item a line; the meeting's page in steps (agenda → attendance → minutes), each
// step's form in the first screen. At 360 × 740 and 1280 × 800, with JavaScript and without.

/** A catalog text by a key held in a variable (helpers.ts's `ky` checks it exists). */
const text = (key: string): string => ky[key as MessageKey];

const question = 'Ачык сабактар жумалыгын декабрда өткөрөбүзбү?';
const agenda = ['Иш планы жөнүндө', 'Ачык сабактар жөнүндө', 'Методикалык күн жөнүндө'];
const more = ['Китепкана жөнүндө', 'Жаш мугалимдер жөнүндө'];

const shot = (page: Page, testInfo: TestInfo, name: string) =>
	page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });

/**
 * A free yes / no question, its tally shown only after the close; the colleague votes No.
 * The vote's address.
 */
async function voteWithOneBallot(world: GroupWorld): Promise<string> {
	const done = await world.teacher.submit(`${world.groupUrl}/votes/new`, {
		action: '',
		fields: { question, kind: 'yes_no', tally: 'after_close' }
	});
	expect(done.location, 'the vote opens').toMatch(/\/votes\/[0-9a-f-]{36}\?opened=1$/);
	const voteUrl = done.location!.replace(/\?.*$/, '');
	await castBallot(world.colleague, voteUrl, ky.vote_option_no);
	return voteUrl;
}

/** The vote's page: ballot first, the roll with faces, closing, then the wording. */
async function votePage(page: Page, voteUrl: string, testInfo: TestInfo, width: number) {
	await page.goto(voteUrl);
	await pageReady(page);
	await expect(heading(page)).toHaveText(question);
	const ballot = page.getByRole('region', { name: ky.vote_ballot_title, exact: true });
	const cast = ballot.getByRole('button', { name: ky.vote_cast, exact: true });
	// The ballot is the first screen's action: its choices and its button, without scrolling.
	await expect(
		ballot.getByRole('radio', { name: ky.vote_option_yes, exact: true })
	).toBeInViewport();
	await expect(cast).toBeInViewport();
	// The roll: who has voted, with a face (initials here: nobody has a photo).
	const roll = page.getByRole('region', { name: ky.vote_participants_title, exact: true });
	await expect(roll.locator('.roll li > span.name')).toHaveText([colleague.fullName]);
	await expect(roll.locator('.roll li .avatar')).toHaveCount(1);
	await expectNoHorizontalScroll(page);
	await shot(page, testInfo, `vote-ballot-${width}`);

	await ballot.getByRole('radio', { name: ky.vote_option_yes, exact: true }).check();
	await cast.click();
	await expect(page.getByRole('status').filter({ hasText: ky.vote_cast_ok })).toBeVisible();
	await expect(roll.locator('.roll li > span.name')).toHaveText([
		colleague.fullName,
		teacher.fullName
	]);

	// Closing asks for no wording: the tally is not known yet (shown only after the close).
	const closing = page.getByRole('region', { name: text('decisions_close_title'), exact: true });
	await expect(closing.getByLabel(ky.decision_text_label)).toHaveCount(0);
	await closing.getByRole('button', { name: text('decisions_close_button'), exact: true }).click();
	await expect(
		page.getByRole('status').filter({ hasText: text('decisions_closed_ok') })
	).toBeVisible();

	// The tally first, then the wording, prefilled by the outcome: 1 : 1 is not accepted.
	const decision = page.locator('article.decision');
	await expect(decision.locator('.badge')).toHaveText(ky.decision_outcome_rejected);
	const wording = page.getByLabel(ky.decision_text_label, { exact: true });
	await expect(wording).toHaveValue(fill(text('decisions_wording_rejected'), { question }));
	const tallyBox = (await decision.boundingBox())!;
	const wordingBox = (await wording.boundingBox())!;
	expect(tallyBox.y + tallyBox.height).toBeLessThanOrEqual(wordingBox.y);
	await shot(page, testInfo, `vote-closed-${width}`);

	await page
		.getByRole('region', { name: ky.decision_word_title, exact: true })
		.getByRole('button', { name: ky.save, exact: true })
		.click();
	await expect(decision.locator('.wording')).toHaveText(
		fill(text('decisions_wording_rejected'), { question })
	);
}

/** Scheduling with an agenda, then the meeting's page step by step. */
async function meetingPages(page: Page, groupUrl: string, testInfo: TestInfo, width: number) {
	await page.goto(`${groupUrl}/meetings`);
	await pageReady(page);
	await page.getByLabel(text('decisions_agenda_label'), { exact: true }).fill(agenda.join('\n'));
	await page.getByRole('button', { name: ky.meetings_call, exact: true }).click();
	await expect(page).toHaveURL(/\/meetings\/[0-9a-f-]{36}$/);
	await expect(page.getByText(text('decisions_meeting_scheduled'))).toBeVisible();
	await pageReady(page);

	// Three lines, three items; the agenda step is the one shown, its form on the first screen.
	const steps = page.getByRole('navigation', { name: text('decisions_steps_label'), exact: true });
	const stepLink = (key: string) => steps.getByRole('link', { name: new RegExp(text(key)) });
	await expect(stepLink('decisions_step_agenda')).toHaveAttribute('aria-current', 'page');
	for (const [i, title] of agenda.entries())
		await expect(
			page
				.getByRole('group', { name: fill(ky.minutes_agenda_item, { number: i + 1 }), exact: true })
				.getByLabel(ky.minutes_item_title, { exact: true })
		).toHaveValue(title);
	await expect(
		page.getByRole('group', { name: fill(ky.minutes_agenda_item, { number: 4 }), exact: true })
	).toHaveCount(0);
	await expect(steps).toBeInViewport();
	// The step's first field is on the first screen (on a phone the chosen tab is its title).
	await expect(
		page
			.getByRole('group', { name: fill(ky.minutes_agenda_item, { number: 1 }), exact: true })
			.getByLabel(ky.minutes_item_title, { exact: true })
	).toBeInViewport();
	await expectNoHorizontalScroll(page);
	await shot(page, testInfo, `meeting-agenda-${width}`);

	// Two more items in one save, then on to the attendance.
	await page.getByLabel(text('decisions_agenda_new_label'), { exact: true }).fill(more.join('\n'));
	await page
		.getByRole('button', {
			name: fill(text('decisions_save_next'), { step: text('decisions_step_attendance') }),
			exact: true
		})
		.click();
	await expect(page).toHaveURL(/\?step=attendance$/);
	await expect(stepLink('decisions_step_attendance')).toHaveAttribute('aria-current', 'page');
	await expect(stepLink('decisions_step_agenda')).toContainText('5');
	// The first person's row (names in order) on the first screen.
	await expect(
		page.getByRole('radiogroup', { name: colleague.fullName, exact: true })
	).toBeInViewport();
	const attendance = page.getByRole('radiogroup', { name: teacher.fullName, exact: true });
	await attendance.getByRole('radio', { name: ky.attendance_present, exact: true }).check();
	await shot(page, testInfo, `meeting-attendance-${width}`);
	await page
		.getByRole('button', {
			name: fill(text('decisions_save_next'), { step: text('decisions_step_minutes') }),
			exact: true
		})
		.click();
	await expect(page).toHaveURL(/\?step=minutes$/);
	await expect(stepLink('decisions_step_attendance')).toContainText('1');

	// The minutes: one part per item, the first on the first screen.
	const first = page.getByRole('group', { name: `1. ${agenda[0]}`, exact: true });
	await expect(first.getByLabel(ky.minutes_heard, { exact: true })).toBeInViewport();
	await expect(page.getByRole('group', { name: `5. ${more[1]}`, exact: true })).toHaveCount(1);
	await first.getByLabel(ky.minutes_decided, { exact: true }).fill('Бекитилсин');
	await page.getByRole('button', { name: ky.save, exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: ky.saved })).toBeVisible();
	await expect(page).toHaveURL(/\?step=minutes$/);
	await shot(page, testInfo, `meeting-minutes-${width}`);

	// The steps are links: back to the agenda, the minutes' form no longer shown.
	await stepLink('decisions_step_agenda').click();
	await expect(page).toHaveURL(/\?step=agenda$/);
	await expect(page.getByLabel(ky.minutes_heard).first()).toBeHidden();
	await expect(
		page.getByRole('group', { name: fill(ky.minutes_agenda_item, { number: 5 }), exact: true })
	).toBeVisible();
}

for (const viewport of [
	{ width: 360, height: 740 },
	{ width: 1280, height: 800 }
])
	test.describe(`at ${viewport.width} px`, () => {
		test.use({ viewport });

		test(`decisions: the ballot first, the wording after the tally, a meeting in steps (${viewport.width} px)`, async ({
			page,
			seed
		}, testInfo) => {
			const world = await groupWithMembers(seed);
			const voteUrl = await voteWithOneBallot(world);
			await signIn(page, teacher.email, teacher.password);
			await test.step('the vote', () => votePage(page, voteUrl, testInfo, viewport.width));
			await test.step('the meeting', () =>
				meetingPages(page, world.groupUrl, testInfo, viewport.width));
		});
	});

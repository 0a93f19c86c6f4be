import { strFromU8, unzipSync } from 'fflate';
import fs from 'node:fs';
import {
	expectNoHorizontalScroll,
	fill,
	heading,
	ky,
	openGroupFromMenu,
	openGroupTab,
	pageReady,
	signIn,
	type MessageKey
} from './helpers';
import { agendaItem, colleague, group, school, teacher } from './data';
import { expect, test } from './fixtures';
import { groupWithMembers } from './seed';

// Meetings: the leader of a group with two members calls its first meeting, keeps the
// minutes and downloads them as a Word document.

/** A catalog text by a key held in a variable (helpers.ts's `ky` checks it exists). */
const staged = (key: string): string => ky[key as MessageKey];

test('groups: the leader keeps the minutes of a meeting and downloads them as DOCX', async ({
	page,
	seed
}) => {
	const { groupUrl } = await groupWithMembers(seed);
	await signIn(page, teacher.email, teacher.password);
	await openGroupFromMenu(page, group.name, groupUrl);

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
		// The page opens on its agenda step: items are added there, one a line.
		await expect(
			page.getByLabel(staged('decisions_agenda_new_label'), { exact: true })
		).toBeVisible();
		await expectNoHorizontalScroll(page);
	});

	await test.step('the leader records one agenda item, attendance and the minutes', async () => {
		const saveNext = (step: string) =>
			page.getByRole('button', {
				name: fill(staged('decisions_save_next'), { step: staged(step) }),
				exact: true
			});
		await page
			.getByLabel(staged('decisions_agenda_new_label'), { exact: true })
			.fill(agendaItem.title);
		await saveNext('decisions_step_attendance').click();
		await expect(page).toHaveURL(/\?step=attendance$/);
		await page
			.getByRole('radiogroup', { name: teacher.fullName, exact: true })
			.getByRole('radio', { name: ky.attendance_present, exact: true })
			.check();
		await page
			.getByRole('radiogroup', { name: colleague.fullName, exact: true })
			.getByRole('radio', { name: ky.attendance_excused, exact: true })
			.check();
		await saveNext('decisions_step_minutes').click();
		await expect(page).toHaveURL(/\?step=minutes$/);
		const item = page.getByRole('group', { name: `1. ${agendaItem.title}`, exact: true });
		await item.getByLabel(ky.minutes_heard, { exact: true }).fill(agendaItem.heard);
		await item.getByLabel(ky.minutes_decided, { exact: true }).fill(agendaItem.decided);
		await page.getByRole('button', { name: ky.save, exact: true }).click();

		await expect(page.getByRole('status').filter({ hasText: ky.saved })).toBeVisible();
		// The minutes as they read, folded below the form.
		await page.getByText(staged('decisions_minutes_preview'), { exact: true }).click();
		await expect(page.getByRole('heading', { name: `1. ${agendaItem.title}` })).toBeVisible();
		await expect(page.locator('.minutes').getByText(agendaItem.decided)).toBeVisible();
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
		// (No-break spaces, which keep names and initials on one line, read as spaces.)
		const text = xml.replace(/<[^>]+>/g, '').replaceAll('\u00a0', ' ');
		expect(text).toContain(school.name);
		// The heading, one genitive chain: «…» чыгармачыл тобунун отурумунун / №1 ПРОТОКОЛУ.
		for (const line of fill(ky.minutes_heading, { group: group.name, number: 1 }).split('\n'))
			expect(text).toContain(line);
		expect(text).toContain(`1. ${agendaItem.title}`);
		expect(text).toContain(agendaItem.decided);
		expect(text).toContain(`${ky.minutes_excused} (1): `);
		expect(text).toContain(colleague.fullName);
		// Kyrgyz letters beyond Russian Cyrillic are kept as typed, not replaced or dropped.
		for (const letter of ['ң', 'ө', 'ү', 'Ү']) expect(text).toContain(letter);
	});
});

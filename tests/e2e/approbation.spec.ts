import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { defaultForm } from '../../src/lib/server/domain/forms/defaults';
import { colleague, teacher, worksheet } from './data';
import { expect, test } from './fixtures';
import {
	expectNoHorizontalScroll,
	fill,
	heading,
	ky,
	literally,
	openGroupTab,
	pageReady,
	signIn
} from './helpers';
import {
	acceptedWorksheet,
	adoptDefaultForm,
	groupWithMembers,
	recordApprobation,
	type ClassFigures
} from './seed';

// Approbation in class and objective monitoring (§4.1, §5.3, §5.4): the leader builds the
// group's lesson-observation sheet; the colleague records trying her accepted worksheet in
// class with the mark counts she typed (the indicators are computed for her); the leader,
// who is not an author, observes a lesson with the sheet; the worksheet's results then show
// the confirmed result as a chart and a table. JavaScript on and off, at 360 px.

/** 3-А: 25 pupils; knowledge quality (5s and 4s) 11 of 25 = 44 % before, 15 of 25 = 60 % after. */
const threeA: ClassFigures = {
	name: '3-А',
	grade: 3,
	pupils: 25,
	before: [3, 8, 10, 4],
	after: [5, 10, 8, 2]
};
const criterion = 'Окуучулардын бири-бирин баалоосу';
/** The shipped lesson-observation sheet, in Kyrgyz. */
const sheetForm = defaultForm('observation_sheet', 'ky');
const lessonDate = sheetForm.fields.find((f) => f.key === 'lessonDate')!.label;

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

test('approbation: the leader builds the lesson-observation sheet from the shipped one', async ({
	page,
	seed
}) => {
	const { groupUrl } = await groupWithMembers(seed);
	await signIn(page, teacher.email, teacher.password);
	await page.goto(groupUrl);
	await openGroupTab(page, ky.forms_tab, /\/forms$/);
	await expectAccessible(page);
	await pageReady(page);
	const adopt = page.locator('form[action="?/adopt"]');
	await adopt.getByLabel(ky.forms_purpose_label).selectOption('observation_sheet');
	await adopt.getByRole('button', { name: ky.forms_default_submit }).click();
	await expect(page).toHaveURL(/\/forms\/[0-9a-f-]{36}\?created=1$/);
	await expect(heading(page)).toHaveText(sheetForm.title);

	// One more criterion, on the 1–5 scale like the others.
	await pageReady(page);
	const add = page.locator('form[action="?/addField#add-title"]');
	await add.getByLabel(ky.forms_field_type).selectOption('scale');
	await add.getByLabel(ky.forms_field_label, { exact: true }).fill(criterion);
	await add.getByRole('button', { name: ky.forms_field_add }).click();
	const fields = page.getByRole('list').filter({ hasText: lessonDate });
	await expect(fields.getByRole('listitem').filter({ hasText: criterion })).toHaveCount(1);

	// A question that asks for a pupil's name is warned about: only aggregate figures.
	await pageReady(page);
	await add.getByLabel(ky.forms_field_type).selectOption('short_text');
	await add.getByLabel(ky.forms_field_label, { exact: true }).fill('Окуучунун аты-жөнү');
	await add.getByRole('button', { name: ky.forms_field_add }).click();
	await expect(page.getByRole('note').filter({ hasText: ky.forms_pupil_warning })).toBeVisible();
	await expectNoHorizontalScroll(page);
	await expectAccessible(page);
});

test('approbation: the colleague records trying her worksheet with the mark counts', async ({
	page,
	seed
}) => {
	const world = await groupWithMembers(seed);
	await acceptedWorksheet(world);
	await signIn(page, colleague.email, colleague.password);
	await page.goto(world.groupUrl);
	await openGroupTab(page, ky.approbations_tab, /\/approbations$/);
	await page.getByRole('link', { name: ky.approbation_new }).click();
	await page.getByLabel(ky.approbation_choose_title).selectOption({ label: worksheet.title });
	await page.getByRole('button', { name: ky.approbation_continue }).click();
	await expect(page.getByLabel(ky.approbation_field_title)).toHaveValue(worksheet.title);

	await pageReady(page);
	await page.getByLabel(ky.approbation_field_starts).fill('2026-10-01');
	await page.getByLabel(ky.approbation_field_ends).fill('2026-10-25');
	const first = page.getByRole('group', { name: fill(ky.approbation_class_legend, { n: 1 }) });
	await first.getByLabel(ky.approbation_class_name).fill(threeA.name);
	await first.getByLabel(ky.approbation_class_grade).fill(String(threeA.grade));
	await first.getByLabel(ky.approbation_class_pupils).fill(String(threeA.pupils));
	const counts = async (legend: string, values: number[]) => {
		const group = first.getByRole('group', { name: legend });
		for (const [i, mark] of ['5', '4', '3', '2'].entries())
			await group.getByLabel(fill(ky.approbation_mark_count, { mark })).fill(String(values[i]));
	};
	// More 5s than pupils: refused on that field, everything typed kept.
	await counts(ky.approbation_marks_before, [30, 8, 10, 4]);
	await counts(ky.approbation_marks_after, threeA.after);
	await page.getByRole('button', { name: ky.approbation_new }).click();
	const fives = first
		.getByRole('group', { name: ky.approbation_marks_before })
		.getByLabel(fill(ky.approbation_mark_count, { mark: '5' }));
	await expect(fives).toHaveAttribute('aria-invalid', 'true');
	await expect(fives).toHaveAccessibleDescription(
		literally(fill(ky.approbation_error_count_over_pupils, { pupils: 25 }))
	);
	await expect(first.getByLabel(ky.approbation_class_name)).toHaveValue(threeA.name);

	await pageReady(page);
	await fives.fill(String(threeA.before[0]));
	await page.getByRole('button', { name: ky.approbation_new }).click();
	await expect(page).toHaveURL(/\/approbations\/[0-9a-f-]{36}\?created=1$/);
	await expect(page.getByText(ky.approbation_created)).toBeVisible();
	// The indicators are worked out from the counts: knowledge quality 44 % → 60 %.
	const quality = page.getByRole('row', { name: new RegExp(ky.approbation_ind_knowledge_quality) });
	await expect(quality).toContainText('44%');
	await expect(quality).toContainText('60%');
	await expect(page.getByText(ky.approbation_self_reported).first()).toBeVisible();
	// Her own approbation: she may not observe it.
	await expect(page.getByRole('link', { name: ky.approbation_observe_action })).toHaveCount(0);
	await expectNoHorizontalScroll(page);
	await expectAccessible(page);
});

test('approbation: the leader observes a lesson and the results show it confirmed', async ({
	page,
	seed
}) => {
	const world = await groupWithMembers(seed);
	const materialUrl = await acceptedWorksheet(world);
	await adoptDefaultForm(world.teacher, world.groupUrl, 'observation_sheet');
	const approbationUrl = await recordApprobation(world.colleague, world.groupUrl, materialUrl, {
		startsOn: '2026-10-01',
		endsOn: '2026-10-25',
		classes: [threeA]
	});

	await signIn(page, teacher.email, teacher.password);
	await page.goto(approbationUrl);
	await page.getByRole('link', { name: ky.approbation_observe_action }).click();
	await expect(heading(page)).toHaveText(ky.approbation_observe_title);
	await pageReady(page);
	await page.getByLabel(ky.approbation_observe_date).fill('2026-10-20');
	await page
		.getByLabel(ky.approbation_observe_class, { exact: true })
		.selectOption({ label: threeA.name });
	const sheet = page.getByRole('group', { name: new RegExp(ky.approbation_sheet_legend) });
	await sheet.getByLabel(lessonDate).fill('2026-10-20');
	// Every criterion of the sheet: 5 points.
	const fives = sheet.locator('input[type="radio"][value="5"]');
	for (let i = 0; i < (await fives.count()); i++) await fives.nth(i).check();
	await sheet.getByRole('textbox').last().fill('Сабак максатына жетти; натыйжалар ишенимдүү.');
	await page.getByRole('button', { name: ky.approbation_observe_submit }).click();
	await expect(page).toHaveURL(/\?observed=1$/);
	await expect(page.getByText(ky.approbation_observed)).toBeVisible();
	await expect(page.getByText(ky.approbation_confirmed).first()).toBeVisible();

	// The worksheet's results: the chart (a picture with its own title) and its table.
	await page.getByRole('link', { name: ky.results_title }).first().click();
	const chart = page.getByRole('img', { name: new RegExp(ky.approbation_ind_knowledge_quality) });
	await expect(chart).toBeVisible();
	const row = page
		.getByRole('table', { name: new RegExp(ky.approbation_ind_knowledge_quality) })
		.getByRole('row', { name: new RegExp(threeA.name) });
	await expect(row).toContainText('44%');
	await expect(row).toContainText('60%');
	await expect(row).toContainText(ky.approbation_confirmed);
	await expectNoHorizontalScroll(page);
	await expectAccessible(page);
});

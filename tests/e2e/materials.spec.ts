import type { Page } from '@playwright/test';
import fs from 'node:fs';
import { teacherDocx, TEACHER_TEXT } from '../../src/lib/server/test/docx-fixtures';
import {
	editorArea,
	expectFieldError,
	expectNoHorizontalScroll,
	expectPagesFitThePhone,
	fill,
	followMenuLink,
	heading,
	ky,
	literally,
	openGroupFromMenu,
	openEmptyTabThenNew,
	pageReady,
	sectionOf,
	signIn
} from './helpers';
import {
	colleague,
	docxMime,
	docxName,
	group,
	material,
	pdfName,
	teacher,
	tinyPdf,
	upload
} from './data';
import { openEditor } from './editor';
import { expect, test } from './fixtures';
import { createMaterial, groupWithMembers, lessonPlan } from './seed';
import { xss, xssBody } from './xss';

// Practical materials (§3.3): the second teacher offers a lesson plan with files, imports a
// Word document into it, the leader reviews it and asks for a revision, she revises it and
// the leader accepts it for the collection. Each test seeds the plan at the stage it starts
// from (seed.ts, lessonPlan).

/** The body field: the editor with JavaScript, the textarea without. */
async function expectBodyToContain(page: Page, js: boolean, texts: string[]) {
	expect(texts.length).toBeGreaterThan(0);
	if (js) {
		for (const text of texts) await expect(editorArea(page)).toContainText(text);
	} else {
		const body = page.getByLabel(ky.material_body, { exact: true });
		for (const text of texts) await expect(body).toHaveValue(literally(text));
	}
}

test('materials: the second teacher offers a lesson plan with its files', async ({
	page,
	seed
}, testInfo) => {
	const js = testInfo.project.name === 'js';
	const { groupUrl } = await groupWithMembers(seed);
	let materialUrl = '';
	await signIn(page, colleague.email, colleague.password);
	await openGroupFromMenu(page, group.name, groupUrl);

	await test.step('the Materials tab is empty; she opens "Offer a material"', async () => {
		await openEmptyTabThenNew(
			page,
			groupUrl,
			{
				name: ky.group_tab_materials,
				path: 'materials',
				title: ky.materials_title,
				empty: ky.materials_none
			},
			{ link: ky.material_new_title, title: ky.material_new_title }
		);
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
			await openEditor(page);
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
			// Redirect after post: the material's own address, no `?/upload` to post again.
			await expect(page).toHaveURL(materialUrl);
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
	page,
	seed
}, testInfo) => {
	const js = testInfo.project.name === 'js';
	// Version 1, offered, with its PDF and Word files.
	const materialUrl = await lessonPlan(await groupWithMembers(seed), 'offered');
	await signIn(page, colleague.email, colleague.password);
	await page.goto(materialUrl);

	const title = page.getByLabel(ky.material_title, { exact: true });
	const abstract = page.getByLabel(ky.material_abstract, { exact: true });
	const tags = page.getByLabel(ky.material_tags, { exact: true });
	const grades = page.getByRole('group', { name: ky.material_grades, exact: true });
	const subjects = page.getByRole('group', { name: ky.material_subjects, exact: true });
	const extraTags = material.importTags;

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

test('materials: the leader reviews it and asks for a revision', async ({ page, seed }) => {
	// Version 2 (the Word import), offered.
	const materialUrl = await lessonPlan(await groupWithMembers(seed), 'imported');
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
		// Decimals as Kyrgyz writes them (Intl): a comma.
		await expect(averages.getByRole('row').nth(1)).toContainText('5,0');
		await expect(averages.getByRole('row').nth(2)).toContainText('4,0');
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
	page,
	seed,
	phone
}) => {
	// The leader reviewed version 2 and asked for a revision.
	const materialUrl = await lessonPlan(await groupWithMembers(seed), 'revision');
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
		const leader = await phone();
		await signIn(leader, teacher.email, teacher.password);
		await leader.goto(materialUrl);
		const decision = sectionOf(leader, ky.material_decide_title);
		// The earlier review was for version 2; it is kept, marked as older.
		const reviews = sectionOf(leader, ky.reviews_title);
		await expect(reviews.locator('article .badge.off')).toHaveText(
			fill(ky.material_version, { version: 2 })
		);
		await pageReady(leader);
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
		await leader.context().close();
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

test('materials: the Word plan reads in the browser without downloading it', async ({
	page,
	seed
}) => {
	// Offered with its Word file: the leader may open it.
	const materialUrl = await lessonPlan(await groupWithMembers(seed), 'offered');
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
	expect(TEACHER_TEXT.bullets.length).toBeGreaterThan(0);
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

test('materials: no page of materials scrolls sideways at 360 px', async ({ page, seed }) => {
	// The plan accepted in its third version, and a draft full of script-injection attempts.
	const world = await groupWithMembers(seed);
	const { groupUrl } = world;
	const materialUrl = await lessonPlan(world, 'accepted');
	const xssUrl = await createMaterial(world.colleague, groupUrl, {
		type: 'article',
		title: xss.title,
		abstract: xss.abstract,
		body: xssBody,
		tags: xss.tags,
		grades: ['7']
	});
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
	await expectPagesFitThePhone(page, pages, groupUrl);
	await test.step('the group list filtered to accepted shows only the plan', async () => {
		await page.goto(`${groupUrl}/materials?status=accepted`);
		await expect(page.getByRole('link', { name: material.title, exact: true })).toBeVisible();
		await expect(page.getByRole('link', { name: xss.title, exact: true })).toHaveCount(0);
	});
});

import type { Page } from '@playwright/test';
import fs from 'node:fs';
import { compoundFile, legacyDoc } from '../../src/lib/server/test/compound-files';
import { teacherDocx, TEACHER_TEXT } from '../../src/lib/server/test/docx-fixtures';
import { colleague, docxMime, tinyPdf, upload } from './data';
import {
	editorArea,
	expectAccessible,
	expectFieldError,
	expectNoHorizontalScroll,
	heading,
	ky,
	literally,
	pageReady,
	sectionOf,
	signIn
} from './helpers';
import { expect, test } from './fixtures';
import { groupWithMembers } from './seed';

// Issue 18: a teacher starts a material from her Word file on the "new material" page, with
// a file attached, in one post (with and without JavaScript, on a phone). A refused file
// keeps everything typed and says why, in Kyrgyz.

const plan = {
	title: 'Ата-мекен: Word файлынан',
	abstract: 'Сабактын планы Word файлынан алынды.',
	pdf: 'сабактын-слайддары.pdf'
};

async function fillFields(page: Page, title: string) {
	await page
		.getByLabel(ky.material_type, { exact: true })
		.selectOption({ label: ky.material_type_lesson_plan });
	await page.getByLabel(ky.material_title, { exact: true }).fill(title);
	await page.getByLabel(ky.material_abstract, { exact: true }).fill(plan.abstract);
}

test('a new material from a Word file with an attachment, in one post', async ({
	page,
	seed
}, testInfo) => {
	const js = testInfo.project.name === 'js';
	const { groupUrl } = await groupWithMembers(seed);
	await signIn(page, colleague.email, colleague.password);

	await test.step('a Word 97–2003 file is refused with how to save it, and nothing typed is lost', async () => {
		await page.goto(`${groupUrl}/materials/new`);
		await pageReady(page);
		await expectNoHorizontalScroll(page);
		await expectAccessible(page);
		await fillFields(page, plan.title);
		// This deployment has no LibreOffice: a .doc is named, and the way to a .docx given.
		await page
			.getByLabel(ky.import_file_label, { exact: true })
			.setInputFiles([
				upload('эски-план.doc', 'application/msword', compoundFile([{ name: 'WordDocument' }]))
			]);
		await page.getByRole('button', { name: ky.material_save_draft, exact: true }).click();
		const word = page.getByLabel(ky.import_file_label, { exact: true });
		await expectFieldError(page, word, ky.import_legacy_no_converter);
		await expect(page.getByLabel(ky.material_title, { exact: true })).toHaveValue(plan.title);
		await expect(page.getByLabel(ky.material_abstract, { exact: true })).toHaveValue(plan.abstract);
		await expect(word).toHaveAccessibleDescription(literally(ky.materials_new_files_again));
		await expectNoHorizontalScroll(page);
		await page.screenshot({ path: testInfo.outputPath('refused.png'), fullPage: true });
	});

	await test.step('the .docx and a PDF in one post: the editor opens with the imported body', async () => {
		await page
			.getByLabel(ky.import_file_label, { exact: true })
			.setInputFiles([upload('Ата-мекен.docx', docxMime, await teacherDocx())]);
		await page
			.getByLabel(ky.materials_new_files_title, { exact: true })
			.setInputFiles([upload(plan.pdf, 'application/pdf', tinyPdf('import'))]);
		await page.getByRole('button', { name: ky.material_save_draft, exact: true }).click();
		await expect(page).toHaveURL(/\/materials\/[0-9a-f-]{36}\/edit$/);
		await expect(heading(page)).toHaveText(ky.material_edit_title);
		await expect(page.getByRole('status').filter({ hasText: ky.import_done })).toBeVisible();
		await expect(page.getByLabel(ky.material_title, { exact: true })).toHaveValue(plan.title);
		if (js) await expect(editorArea(page)).toContainText(TEACHER_TEXT.intro);
		else
			await expect(page.getByLabel(ky.material_body, { exact: true })).toHaveValue(
				literally(TEACHER_TEXT.intro)
			);
		await expectNoHorizontalScroll(page);
		await page.screenshot({ path: testInfo.outputPath('imported.png') });
		// A reload shows the saved draft, and the report only once (redirect after post).
		await page.reload();
		await expect(page.getByRole('status').filter({ hasText: ky.import_done })).toHaveCount(0);
	});

	await test.step('the draft keeps the attached PDF', async () => {
		await page.goto(page.url().replace(/\/edit$/, ''));
		await pageReady(page);
		const files = sectionOf(page, ky.material_files);
		await expect(files.getByRole('listitem').filter({ hasText: plan.pdf })).toHaveCount(1);
		await expectNoHorizontalScroll(page);
	});
});

// A deployment with LibreOffice (the LIBREOFFICE setting): its server converts a .doc in a job.
const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((file) => fs.existsSync(file));

test.describe('with LibreOffice', () => {
	test.use({ serverSettings: soffice ? { LIBREOFFICE: soffice } : {} });

	test('a new material from a Word 97–2003 file, converted by LibreOffice', async ({
		page,
		seed
	}, testInfo) => {
		// CI installs LibreOffice (.ci/run): there its absence is a failure, not a skip.
		test.skip(!soffice && !process.env.CI, 'LibreOffice is not installed here');
		expect(soffice, 'LibreOffice (soffice) is installed').toBeTruthy();
		test.setTimeout(180_000);
		const js = testInfo.project.name === 'js';
		const { groupUrl } = await groupWithMembers(seed);
		await signIn(page, colleague.email, colleague.password);
		const doc = await legacyDoc(await teacherDocx());

		await test.step('the draft is saved at once; its page waits for the conversion', async () => {
			await page.goto(`${groupUrl}/materials/new`);
			await pageReady(page);
			await fillFields(page, plan.title);
			await page
				.getByLabel(ky.materials_new_word_label, { exact: true })
				.setInputFiles([upload('эски-план.doc', 'application/msword', doc)]);
			await page.getByRole('button', { name: ky.material_save_draft, exact: true }).click();
			await expect(page).toHaveURL(/\/materials\/(new\/word\/[0-9a-f-]{36}|[0-9a-f-]{36}\/edit)$/);
			if (page.url().includes('/new/word/')) {
				await expect(heading(page)).toHaveText(ky.import_legacy_converting_title);
				await expectNoHorizontalScroll(page);
				await expectAccessible(page);
				await page.screenshot({ path: testInfo.outputPath('converting.png') });
			}
		});

		await test.step('once converted, the editor opens with the body', async () => {
			const editor = /\/materials\/[0-9a-f-]{36}\/edit$/;
			// With JavaScript the page goes on by itself; without it the teacher presses "Refresh".
			await expect(async () => {
				if (!js && page.url().includes('/new/word/'))
					await page.getByRole('link', { name: ky.import_legacy_refresh, exact: true }).click();
				await expect(page).toHaveURL(editor, { timeout: 2_000 });
			}).toPass({ timeout: 120_000 });
			await expect(page.getByRole('status').filter({ hasText: ky.import_done })).toBeVisible();
			if (js) await expect(editorArea(page)).toContainText(TEACHER_TEXT.intro);
			else
				await expect(page.getByLabel(ky.material_body, { exact: true })).toHaveValue(
					literally(TEACHER_TEXT.intro)
				);
		});

		await test.step('the original .doc is among the files, only downloaded', async () => {
			await page.goto(page.url().replace(/\/edit$/, ''));
			await pageReady(page);
			const row = sectionOf(page, ky.material_files)
				.getByRole('listitem')
				.filter({ hasText: 'эски-план.doc' });
			await expect(row).toHaveCount(1);
			const href = await row.getByRole('link').first().getAttribute('href');
			const response = await page.request.get(href!);
			expect(response.headers()['content-disposition']).toMatch(/^attachment;/);
			expect(response.headers()['content-type']).toBe('application/msword');
		});
	});
});

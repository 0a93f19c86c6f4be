import type { Locator, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import {
	editorArea,
	expectFieldError,
	expectNoHorizontalScroll,
	expectNoScripts,
	expectPagesFitThePhone,
	fill,
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
	collection,
	group,
	material,
	planOption,
	school,
	teacher,
	worksheet,
	worksheetOption
} from './data';
import { openEditor } from './editor';
import { expect, test } from './fixtures';
import {
	acceptedWorksheet,
	approveEdition,
	castBallot,
	closeVote,
	collectionOfTwo,
	compileEdition,
	createMaterial,
	editionIdOf,
	editionReady,
	groupWithMembers,
	lessonPlan,
	offerMaterial,
	openEditionVote
} from './seed';

// Methodological collections (§3.5, §6): the second teacher offers a worksheet that the
// leader accepts, so the group has two accepted materials; the leader builds a collection of
// them in two sections, compiles it to a numbered edition (Word, PDF and a web edition, made
// in the background), puts the edition to the group's vote and marks it approved. Each test
// seeds the materials, the collection and the edition it starts from.

const approvalQuestion = fill(ky.collection_vote_question, { title: collection.title, number: 1 });

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
	page,
	seed,
	phone
}, testInfo) => {
	const js = testInfo.project.name === 'js';
	const { groupUrl } = await groupWithMembers(seed);
	let worksheetUrl = '';

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
			await openEditor(page);
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
		const leader = await phone();
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
		await leader.context().close();
	});
});

test('collections: the leader builds a collection', async ({ page, seed }, testInfo) => {
	const js = testInfo.project.name === 'js';
	// Two accepted materials (the plan and the worksheet), and an article never accepted.
	const world = await groupWithMembers(seed);
	const { groupUrl } = world;
	await lessonPlan(world, 'accepted');
	await acceptedWorksheet(world);
	await offerMaterial(
		world.colleague,
		await createMaterial(world.colleague, groupUrl, {
			type: 'article',
			title: 'Кабыл алына элек макала',
			abstract: 'Топ бул макаланы азырынча карап чыга элек.',
			body: '<p>Макаланын тексти.</p>'
		})
	);
	let collectionUrl = '';
	await signIn(page, teacher.email, teacher.password);
	await openGroupFromMenu(page, group.name, groupUrl);

	await test.step('the Collections tab is empty; the leader opens "New collection"', async () => {
		await openEmptyTabThenNew(
			page,
			groupUrl,
			{
				name: ky.collections_tab,
				path: 'collections',
				title: ky.collections_title,
				empty: ky.collections_empty_manage
			},
			{ link: ky.collections_new, title: ky.collection_new_title }
		);
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
		// The editor opens on its contents; the title page and the editions are steps of their own.
		await expect(page.getByText(ky.collection_sections_empty)).toBeVisible();
		await expectNoHorizontalScroll(page);
		await page.goto(`${collectionUrl}?step=title`);
		const titlePage = sectionOf(page, ky.collection_title_page);
		await expect(titlePage).toContainText(school.city);
		await expect(titlePage).toContainText(
			fill(ky.collection_leader_editor, { name: teacher.fullName })
		);
		await expect(titlePage.getByText(colleague.fullName, { exact: true })).toBeVisible();
		expect(collection.reviewers.length).toBeGreaterThan(0);
		for (const reviewer of collection.reviewers)
			await expect(titlePage.getByText(reviewer, { exact: true })).toBeVisible();
		await expect(titlePage).toContainText(ky.collection_fact_preface_written);
		await expectNoHorizontalScroll(page);
		await page.goto(`${collectionUrl}?step=editions`);
		await expect(page.getByText(ky.collection_editions_empty)).toBeVisible();
		await expectNoHorizontalScroll(page);
		await page.goto(collectionUrl);
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
		// Both accepted materials are in (the offered article was never accepted).
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
		// Without JavaScript the post is answered with the page itself (redirect after post).
		if (!js) await expect(page).toHaveURL(new RegExp(`^${collectionUrl}(\\?/moveItem)?#item-`));
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
		// Compiling is the editor's main action: at the top of every step.
		await page.getByRole('button', { name: ky.collection_compile, exact: true }).click();
		await expect(page).toHaveURL(new RegExp(`^${collectionUrl}/editions/1(#editions)?$`));
		await expect(heading(page)).toHaveText(
			fill(ky.edition_heading, { number: 1, title: collection.title })
		);
	});
});

test('collections: the edition compiles in the background and both files download', async ({
	page,
	seed
}, testInfo) => {
	const js = testInfo.project.name === 'js';
	// Up to a minute for the compile, on top of the seeding, the downloads and the web edition.
	test.setTimeout(150_000);
	// The edition was just asked for: it may still be queued or compiling when the page opens.
	const world = await groupWithMembers(seed);
	const collectionUrl = await collectionOfTwo(world);
	const editionUrl = await compileEdition(world.teacher, collectionUrl);
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
		await page.goto(`${collectionUrl}?step=editions`);
		const row = page
			.getByRole('region', { name: ky.collection_editions_heading, exact: true })
			.getByRole('listitem')
			.filter({ hasText: fill(ky.edition_number, { number: 1 }) });
		await expect(row).toContainText(ky.edition_status_done);
		await expect(row).toContainText(fill(ky.collection_items_count, { count: 2 }));
	});
});

test('collections: the group approves the edition by vote', async ({ page, seed, phone }) => {
	test.setTimeout(120_000);
	// The first edition, compiled.
	const world = await groupWithMembers(seed);
	const { groupUrl } = world;
	const collectionUrl = await collectionOfTwo(world);
	const editionUrl = await compileEdition(world.teacher, collectionUrl);
	await editionReady(world.teacher, editionUrl);
	let editionVoteUrl = '';
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
		const hers = await phone();
		await signIn(hers, colleague.email, colleague.password);
		await hers.goto(editionVoteUrl);
		await pageReady(hers);
		await ballot(hers).getByRole('radio', { name: ky.vote_option_yes, exact: true }).check();
		await hers.getByRole('button', { name: ky.vote_cast, exact: true }).click();
		await expect(hers.getByRole('status').filter({ hasText: ky.vote_cast_ok })).toBeVisible();
		await hers.context().close();
	});

	await test.step('while the vote is open the edition is neither put to a vote again nor approved', async () => {
		await page.goto(editionUrl);
		const vote = approval.getByRole('listitem');
		await expect(vote).toHaveCount(1);
		// The group's first vote (it was the second when a proposal had been voted on before).
		await expect(
			vote.getByRole('link', { name: fill(ky.vote_number, { number: 1 }) })
		).toHaveAttribute('href', new URL(editionVoteUrl).pathname);
		await expect(vote).toContainText(ky.vote_status_open);
		await expect(putToVote).toHaveCount(0);
		await expect(approve).toHaveCount(0);
	});

	await test.step('the leader closes the vote with the wording: accepted', async () => {
		await page.goto(editionVoteUrl);
		await pageReady(page);
		// Closed first; the wording is asked once the tally is shown (issue 17).
		await page.getByRole('button', { name: ky.decisions_close_button, exact: true }).click();
		await expect(
			page.getByRole('status').filter({ hasText: ky.decisions_closed_ok })
		).toBeVisible();
		await page.getByLabel(ky.decision_text_label, { exact: true }).fill(collection.decision);
		await page.getByRole('button', { name: ky.save, exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: ky.saved })).toBeVisible();
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
		const member = await phone();
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
		await member.context().close();
	});
});

test('collections: no page of collections scrolls sideways at 360 px', async ({ page, seed }) => {
	test.setTimeout(120_000);
	// The first edition compiled, voted on and approved.
	const world = await groupWithMembers(seed);
	const { groupUrl } = world;
	const collectionUrl = await collectionOfTwo(world);
	const editionUrl = await compileEdition(world.teacher, collectionUrl);
	const editionId = editionIdOf(await editionReady(world.teacher, editionUrl));
	const editionVoteUrl = await openEditionVote(world.teacher, groupUrl, editionId);
	await castBallot(world.teacher, editionVoteUrl, ky.vote_option_yes);
	await castBallot(world.colleague, editionVoteUrl, ky.vote_option_yes);
	await closeVote(world.teacher, editionVoteUrl, collection.decision);
	await approveEdition(world.teacher, editionUrl);
	await signIn(page, teacher.email, teacher.password);
	const pages = [
		`${groupUrl}/collections`,
		`${groupUrl}/collections/new`,
		collectionUrl,
		`${collectionUrl}?saved=1`,
		`${collectionUrl}?step=title`,
		`${collectionUrl}?step=editions`,
		`${collectionUrl}/edit`,
		editionUrl,
		`${editionUrl}/web`,
		editionVoteUrl
	];
	await expectPagesFitThePhone(page, pages, groupUrl);
});

import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { colleague, collection, material, school, teacher, worksheet, type Person } from './data';
import { expect, test } from './fixtures';
import { expectNoHorizontalScroll, ky as kyBase, signIn, switchLanguage } from './helpers';
import {
	acceptedWorksheet,
	answerConsent,
	approveEdition,
	castBallot,
	closeVote,
	collectionOfTwo,
	compileEdition,
	editionIdOf,
	editionReady,
	groupWithMembers,
	lessonPlan,
	openEditionVote,
	requestPublication,
	unpublishPublication
} from './seed';

// Results made known (§3.4, issue 14): the leader publishes the approved edition of the
// group's collection to interested parties; each author consents (the last consent makes it
// live); then someone with no account finds it in the public catalog by a Kyrgyz word with
// another suffix than the title's, reads it and downloads its PDF. Then what goes wrong: an
// author refuses (the publisher sees it), and a publication taken down leaves a tombstone.

const ky: Record<string, string> = { ...kyBase };
const text = (key: string) => {
	const value = ky[key];
	if (value === undefined) throw new Error(`no message "${key}"`);
	return value;
};

/**
 * A word of the collection's title («…функционалдык сабаттуулукту…», the accusative) in
 * another form (the possessive, к → г): only a search that knows Kyrgyz suffixes finds it.
 */
const searchWord = 'сабаттуулугу';

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

/** An author signs in on their own phone, finds the request on Consents and consents. */
async function consentAsAuthor(phone: Page, person: Person, title: string, last: boolean) {
	await signIn(phone, person.email, person.password);
	await phone.goto('/consents');
	await expect(phone.getByRole('heading', { level: 1 })).toHaveText(text('consents_heading'));
	await expectNoHorizontalScroll(phone);
	await expectAccessible(phone);
	await phone.getByRole('link', { name: title, exact: true }).first().click();
	await expect(phone).toHaveURL(/\/p\/[a-z0-9]+$/);
	await expect(
		phone.getByRole('heading', { name: text('publication_consent_heading') })
	).toBeVisible();
	await phone.getByRole('button', { name: text('publication_consent_yes'), exact: true }).click();
	await expect(phone).toHaveURL(/answered=/);
	await expect(
		phone.getByText(
			last ? text('publication_answered_published') : text('publication_answered_consented')
		)
	).toBeVisible();
}

test('publications: the approved edition goes public with its authors’ consent and is found, read and downloaded', async ({
	page,
	seed,
	phone
}) => {
	// Compiling an edition (DOCX and PDF, in the background) is most of this test's time.
	test.setTimeout(240_000);
	const world = await groupWithMembers(seed);
	const { groupUrl } = world;
	const collectionUrl = await collectionOfTwo(world);
	const editionUrl = await compileEdition(world.teacher, collectionUrl);
	const editionId = editionIdOf(await editionReady(world.teacher, editionUrl));
	const voteUrl = await openEditionVote(world.teacher, groupUrl, editionId);
	await castBallot(world.teacher, voteUrl, kyBase.vote_option_yes);
	await castBallot(world.colleague, voteUrl, kyBase.vote_option_yes);
	await closeVote(world.teacher, voteUrl, collection.decision);
	await approveEdition(world.teacher, editionUrl);

	// The leader publishes the approved edition to interested parties, under CC BY 4.0.
	await signIn(page, teacher.email, teacher.password);
	await page.goto(`${groupUrl}/publications`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(text('publications_heading'));
	await expectNoHorizontalScroll(page);
	await expectAccessible(page);
	const target = page.getByLabel(text('publications_target_label'));
	const option = target.locator('option', { hasText: collection.title });
	await target.selectOption({ label: (await option.textContent())!.trim() });
	await page.getByLabel(text('publication_audience_public'), { exact: true }).check();
	await expect(page.getByLabel(text('publication_licence_cc_by'), { exact: true })).toBeChecked();
	await page
		.getByRole('button', { name: text('publications_publish_button'), exact: true })
		.click();
	await expect(page).toHaveURL(/done=asked&code=[a-z0-9]+/);
	await expect(page.getByText(text('publications_done_asked'))).toBeVisible();
	const code = new URL(page.url()).searchParams.get('code')!;
	const card = page.locator('li.card', {
		has: page.getByRole('link', { name: collection.title, exact: true })
	});
	await expect(card.getByText(text('publication_status_awaiting_consent'))).toBeVisible();
	await expectAccessible(page);

	// Nobody outside sees it while the authors are asked.
	const early = await phone();
	expect((await early.request.get(`/p/${code}`, { maxRedirects: 0 })).status()).not.toBe(200);

	// Each author asked consents from their Consents page; the last consent makes it live.
	// (The publisher, when an author, consented by asking.)
	const waiting: Person[] = [];
	for (const person of [teacher, colleague]) {
		const row = card.locator('li', { hasText: `${person.fullName}:` });
		if ((await row.count()) === 0) continue;
		if ((await row.textContent())!.includes(text('publications_consent_waiting')))
			waiting.push(person);
	}
	expect(waiting.length, 'an author is asked').toBeGreaterThan(0);
	for (const [i, person] of waiting.entries())
		await consentAsAuthor(await phone(), person, collection.title, i === waiting.length - 1);

	await page.goto(`/p/${code}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(collection.title);
	await expectAccessible(page);

	// Someone with no account finds it in the catalog by another form of a word of its title.
	const visitor = await phone();
	await visitor.goto('/catalog');
	// Their browser asks for English: they choose Kyrgyz.
	await switchLanguage(visitor, 'ky');
	await expectNoHorizontalScroll(visitor);
	await expectAccessible(visitor);
	await visitor.getByLabel(text('catalog_search_label'), { exact: true }).fill(searchWord);
	await visitor
		.getByRole('search')
		.getByRole('button', { name: text('catalog_search_button'), exact: true })
		.first()
		.click();
	await expect(visitor).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(searchWord)}`));
	await expectAccessible(visitor);
	// The catalog shows the title with its subtitle.
	await visitor.getByRole('link', { name: collection.title }).click();
	await expect(visitor).toHaveURL(new RegExp(`/p/${code}$`));
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(collection.title);
	await expect(visitor.getByText(colleague.fullName).first()).toBeVisible();
	await expectNoHorizontalScroll(visitor);
	await expectAccessible(visitor);

	// It reads the edition online: both materials are there.
	await visitor.getByRole('link', { name: text('publication_read_online'), exact: true }).click();
	await expect(visitor).toHaveURL(new RegExp(`/p/${code}/read$`));
	await expect(visitor.getByText(material.title).first()).toBeVisible();
	await expect(visitor.getByText(worksheet.title).first()).toBeVisible();
	await visitor.goBack();

	// It downloads the PDF.
	const pdfLink = visitor.getByRole('link', { name: text('publication_download_pdf') });
	const href = await pdfLink.getAttribute('href');
	expect(href).toBe(`/p/${code}/publication.pdf`);
	const pdf = await visitor.request.get(href!);
	expect(pdf.status()).toBe(200);
	expect(pdf.headers()['content-type']).toBe('application/pdf');
	expect(
		Buffer.from(await pdf.body())
			.subarray(0, 5)
			.toString('latin1')
	).toBe('%PDF-');

	// The school's public page lists it.
	await visitor.getByRole('link', { name: school.name, exact: true }).first().click();
	await expect(visitor).toHaveURL(/\/s\/[a-z0-9-]+$/);
	await expect(visitor.getByRole('link', { name: collection.title })).toBeVisible();
	await expectNoHorizontalScroll(visitor);
	await expectAccessible(visitor);
});

test('publications: an author refuses, and a publication taken down leaves a tombstone', async ({
	page,
	seed,
	phone
}) => {
	test.setTimeout(150_000);
	const world = await groupWithMembers(seed);
	const { groupUrl } = world;
	await acceptedWorksheet(world);
	await lessonPlan(world, 'accepted');

	// The worksheet asked for: its author refuses, with a reason.
	const refusedCode = await requestPublication(world.teacher, groupUrl, worksheet.title, 'public');
	const author = await phone();
	await signIn(author, colleague.email, colleague.password);
	await author.goto(`/p/${refusedCode}`);
	const reason = 'Иш барагын дагы толуктагым келет.';
	await author.getByLabel(text('publication_consent_reason')).fill(reason);
	await author.getByRole('button', { name: text('publication_consent_no'), exact: true }).click();
	await expect(author.getByText(text('publication_answered_refused'))).toBeVisible();

	// The lesson plan published (she consents), then taken down.
	const goneCode = await requestPublication(world.teacher, groupUrl, material.title, 'public');
	await answerConsent(world.colleague, goneCode, 'consented');
	const takenDown = 'Сабактын планы жаңыланып жатат.';
	await unpublishPublication(world.teacher, groupUrl, material.title, takenDown);

	// The leader sees both on the Publications page: the refusal with its reason.
	await signIn(page, teacher.email, teacher.password);
	await page.goto(`${groupUrl}/publications`);
	const refused = page.locator('li.card', {
		has: page.getByRole('link', { name: worksheet.title, exact: true })
	});
	await expect(refused.getByText(text('publication_status_refused'))).toBeVisible();
	// Her reason, as the consents list and the card's reason line show it.
	await expect(refused.getByText(reason).first()).toBeVisible();
	const gone = page.locator('li.card', {
		has: page.getByRole('link', { name: material.title, exact: true })
	});
	await expect(gone.getByText(text('publication_status_unpublished'))).toBeVisible();
	await expect(gone.getByText(takenDown).first()).toBeVisible();
	await expectNoHorizontalScroll(page);
	await expectAccessible(page);

	// Someone with no account: the refused one is not there at all, the other is a tombstone.
	const visitor = await phone();
	expect((await visitor.request.get(`/p/${refusedCode}`, { maxRedirects: 0 })).status()).not.toBe(
		200
	);
	await visitor.goto(`/p/${goneCode}`);
	await switchLanguage(visitor, 'ky');
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(material.title);
	await expect(
		visitor.getByRole('heading', { name: text('publication_tombstone_heading') })
	).toBeVisible();
	await expect(visitor.getByText(takenDown)).toBeVisible();
	await expect(visitor.getByRole('link', { name: text('publication_download_pdf') })).toHaveCount(
		0
	);
	expect((await visitor.request.get(`/p/${goneCode}/publication.pdf`)).status()).not.toBe(200);
	await expectAccessible(visitor);
	// Nor does the catalog list either.
	await visitor.goto(`/catalog?q=${encodeURIComponent('Ысык-Көлдүн')}`);
	await expect(visitor.getByRole('link', { name: worksheet.title, exact: true })).toHaveCount(0);
	await expect(visitor.getByRole('link', { name: material.title, exact: true })).toHaveCount(0);
});

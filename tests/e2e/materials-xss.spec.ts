import { editorArea, expectNoHorizontalScroll, heading, ky, pageReady, signIn } from './helpers';
import { colleague, teacher } from './data';
import { expect, test } from './fixtures';
import { groupWithMembers } from './seed';
import { expectNothingRan, watchForScripts, xss, xssBody } from './xss';

// Script injection: a member saves a material full of attempts; opened in Chromium with
// JavaScript on, none of them may run, for her or for the leader.

test('materials: script in a material does not run when it is opened', async ({
	page,
	seed,
	phone
}, testInfo) => {
	const js = testInfo.project.name === 'js';
	const { groupUrl } = await groupWithMembers(seed);
	let xssUrl = '';
	await signIn(page, colleague.email, colleague.password);

	await test.step(
		js
			? 'the material is posted as an attacker would, past the editor'
			: 'the attempts are typed into the body without JavaScript',
		async () => {
			if (js) {
				const form = {
					type: 'article',
					title: xss.title,
					language: 'ky',
					abstract: xss.abstract,
					body: xssBody,
					tags: xss.tags,
					grades: '7'
				};
				const origin = new URL(page.url()).origin;
				// The new-material form is multipart (it takes a Word file and attachments, issue 18).
				const response = await page.request.post(`${groupUrl}/materials/new`, {
					// As a browser posts a form: a page is asked for (not SvelteKit's JSON), same origin.
					headers: { origin, accept: 'text/html' },
					multipart: form,
					maxRedirects: 0
				});
				expect(response.status()).toBe(303);
				const location = response.headers()['location'] ?? '';
				expect(location).toMatch(/\/materials\/[0-9a-f-]{36}\?created=1$/);
				xssUrl = new URL(location, origin).href.replace(/\?.*$/, '');
			} else {
				await page.goto(`${groupUrl}/materials/new`);
				await pageReady(page);
				await page
					.getByLabel(ky.material_type, { exact: true })
					.selectOption({ label: ky.material_type_article });
				await page.getByLabel(ky.material_title, { exact: true }).fill(xss.title);
				await page.getByLabel(ky.material_abstract, { exact: true }).fill(xss.abstract);
				await page.getByLabel(ky.material_body, { exact: true }).fill(xssBody);
				await page.getByLabel(ky.material_tags, { exact: true }).fill(xss.tags);
				await page
					.getByRole('group', { name: ky.material_grades, exact: true })
					.getByRole('checkbox', { name: '7', exact: true })
					.check();
				await page.getByRole('button', { name: ky.material_save_draft, exact: true }).click();
				await expect(page).toHaveURL(/\/materials\/[0-9a-f-]{36}\?created=1$/);
				xssUrl = page.url().replace(/\?.*$/, '');
			}
		}
	);

	// Without JavaScript nothing could run anyway: open it in a browser with JavaScript on.
	const viewer = js ? page : await phone(true);
	if (!js) await viewer.context().addCookies(await page.context().cookies());
	const dialogs = await watchForScripts(viewer);

	await test.step('the author opens it: the text is there, nothing runs', async () => {
		await viewer.goto(xssUrl);
		await expect(heading(viewer)).toHaveText(xss.title);
		await expect(viewer.getByText(xss.abstract, { exact: true })).toBeVisible();
		await expect(viewer.locator('section.body')).toContainText(xss.start);
		// Escaped text, shown as typed, not markup.
		await expect(viewer.locator('section.body')).toContainText(
			'Текст катары: <script>alert(1)</script>'
		);
		await expectNothingRan(viewer, dialogs);
		expect(viewer.url()).toBe(xssUrl);
		await expectNoHorizontalScroll(viewer);
	});

	await test.step('the edit page loads it into the editor; nothing runs there either', async () => {
		await viewer.goto(`${xssUrl}/edit`);
		await expect(editorArea(viewer)).toContainText(xss.start);
		await expect(viewer.getByLabel(ky.material_title, { exact: true })).toHaveValue(xss.title);
		await expectNothingRan(viewer, dialogs, { within: '#field-body-area', markup: 'editor' });
		await expectNoHorizontalScroll(viewer);
	});

	await test.step('she offers it, and the leader opens it: nothing runs', async () => {
		await page.goto(xssUrl);
		await page.getByRole('button', { name: ky.material_offer, exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: ky.material_offered })).toBeVisible();

		const leader = await phone(true);
		await signIn(leader, teacher.email, teacher.password);
		const leaderDialogs = await watchForScripts(leader);
		await leader.goto(xssUrl);
		await expect(heading(leader)).toHaveText(xss.title);
		await expectNothingRan(leader, leaderDialogs);
		await expectNoHorizontalScroll(leader);
		await leader.getByRole('link', { name: ky.review_give, exact: true }).click();
		await expect(leader).toHaveURL(`${xssUrl}/review`);
		await expect(leader.getByRole('link', { name: `← ${xss.title}` })).toBeVisible();
		await expectNothingRan(leader, leaderDialogs, { within: 'main', markup: 'page' });
		await expectNoHorizontalScroll(leader);
		await leader.context().close();
	});

	if (!js) await viewer.context().close();
});

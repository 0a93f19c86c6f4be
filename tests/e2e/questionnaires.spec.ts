import { defaultForm } from '../../src/lib/server/domain/forms/defaults';
import { colleague, teacher } from './data';
import { expect, test } from './fixtures';
import { expectNoHorizontalScroll, heading, ky, openGroupTab, signIn } from './helpers';
import { adoptDefaultForm, groupWithMembers, sendQuestionnaire } from './seed';

// A questionnaire (§5.3): the leader sends the shipped "needs for methodological help" form to
// the members; the colleague saves part of her answers to finish later, is told what is still
// missing when she sends, and sends; the leader sees who answered, the summary per question
// as a chart with its table, and exports the answers as CSV with the Kyrgyz text intact.
// The questionnaire's page ships no JavaScript (plain forms); at 360 px.

const form = defaultForm('questionnaire', 'ky');
const question = (key: string) => {
	const field = form.fields.find((f) => f.key === key);
	if (!field) throw new Error(`the shipped questionnaire has no "${key}"`);
	return field;
};
const topics = question('topics');
const readiness = question('readiness');
const topic = 'options' in topics ? topics.options[4]! : '';
const title = 'Методикалык жардамга муктаждык: экинчи жарым жыл';

test('questionnaires: the colleague saves her answers, finishes them later and sends', async ({
	page,
	phone,
	seed
}) => {
	const world = await groupWithMembers(seed);
	const formUrl = await adoptDefaultForm(world.teacher, world.groupUrl, 'questionnaire');
	const in30Days = new Date(Date.now() + 30 * 24 * 3600_000).toISOString().slice(0, 10);
	await sendQuestionnaire(world.teacher, formUrl, { title, deadlineOn: in30Days });

	await signIn(page, colleague.email, colleague.password);
	await page.goto(world.groupUrl);
	await openGroupTab(page, ky.forms_tab, /\/forms$/);
	const listed = page.getByRole('listitem').filter({ hasText: title });
	await expect(listed).toContainText(ky.forms_q_yours);
	await listed.getByRole('link', { name: title }).click();
	await expect(heading(page)).toHaveText(title);

	// Part of it, to finish later: nothing is required yet.
	const ready = page.getByRole('group', { name: new RegExp(readiness.label) });
	await ready.getByRole('radio', { name: /^4$|^4\b/ }).check();
	await page.getByRole('button', { name: ky.forms_q_save_draft }).click();
	await expect(page.getByText(ky.forms_q_saved_draft)).toBeVisible();
	await page.reload();
	await expect(ready.getByRole('radio', { name: /^4$|^4\b/ })).toBeChecked();

	// Sending checks everything: the topics are still missing; what she chose is kept.
	await page.getByRole('button', { name: ky.forms_q_send, exact: true }).click();
	const topicsGroup = page.getByRole('group', { name: new RegExp(topics.label) });
	await expect(topicsGroup).toHaveAccessibleDescription(new RegExp(ky.error_required));
	await expect(ready.getByRole('radio', { name: /^4$|^4\b/ })).toBeChecked();
	await topicsGroup.getByRole('checkbox', { name: topic }).check();
	await page.getByRole('button', { name: ky.forms_q_send, exact: true }).click();
	await expect(page.getByText(ky.forms_q_sent)).toBeVisible();
	await expectNoHorizontalScroll(page);

	// The leader: who answered, the summary as a chart and a table, the CSV.
	const leader = await phone();
	await signIn(leader, teacher.email, teacher.password);
	await leader.goto(page.url().replace(/[?#].*$/, ''));
	const roster = leader.locator('section', {
		has: leader.getByRole('heading', { level: 2, name: ky.forms_q_roster })
	});
	await expect(roster.getByRole('listitem').filter({ hasText: colleague.fullName })).toContainText(
		ky.forms_q_status_submitted
	);
	await expect(leader.getByRole('img', { name: new RegExp(readiness.label) })).toBeVisible();
	const download = await leader.request.get(`${leader.url().replace(/[?#].*$/, '')}/responses.csv`);
	expect(download.status()).toBe(200);
	const csv = await download.text();
	expect(csv).toContain(colleague.fullName);
	expect(csv).toContain(topic);
	expect(csv).toContain(readiness.label);
	await expectNoHorizontalScroll(leader);
});

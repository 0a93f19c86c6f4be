import type { Page } from '@playwright/test';
import sharp from 'sharp';
import { colleague, motivation, type Person } from './data';
import { expect, test } from './fixtures';
import type { Visitor } from './forms';
import { expectNoHorizontalScroll, ky, signIn, type MessageKey } from './helpers';
import {
	acceptInvitation,
	acceptRequest,
	askToJoin,
	createGroup,
	setUpSchool,
	type Seeder
} from './seed';

// Issue 17, faces: a profile photo uploaded on /profile shows there, on the members page and
// on the person's posts; removed, the initials come back. /profile fits a phone with a long
// address.

/** A catalog text by a key held in a variable (helpers.ts's `ky` checks it exists). */
const t = (key: string): string => ky[key as MessageKey];

/** The group's leader, whose address is 60 characters long (as some school addresses are). */
const leader: Person = {
	fullName: 'Нурлан Үсөнов',
	email: 'nurlan.usonov.matematika.mugalimi.karakol@umot-mektebi-03.kg',
	password: 'Ысык-Көлдүн суусу тунук 7'
};

/** The school, the leader and a colleague (invited through the Staff page, redirect after post). */
async function groupWithThread(seed: Seeder) {
	const adminVisitor = await seed.anonymous();
	await setUpSchool(adminVisitor);
	const visitors: Visitor[] = [];
	for (const person of [leader, colleague]) {
		const done = await adminVisitor.submit('/admin/staff', {
			action: '?/invite',
			fields: { email: person.email }
		});
		const page = done.page ?? (await adminVisitor.open(done.location!));
		const url = page.text(page.byClass('copy')[0]!);
		const visitor = await seed.anonymous();
		await acceptInvitation(visitor, url, person);
		visitors.push(visitor);
	}
	const [leaderVisitor, colleagueVisitor] = visitors as [Visitor, Visitor];
	const groupUrl = new URL(await createGroup(adminVisitor, leader), adminVisitor.baseURL).href;
	await askToJoin(colleagueVisitor, groupUrl, motivation);
	await acceptRequest(leaderVisitor, groupUrl, colleague);
	const started = await leaderVisitor.submit(`${groupUrl}/discussions`, {
		action: '?/start',
		fields: {
			title: 'Окуу сабаттуулугу боюнча ой бөлүшөлү',
			body: 'Баарыңыздын пикириңизди күтөм.'
		}
	});
	return { groupUrl, threadUrl: started.location! };
}

/** A real photo: a landscape picture, cropped to a square on upload. */
const photo = async () => ({
	name: 'мен.png',
	mimeType: 'image/png',
	buffer: await sharp({ create: { width: 640, height: 400, channels: 3, background: '#1f6f8b' } })
		.png()
		.toBuffer()
});

const photoOf = (page: Page, scope = page.locator('main')) =>
	scope.locator(`img.avatar[src*="/photo?v="]`);

async function faces(page: Page, seed: Seeder, shot: (name: string) => string) {
	const { groupUrl, threadUrl } = await groupWithThread(seed);
	await signIn(page, leader.email, leader.password);

	await page.goto('/profile');
	await expectNoHorizontalScroll(page);
	await expect(page.getByText(leader.email).first()).toBeVisible();
	// No photo yet: initials.
	await expect(page.locator('main .avatar.initials').first()).toHaveText('НҮ');
	await page.screenshot({ path: shot('profile-initials.png'), fullPage: true });

	// Not an image: a clear message, the page still there.
	await page.getByLabel(t('faces_photo_label')).setInputFiles({
		name: 'notes.png',
		mimeType: 'image/png',
		buffer: Buffer.from('бул сүрөт эмес')
	});
	await page.getByRole('button', { name: t('faces_photo_upload') }).click();
	await expect(page.getByText(t('faces_error_photo_not_image'))).toBeVisible();

	await page.getByLabel(t('faces_photo_label')).setInputFiles(await photo());
	await page.getByRole('button', { name: t('faces_photo_upload') }).click();
	await expect(page.getByText(t('faces_photo_saved'))).toBeVisible();
	await expect(page).toHaveURL(/\/profile$/);
	await expect(photoOf(page).first()).toBeVisible();
	// Visible comes before loaded: wait for the picture itself (the 256 px size).
	await expect
		.poll(() =>
			photoOf(page)
				.first()
				.evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))
		)
		.toBe(256);
	await expectNoHorizontalScroll(page);
	await page.screenshot({ path: shot('profile-photo.png'), fullPage: true });

	await page.goto(`${groupUrl}/members`);
	const leaderRow = page.locator('li.person', { hasText: leader.fullName });
	await expect(photoOf(page, leaderRow)).toBeVisible();
	await expect(
		page.locator('li.person', { hasText: colleague.fullName }).locator('.initials')
	).toHaveText('ГТ');
	await expectNoHorizontalScroll(page);
	await page.screenshot({ path: shot('members.png'), fullPage: true });

	await page.goto(threadUrl);
	// The author's face on the post: the photo itself.
	await expect(photoOf(page, page.locator('article.post').first())).toBeVisible();
	await page.screenshot({ path: shot('post.png'), fullPage: true });

	await page.goto('/profile');
	await page.getByRole('button', { name: t('faces_photo_remove') }).click();
	await expect(page.getByText(t('faces_photo_removed'))).toBeVisible();
	await expect(photoOf(page)).toHaveCount(0);
	await expect(page.locator('main .avatar.initials').first()).toHaveText('НҮ');
	await page.goto(`${groupUrl}/members`);
	await expect(
		page.locator('li.person', { hasText: leader.fullName }).locator('.initials')
	).toHaveText('НҮ');
}

test('a photo on the profile, the members page and posts; removed, initials (phone)', async ({
	page,
	seed
}, testInfo) => {
	await faces(page, seed, (name) => testInfo.outputPath(name));
});

test.describe('wide screen', () => {
	test.use({ viewport: { width: 1280, height: 800 } });
	test('a photo on the profile, the members page and posts; removed, initials', async ({
		page,
		seed
	}, testInfo) => {
		await faces(page, seed, (name) => testInfo.outputPath(name));
	});
});

import { test } from '@playwright/test';
import { ky, signIn, openMenu } from './helpers';
test('debug menu', async ({ page }, testInfo) => {
	test.skip(testInfo.project.name !== 'js');
	await signIn(page, 'nurlan@mektep.kg', 'Ысык-Көлдүн суусу тунук 7');
	const menu = await openMenu(page, ky);
	const log: string[] = [];
	const t0 = Date.now();
	const sample = async (label: string) =>
		log.push(
			`${Date.now() - t0} ${label} url=${page.url()} open=${await page.evaluate(() => document.querySelector('details.menu')?.hasAttribute('open'))}`
		);
	await menu.getByRole('link', { name: ky.nav_profile, exact: true }).click();
	for (let i = 0; i < 10; i++) {
		await sample('after click');
		await page.waitForTimeout(100);
	}
	await page.locator('summary').click();
	for (let i = 0; i < 10; i++) {
		await sample('after summary');
		await page.waitForTimeout(100);
	}
	console.log(log.join('\n'));
});

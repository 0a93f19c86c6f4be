import { expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import { editorArea } from './helpers';

// The rich-text editor loads when it is opened (issue 17: "Format text" above the body's
// textarea), except on a body that already holds formatting. With JavaScript, a spec that
// types into the editor on an empty body opens it first.

/** The button's text, from the catalog (messages/ky.json). */
function openLabel(): string {
	for (const file of ['../../messages/ky.json', '../../messages/ky.json']) {
		const catalog = JSON.parse(fs.readFileSync(new URL(file, import.meta.url), 'utf8')) as Record<
			string,
			unknown
		>;
		const text = catalog.quality_editor_open;
		if (typeof text === 'string') return text;
	}
	throw new Error('no message "quality_editor_open"');
}

/** Opens the body's editor ("Format text") and waits until it takes typing. */
export async function openEditor(page: Page): Promise<void> {
	await page.getByRole('button', { name: openLabel(), exact: true }).click();
	await expect(editorArea(page)).toBeVisible();
}

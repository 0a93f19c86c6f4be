import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { removeExpiredFormResults } from '../jobs/cleanup';
import { useTestDatabase } from '../test/vitest';
import { keepFormResult, MAX_RESULT_BYTES, pageAddress, takeFormResult } from './form-results';

const t = useTestDatabase();

/** Cookies as SvelteKit's: the one a browser sends back, and what was deleted. */
function jar(value?: string) {
	const deleted: string[] = [];
	const cookies = {
		get: (name: string) => (name === 'ustat_result' ? value : undefined),
		delete: (name: string) => void deleted.push(name)
	} as unknown as Cookies;
	return { cookies, deleted };
}

describe('form results (redirect after post)', () => {
	it('the page address drops only the action', () => {
		expect(pageAddress(new URL('http://x/groups/1/charter?/save'))).toBe('/groups/1/charter');
		expect(pageAddress(new URL('http://x/materials?subject=math&/save'))).toBe(
			'/materials?subject=math'
		);
	});

	it('is shown once, on its own page, and only before it expires', async () => {
		const key = (await keepFormResult('/groups/1/charter?x=1', { result: { saved: 2 } }, t.db))!;
		const other = jar(key);
		expect(await takeFormResult(other.cookies, new URL('http://x/home'), t.db)).toBeNull();
		expect(other.deleted).toEqual([]);

		const page = jar(key);
		const url = new URL('http://x/groups/1/charter');
		expect(await takeFormResult(page.cookies, url, t.db)).toEqual({ result: { saved: 2 } });
		expect(page.deleted).toEqual(['ustat_result']);
		expect(await takeFormResult(jar(key).cookies, url, t.db)).toBeNull();

		const late = (await keepFormResult('/a', { result: 1 }, t.db))!;
		await t.db
			.updateTable('formResults')
			.set({ expiresAt: new Date(Date.now() - 1) })
			.execute();
		expect(await takeFormResult(jar(late).cookies, new URL('http://x/a'), t.db)).toBeNull();
	});

	it('keeps nothing too large, and sweeps what nobody came back for', async () => {
		const huge = 'ж'.repeat(MAX_RESULT_BYTES);
		expect(await keepFormResult('/a', { result: huge }, t.db)).toBeNull();
		await keepFormResult('/b', { result: 1 }, t.db);
		await removeExpiredFormResults(t.db, new Date(Date.now() + 120_000));
		const left = await t.db.selectFrom('formResults').select('id').execute();
		expect(left).toEqual([]);
	});
});

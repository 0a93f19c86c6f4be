// Issue 16, finding 2: conversions run in a worker with time and memory limits; the thread
// that serves requests stays responsive, and a killed worker is replaced for the next file.
import { afterAll, describe, expect, it } from 'vitest';
import { appError } from '../../test/expect-error';
import { teacherDocx } from '../../test/docx-fixtures';
import { DOCX_CONVERT_LIMITS } from '../docx-guard';
import { paragraphFloodDocx, paragraphsDocx } from '../hostile-docx';
import { importDocx } from '../import-docx';
import { convertDocx, stopConvertWorker } from './convert';

afterAll(() => stopConvertWorker());

/** The longest gap between ticks of a 10 ms interval while `work` runs. */
async function maxLagMs(work: () => Promise<unknown>): Promise<number> {
	let last = performance.now();
	let max = 0;
	const timer = setInterval(() => {
		const now = performance.now();
		max = Math.max(max, now - last - 10);
		last = now;
	}, 10);
	try {
		await work();
	} finally {
		clearInterval(timer);
	}
	return max;
}

describe('convertDocx (worker thread)', () => {
	it('gives the same result as converting here, and inline pictures for a preview', async () => {
		const bytes = await teacherDocx();
		const [here, imported, preview] = [
			await importDocx(bytes),
			await convertDocx(bytes, 'import'),
			await convertDocx(bytes, 'preview')
		];
		expect(imported.html).toBe(here.html);
		expect(imported.images.map((i) => i.bytes.length)).toEqual(
			here.images.map((i) => i.bytes.length)
		);
		expect(imported.warnings).toEqual(here.warnings);
		expect(preview.images).toEqual([]);
		expect(preview.html).toMatch(/<img[^>]+src="data:image\/png;base64,/);
	}, 60_000);

	it('keeps this thread responsive while a large document converts', async () => {
		const bytes = paragraphsDocx(15_000);
		await convertDocx(await teacherDocx(), 'import'); // a warm worker
		const lag = await maxLagMs(() => convertDocx(bytes, 'import'));
		console.log(`event loop lag while converting 15,000 paragraphs: ${lag.toFixed(0)} ms`);
		expect(lag).toBeLessThan(200);
	}, 60_000);

	it('refuses the 19 MB paragraph flood with a translated limit, not an exception', async () => {
		const error = await appError(convertDocx(paragraphFloodDocx(19), 'preview'));
		expect(error).toMatchObject({
			code: 'invalid',
			field: 'docx',
			messageKey: 'docx_error_too_many_paragraphs',
			params: { max: DOCX_CONVERT_LIMITS.maxParagraphs }
		});
	}, 30_000);

	it('ends a conversion past its time limit, and the next file gets a fresh worker', async () => {
		const slow = paragraphsDocx(15_000);
		const started = performance.now();
		const error = await appError(convertDocx(slow, 'import', { timeoutMs: 50 }));
		expect(error).toMatchObject({
			code: 'invalid',
			messageKey: 'docx_error_too_slow',
			field: 'docx'
		});
		expect(performance.now() - started).toBeLessThan(2_000);
		const next = await convertDocx(await teacherDocx(), 'import');
		expect(next.html).toContain('<h2>');
	}, 60_000);

	it('refuses files queued behind too many others as busy (429), not by waiting forever', async () => {
		const bytes = await teacherDocx();
		const results = await Promise.allSettled(
			Array.from({ length: 12 }, () => convertDocx(bytes, 'import'))
		);
		const refused = results.filter((r) => r.status === 'rejected');
		expect(refused.length).toBeGreaterThan(0);
		for (const r of refused)
			expect((r as PromiseRejectedResult).reason).toMatchObject({
				code: 'rate_limited',
				messageKey: 'docx_error_busy'
			});
		expect(results.filter((r) => r.status === 'fulfilled').length).toBeGreaterThan(0);
	}, 120_000);
});

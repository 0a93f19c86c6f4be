// Issue 16, finding 2: a small Word file must be refused from its headers or while it is
// being inflated, quickly and in bounded memory, before mammoth parses anything.
import { describe, expect, it } from 'vitest';
import { appError } from '../test/expect-error';
import { teacherDocx } from '../test/docx-fixtures';
import { DOCX_CONVERT_LIMITS, inspectDocx, isUnsafePartName } from './docx-guard';
import {
	badNameDocx,
	docxOf,
	duplicatePartDocx,
	hugeDocumentDocx,
	manyPartsDocx,
	paragraph,
	paragraphFloodDocx,
	paragraphsDocx,
	withDeclaredSize
} from './hostile-docx';
import { importDocx } from './import-docx';

/** The refusal of `bytes` by importDocx, with how long it took and how much RSS grew (MB). */
async function refusal(bytes: Uint8Array) {
	const rss = process.memoryUsage().rss;
	const started = performance.now();
	const error = await appError(importDocx(bytes));
	return {
		error,
		ms: performance.now() - started,
		rssMb: (process.memoryUsage().rss - rss) / 1024 / 1024
	};
}

describe('a hostile .docx is refused before mammoth', () => {
	it('refuses the finding’s 19 MB of tiny paragraphs by the paragraph limit, in well under a second', async () => {
		const flood = paragraphFloodDocx(19);
		expect(flood.length).toBeLessThan(100 * 1024);
		const { error, ms } = await refusal(flood);
		expect(error).toMatchObject({
			code: 'invalid',
			messageKey: 'docx_error_too_many_paragraphs',
			field: 'docx',
			params: { max: DOCX_CONVERT_LIMITS.maxParagraphs }
		});
		console.log(`19 MB of paragraphs (${flood.length} bytes) refused in ${ms.toFixed(0)} ms`);
		expect(ms).toBeLessThan(1_500);
	}, 20_000);

	it('refuses a document declaring 190 MB from its headers alone, without inflating it', async () => {
		const bomb = hugeDocumentDocx(190);
		expect(bomb.length).toBeLessThan(300 * 1024);
		const { error, ms, rssMb } = await refusal(bomb);
		expect(error).toMatchObject({ messageKey: 'docx_error_part_too_large', params: { max: 20 } });
		console.log(`190 MB declared refused in ${ms.toFixed(1)} ms, RSS +${rssMb.toFixed(1)} MB`);
		expect(ms).toBeLessThan(200);
		expect(rssMb).toBeLessThan(30);
	}, 20_000);

	it('stops inflating a part whose headers lie (declared 1 KB, 190 MB inside) at its limit', async () => {
		const liar = hugeDocumentDocx(190, 1024, 'spaces');
		const { error, ms, rssMb } = await refusal(liar);
		expect(error).toMatchObject({ messageKey: 'docx_error_part_too_large', params: { max: 20 } });
		console.log(`lying 190 MB refused in ${ms.toFixed(0)} ms, RSS +${rssMb.toFixed(1)} MB`);
		expect(ms).toBeLessThan(2_000);
		expect(rssMb).toBeLessThan(80);
	}, 20_000);

	it('stops at the total limit when the parts together unpack to too much', async () => {
		const parts: Record<string, Uint8Array> = {};
		for (let i = 0; i < 4; i++) parts[`word/media/big${i}.bin`] = new Uint8Array(19 * 1024 * 1024);
		const bytes = docxOf(paragraph('x'), parts);
		const { error } = await refusal(withDeclaredSize(bytes, 'word/media/big3.bin', 10));
		expect(error).toMatchObject({
			messageKey: 'docx_error_unpacked_too_large',
			params: { max: 64 }
		});
	}, 20_000);

	it('refuses too many parts, naming the limit', async () => {
		const { error } = await refusal(manyPartsDocx(DOCX_CONVERT_LIMITS.maxEntries));
		expect(error).toMatchObject({
			messageKey: 'docx_error_too_many_parts',
			params: { max: DOCX_CONVERT_LIMITS.maxEntries }
		});
	});

	it.each([
		'../evil.xml',
		'/etc/passwd',
		'word\\..\\x.xml',
		'C:/x.xml',
		'word/a\u0000.xml',
		'a/./b'
	])('refuses a part named %j (zip-slip, absolute, separators, NUL)', async (name) => {
		expect(isUnsafePartName(name)).toBe(true);
		const { error } = await refusal(badNameDocx(name));
		expect(error).toMatchObject({ messageKey: 'docx_error_bad_part_name', field: 'docx' });
	});

	it('refuses two parts of one name', async () => {
		const { error } = await refusal(duplicatePartDocx());
		expect(error.messageKey).toBe('docx_error_bad_part_name');
	});

	it('refuses too many elements, counted in every XML part', async () => {
		const cells = '<w:r><w:rPr><w:b/></w:rPr><w:t>x</w:t></w:r>'.repeat(110_000);
		const { error } = await refusal(docxOf(`<w:p>${cells}</w:p>`));
		expect(error).toMatchObject({
			messageKey: 'docx_error_too_many_elements',
			params: { max: DOCX_CONVERT_LIMITS.maxElements }
		});
	});

	it('counts paragraphs of any namespace prefix, split across inflated pieces', async () => {
		const body = Array.from({ length: 5_000 }, (_, i) => `<x:p>${'y'.repeat(i % 97)}</x:p>`).join(
			''
		);
		const inspected = inspectDocx(docxOf(body));
		expect(inspected.paragraphs).toBe(5_000);
	});

	it('lets an ordinary lesson plan and a long document through', async () => {
		const plan = inspectDocx(await teacherDocx());
		expect(plan.paragraphs).toBeGreaterThan(5);
		const long = await importDocx(paragraphsDocx(10_000));
		expect(long.html.match(/<p>/g)).toHaveLength(10_000);
	}, 60_000);
});

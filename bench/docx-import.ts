// Times the Word import on a ~20-page lesson plan: `npx tsx bench/docx-import.ts`.
// Compares our importDocx (limits, sanitizing, warnings) on this thread, the same through the
// conversion worker (as imports and previews run since issue 16), and a bare mammoth run.
import mammoth from 'mammoth';
import { checkZipBudget } from '../src/lib/server/files/sniff';
import { DOCX_LIMITS } from '../src/lib/server/files/zip';
import { importDocx } from '../src/lib/server/richtext/import-docx';
import { convertDocx, stopConvertWorker } from '../src/lib/server/richtext/worker/convert';
import { htmlToText } from '../src/lib/server/richtext/sanitize';
import { longDocx } from '../src/lib/server/test/docx-fixtures';

const RUNS = 5;
// A page of lesson plan with a list and a table holds about this many words.
const WORDS_PER_PAGE = 350;

/** Times each of `runs` RUNS times, alternating them so that noise from the machine hits all. */
async function time(...runs: (() => Promise<unknown> | unknown)[]): Promise<number[][]> {
	const times: number[][] = runs.map(() => []);
	for (let i = 0; i < RUNS; i++) {
		for (const [n, run] of runs.entries()) {
			const started = performance.now();
			await run();
			times[n]?.push(performance.now() - started);
		}
	}
	return times;
}

const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const ms = (value: number) => `${value.toFixed(0)} ms`;

const bytes = await longDocx(20);
const result = await importDocx(bytes); // also warms up the code paths
const words = htmlToText(result.html).split(/\s+/).length;

const coldStart = performance.now();
await convertDocx(bytes, 'import'); // starts the worker
const cold = performance.now() - coldStart;
await convertDocx(bytes, 'import'); // warms the worker's code up, as this thread's was

const [ours = [], worker = [], bare = [], budget = []] = await time(
	() => importDocx(bytes),
	() => convertDocx(bytes, 'import'),
	() => mammoth.convertToHtml({ buffer: Buffer.from(bytes) }),
	() => checkZipBudget(bytes, DOCX_LIMITS)
);

console.log(
	`document:        ${(bytes.length / 1024).toFixed(0)} KB, ~${Math.round(words / WORDS_PER_PAGE)} pages (${words} words), ${result.images.length} images`
);
console.log(
	`importDocx:      median ${ms(median(ours))}, max ${ms(Math.max(...ours))} (${RUNS} runs)`
);
console.log(
	`through the worker: median ${ms(median(worker))}, max ${ms(Math.max(...worker))} (warm; first file with the worker's start: ${ms(cold)})`
);
console.log(`  zip budget check alone: median ${ms(median(budget))}`);
console.log(`bare mammoth:    median ${ms(median(bare))}, max ${ms(Math.max(...bare))}`);
console.log(`ratio:           ${(median(ours) / median(bare)).toFixed(2)}× bare mammoth`);
stopConvertWorker();

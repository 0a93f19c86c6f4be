// Times the rendering of a 150-material collection (about 300 pages) to DOCX and PDF, through
// the worker as the app does it: `npx tsx bench/collection-render.ts [materials]`.
// Prints one JSON line: {"docx_s":…,"pdf_s":…,"pdf_pages":…,"peak_rss_mb":…, …}. Target: each
// ≤ 5 s on 2 cores. The peak RSS is the process's, worker included.
import { renderCollection } from '../src/lib/server/export/collection/render';
import { syntheticCollection } from '../src/lib/server/export/collection/synthetic';

const materials = Number(process.argv[2] ?? 150);
const { model, readImage } = await syntheticCollection(materials);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const result = await renderCollection(model, readImage);
const total = (performance.now() - started) / 1000;
// CPU time of the whole process (worker and Typst's threads included): unlike the wall times it
// doesn't depend on what else the machine is doing.
const cpu = process.cpuUsage(cpuBefore);
const round = (value: number) => Math.round(value * 100) / 100;

console.log(
	JSON.stringify({
		docx_s: round(result.docxMs / 1000),
		pdf_s: round(result.pdfMs / 1000),
		pdf_pages: result.pdfPages,
		peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
		total_s: round(total),
		cpu_s: round((cpu.user + cpu.system) / 1e6),
		docx_mb: round(result.docx.byteLength / 2 ** 20),
		pdf_mb: round(result.pdf.byteLength / 2 ** 20)
	})
);

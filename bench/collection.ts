// `npm run bench:collection`: how long the app takes to compile a 150-material collection
// (about 300 pages) to DOCX and PDF, how much memory it takes, and how much slower other
// pages answer meanwhile — measured on the running app, as a teacher would meet it.
//
// Method
//   1. Builds the app if its sources changed, starts it (`scripts/start.js`, its own job
//      runner and render worker) on a fresh temporary SQLite data folder.
//   2. Seeds, through the real use cases: a school, a group with a leader and four members,
//      150 accepted materials of about two A4 pages each (Kyrgyz text with headings, lists, a
//      table, a quote; a picture in every tenth; from export/collection/synthetic.ts), and a
//      collection of them in six sections.
//   3. Baseline: for BENCH_SECONDS (8) s, an open-loop load of BENCH_RATE (20) requests per
//      second of the group's list of collections (a real signed-in page reading the database)
//      with the leader's cookie; the latency of each request is recorded.
//   4. Compile: POSTs the "compile" form as the leader, then runs the same load until the
//      edition is done; records each request's latency and samples the server's RSS.
//   5. Figures: DOCX and PDF seconds as the render worker timed them (docx_ms, pdf_ms of the
//      edition), the PDF's pages, the server process's peak RSS (VmHWM, worker thread
//      included), and p95 during the compile / p95 of the baseline.
// Output: a table, then ONE JSON line
//   {"docx_s":…,"pdf_s":…,"pdf_pages":…,"peak_rss_mb":…,"p95_ratio":…, extra keys}
// Targets: each document ≤ 5 s on 2 cores; p95 ratio ≤ 2. Exit code 0 when measured.
import fs from 'node:fs';
import { buildIfNeeded } from '../scripts/lib/build.js';
import { addItem } from '../src/lib/server/domain/collections/add-item';
import { addSection } from '../src/lib/server/domain/collections/add-section';
import { createCollection } from '../src/lib/server/domain/collections/create-collection';
import { createGroup } from '../src/lib/server/domain/groups/create-group';
import { asId, type GroupId, type SubjectId } from '../src/lib/server/domain/ids';
import { createMaterial } from '../src/lib/server/domain/materials/create-material';
import { decideMaterial } from '../src/lib/server/domain/materials/decide-material';
import { offerMaterial } from '../src/lib/server/domain/materials/offer-material';
import { setupDeployment } from '../src/lib/server/domain/schools/setup-deployment';
import { EDITION_IMAGE } from '../src/lib/server/export/collection/model';
import { syntheticCollection } from '../src/lib/server/export/collection/synthetic';
import { createDiskStore } from '../src/lib/server/storage/disk';
import { ctxOf } from '../src/lib/server/test/context';
import { actorOf, makeUser, sessionTokenFor } from '../src/lib/server/test/factories';
import { anonymousCtxOf, ctxOf } from '../src/lib/server/test/context';
import { charter, join } from '../src/lib/server/test/groups';
import { ctxWithStore } from '../src/lib/server/test/materials';
import { startTestServer } from '../src/lib/server/test/server';
import { sessionCookie } from '../src/lib/server/domain/accounts/sessions';
import path from 'node:path';

const MATERIALS = Number(process.env.BENCH_MATERIALS ?? 150);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

buildIfNeeded();
const server = await startTestServer({ env: { LOG_LEVEL: 'warn' } });
try {
	// ---------------------------------------------------------------- seed
	const seedStarted = performance.now();
	const db = server.db;
	const files = createDiskStore(path.join(server.dataDir, 'files'));
	const { schoolId, userId } = await setupDeployment(anonymousCtxOf(db), {
		name: '5-мектеп',
		region: 'KG-GB',
		city: 'Бишкек',
		fullName: 'Гүлмира Асанбекова',
		email: 'admin@bench.kg',
		password: 'bench-password-2026',
		locale: 'ky'
	});
	const admin = actorOf(
		await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow()
	);
	const leaderUser = await makeUser(db, {
		schoolId,
		role: 'teacher',
		fullName: 'Айгүл Өмүрбекова'
	});
	const leader = actorOf(leaderUser);
	const { groupId } = await createGroup(ctxOf(db, admin), {
		...charter,
		schoolId,
		startedOn: '2026-09-01',
		leaderId: leader.id
	});
	const authors = [leader];
	for (const name of ['Нурлан Үсөнов', 'Жылдыз Токтогулова', 'Үмүт Сарыбаева', 'Бакыт Жумабаев']) {
		const member = actorOf(await makeUser(db, { schoolId, role: 'teacher', fullName: name }));
		await join(db, leader, groupId, member);
		authors.push(member);
	}
	const { model, images } = await syntheticCollection(MATERIALS);
	const dataUri = (key: string) =>
		`data:image/png;base64,${Buffer.from(images.get(key) ?? new Uint8Array()).toString('base64')}`;
	const ctx = ctxOf(db, leader);
	const { collectionId } = await createCollection(ctx, {
		groupId: asId<GroupId>(groupId),
		title: model.title,
		subtitle: model.subtitle,
		year: model.year,
		language: 'ky',
		preface: model.preface.join('\n'),
		reviewers: model.reviewers
	});
	const ids = { groupId: asId<GroupId>(groupId), collectionId };
	let n = 0;
	for (const section of model.sections) {
		const { sectionId } = await addSection(ctx, {
			...ids,
			title: section.title,
			intro: section.intro.join('\n')
		});
		for (const item of section.items) {
			const author = authors[n++ % authors.length]!;
			const body = item.bodyHtml.replaceAll(
				new RegExp(`${EDITION_IMAGE}([0-9a-f]{64})`, 'g'),
				(_, key: string) => dataUri(key)
			);
			const group = asId<GroupId>(groupId);
			const { materialId } = await createMaterial(ctxWithStore(db, author, files), {
				groupId: group,
				type: 'lesson_plan',
				title: item.title,
				language: 'ky',
				abstract: item.abstract.join('\n'),
				body,
				subjects: [asId<SubjectId>('kyrgyz-language')],
				grades: [5, 6],
				tags: [],
				coauthors: []
			});
			await offerMaterial(ctxOf(db, author), { groupId: group, materialId });
			await decideMaterial(ctxOf(db, leader), {
				groupId: group,
				materialId,
				to: 'accepted',
				version: 1,
				reason: 'Жыйындыга.'
			});
			await addItem(ctx, { ...ids, materialId, sectionId });
		}
	}
	const seedSeconds = (performance.now() - seedStarted) / 1000;
	const cookie = `${sessionCookie}=${await sessionTokenFor(db, leaderUser)}`;
	// "Other pages": the group's list of collections, an ordinary signed-in page reading the
	// database (the editor page of a 150-material collection is itself heavy: ~50 ms).
	const page = `${server.url}/groups/${groupId}/collections`;
	const editor = `${server.url}/groups/${groupId}/collections/${collectionId}`;

	// ---------------------------------------------------------------- load
	const pid = server.process.pid!;
	const status = (field: string) =>
		Number(
			new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ??
				0
		) / 1024;

	/** Open-loop load at RATE/s until `until()` is true; each request's latency in ms. */
	async function load(until: () => boolean | Promise<boolean>): Promise<number[]> {
		const latencies: number[] = [];
		const pending: Promise<void>[] = [];
		const started = performance.now();
		let sent = 0;
		while (!(await until())) {
			const due = started + (sent * 1000) / RATE;
			const wait = due - performance.now();
			if (wait > 0) await new Promise((r) => setTimeout(r, wait));
			sent++;
			pending.push(
				(async () => {
					const t0 = performance.now();
					const response = await fetch(page, { headers: { cookie } });
					await response.arrayBuffer();
					if (response.status !== 200) throw new Error(`GET ${page}: ${response.status}`);
					latencies.push(performance.now() - t0);
				})()
			);
		}
		await Promise.all(pending);
		return latencies;
	}
	const p95 = (values: number[]) => {
		const sorted = [...values].sort((a, b) => a - b);
		return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
	};

	await load(
		(
			(end) => () =>
				performance.now() > end
		)(performance.now() + 2000)
	); // warm-up
	const baseline = await load(
		(
			(end) => () =>
				performance.now() > end
		)(performance.now() + SECONDS * 1000)
	);

	const compileStarted = performance.now();
	const posted = await fetch(`${editor}?/compile`, {
		method: 'POST',
		headers: {
			cookie,
			origin: server.url,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		},
		body: '',
		redirect: 'manual'
	});
	if (posted.status !== 303) throw new Error(`compile: ${posted.status} ${await posted.text()}`);
	let peakRss = status('VmRSS');
	let state = 'queued';
	let lastCheck = 0;
	const during = await load(async () => {
		if (performance.now() - lastCheck < 200) return false;
		lastCheck = performance.now();
		peakRss = Math.max(peakRss, status('VmRSS'));
		const edition = await db
			.selectFrom('collectionEditions')
			.select('status')
			.where('collectionId', '=', collectionId)
			.executeTakeFirstOrThrow();
		state = edition.status;
		return state === 'done' || state === 'failed';
	});
	const compileSeconds = (performance.now() - compileStarted) / 1000;
	if (state !== 'done') throw new Error(`the compile ${state}:\n${server.output().slice(-4000)}`);
	const edition = await db
		.selectFrom('collectionEditions')
		.select(['docxMs', 'pdfMs', 'pdfPages', 'docxSize', 'pdfSize'])
		.where('collectionId', '=', collectionId)
		.executeTakeFirstOrThrow();

	const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
	const result = {
		docx_s: round(Number(edition.docxMs) / 1000),
		pdf_s: round(Number(edition.pdfMs) / 1000),
		pdf_pages: Number(edition.pdfPages),
		peak_rss_mb: Math.round(Math.max(peakRss, status('VmHWM'))),
		p95_ratio: round(p95(during) / p95(baseline)),
		baseline_p95_ms: round(p95(baseline), 1),
		compile_p95_ms: round(p95(during), 1),
		baseline_requests: baseline.length,
		compile_requests: during.length,
		compile_wall_s: round(compileSeconds),
		materials: MATERIALS,
		docx_mb: round(Number(edition.docxSize) / 2 ** 20),
		pdf_mb: round(Number(edition.pdfSize) / 2 ** 20),
		seed_s: round(seedSeconds, 1)
	};
	const rows: [string, string, string][] = [
		['DOCX', `${result.docx_s} s`, '≤ 5 s'],
		['PDF', `${result.pdf_s} s (${result.pdf_pages} pages)`, '≤ 5 s'],
		['peak RSS (server)', `${result.peak_rss_mb} MB`, ''],
		[
			'p95 of other pages',
			`${result.baseline_p95_ms} → ${result.compile_p95_ms} ms (×${result.p95_ratio})`,
			'≤ 2×'
		],
		['compile, click to done', `${result.compile_wall_s} s`, '']
	];
	for (const [name, value, target] of rows)
		console.log(`${name.padEnd(24)} ${value.padEnd(40)} ${target}`);
	console.log(JSON.stringify(result));
} finally {
	await server.stop();
}

// `npm run bench:forms`: a questionnaire with 30 questions and 2,000 sent responses; how fast
// the leader's questionnaire page (the summary per question with its 30 charts, the roster and
// the first page of the named table) and the XLSX export answer, against the group's home
// page in the same run, over HTTP on the real server.
//
// Method
//   1. Builds the app if its sources changed, starts it (`scripts/start.js`) on a fresh
//      temporary SQLite data folder.
//   2. Seeds: a school, a group with a leader, 2,000 members (rows written in batches: the
//      bench is about reading), a 30-question form built through the real use cases
//      (scales, choices, numbers, dates, texts), the questionnaire sent through the use case,
//      and 2,000 sent responses with varied answers (batched rows, JSON as the use case writes).
//   3. Warm-up, then BENCH_REQUESTS (40) sequential GETs of each page, alternating the home
//      page and the summary page so that noise hits both; p95 of each.
//   4. XLSX: BENCH_EXPORTS (3) downloads of responses.xlsx, the median wall time (request to
//      last byte).
// Output: a table, then ONE JSON line {"summary_ms_p95":…,"xlsx_s":…,"home_ms_p95":…, extra}.
// Targets: summary p95 ≤ 3 × home p95; XLSX ≤ 2 s.
import { buildIfNeeded } from '../scripts/lib/build.js';
import { startBenchServer } from './lib/server';
import { sessionCookie } from '../src/lib/server/domain/accounts/sessions';
import { newId } from '../src/lib/server/db/ids';
import { addField } from '../src/lib/server/domain/forms/add-field';
import { createForm } from '../src/lib/server/domain/forms/create-form';
import type { Answers } from '../src/lib/server/domain/forms/answers';
import type { AddFieldInput } from '../src/lib/server/domain/forms/input';
import { sendQuestionnaire } from '../src/lib/server/domain/forms/send-questionnaire';
import { groupFormFor } from '../src/lib/server/domain/forms/group-forms';
import { createGroup } from '../src/lib/server/domain/groups/create-group';
import { asId, type GroupId } from '../src/lib/server/domain/ids';
import { setupDeployment } from '../src/lib/server/domain/schools/setup-deployment';
import { anonymousCtxOf, ctxOf } from '../src/lib/server/test/context';
import { actorOf, makeUser, sessionTokenFor } from '../src/lib/server/test/factories';
import { charter } from '../src/lib/server/test/groups';

const RESPONSES = Number(process.env.BENCH_RESPONSES ?? 2000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
const EXPORTS = Number(process.env.BENCH_EXPORTS ?? 3);

/** The built app on a fresh SQLite data folder (bench/lib/server.ts). */
async function startServer() {
	const server = await startBenchServer('forms');
	return { ...server, db: server.handle.db };
}

buildIfNeeded();
const server = await startServer();
try {
	const seedStarted = performance.now();
	const db = server.db;
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
	const leader = ctxOf(db, actorOf(leaderUser));
	const { groupId } = await createGroup(ctxOf(db, admin), {
		...charter,
		schoolId,
		startedOn: '2026-09-01',
		leaderId: leaderUser.id
	});
	const group = asId<GroupId>(groupId);
	// A second, ordinary group (the leader alone): its home page is the fair reference, since
	// the bench group's home page lists its 2,000 members.
	const { groupId: smallGroupId } = await createGroup(ctxOf(db, admin), {
		...charter,
		name: 'Башталгыч класстар',
		schoolId,
		startedOn: '2026-09-01',
		leaderId: leaderUser.id
	});

	// 2,000 members, written in batches.
	const now = new Date();
	const names = ['Нурлан', 'Жылдыз', 'Үмүт', 'Бакыт', 'Айгүл', 'Өмүр', 'Чыңгыз', 'Гүлнара'];
	const surnames = ['Үсөнов', 'Токтогулова', 'Сарыбаева', 'Жумабаев', 'Өмүрбекова', 'Теңизбаев'];
	const memberIds: string[] = [];
	for (let start = 0; start < RESPONSES; start += 200) {
		const users = Array.from({ length: Math.min(200, RESPONSES - start) }, (_, i) => {
			const n = start + i;
			return {
				...leaderUser,
				id: newId(),
				email: `m${n}@bench.kg`,
				fullName: `${names[n % names.length]} ${surnames[n % surnames.length]} ${n}`
			};
		});
		await db.insertInto('users').values(users).execute();
		await db
			.insertInto('groupMembers')
			.values(
				users.map((u) => ({ groupId, userId: u.id, role: 'member', joinedAt: now, leftAt: null }))
			)
			.execute();
		memberIds.push(...users.map((u) => u.id));
	}

	// The form: 30 questions through the builder's use cases.
	const { formId, versionId } = await createForm(leader, {
		groupId: group,
		purpose: 'questionnaire',
		title: 'Методикалык жардамга муктаждык',
		description: 'Жылдык сурамжылоо'
	});
	let ref = { groupId: group, formId, versionId, revision: 1 };
	const kinds: Partial<AddFieldInput>[] = [];
	for (let i = 0; i < 10; i++)
		kinds.push({
			type: 'scale',
			label: `Даярдык ${i + 1}: өз тажрыйбаңызды көрсөтүү`,
			scaleMax: i % 3 ? 5 : 10
		});
	for (let i = 0; i < 8; i++)
		kinds.push({
			type: 'single_choice',
			label: `Тандоо ${i + 1}`,
			options: 'Ооба\nЖок\nБилбейм\n=Формула эмес'
		});
	for (let i = 0; i < 4; i++)
		kinds.push({
			type: 'multiple_choice',
			label: `Темалар ${i + 1}`,
			options:
				'Калыптандыруучу баалоо\nДифференцияланган окутуу\nСанариптик куралдар\nДолбоордук окутуу\nФункционалдык сабаттуулук'
		});
	for (let i = 0; i < 4; i++)
		kinds.push({
			type: 'number',
			label: `Саат ${i + 1}`,
			unit: 'саат',
			min: 0,
			max: 100,
			decimals: 1
		});
	kinds.push({ type: 'date', label: 'Күнү' });
	kinds.push({ type: 'short_text', label: 'Кыска жооп' });
	kinds.push({ type: 'long_text', label: 'Пикир' });
	kinds.push({ type: 'long_text', label: 'Сунуштар' });
	for (const kind of kinds) {
		const changed = await addField(leader, { ...ref, label: 'x', ...kind } as AddFieldInput);
		ref = { ...ref, versionId: changed.versionId, revision: changed.revision };
	}
	const { questionnaireId } = await sendQuestionnaire(leader, {
		groupId: group,
		formId,
		title: 'Жылдык анкета',
		message: '',
		today: '2026-01-01'
	});
	const form = (await groupFormFor(db, groupId, 'questionnaire'))!;

	// 2,000 sent responses with varied answers.
	let seed = 7;
	const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
	for (let start = 0; start < RESPONSES; start += 200) {
		const rows = memberIds.slice(start, start + 200).map((respondentId) => {
			const answers: Answers = {};
			for (const f of form.fields) {
				if (f.type === 'scale') answers[f.key] = 1 + Math.floor(random() * f.scaleMax);
				else if (f.type === 'single_choice') answers[f.key] = pick(f.options);
				else if (f.type === 'multiple_choice')
					answers[f.key] = f.options.filter(() => random() < 0.4);
				else if (f.type === 'number') answers[f.key] = Math.round(random() * 1000) / 10;
				else if (f.type === 'date')
					answers[f.key] = `2026-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
				else if (f.type === 'short_text')
					answers[f.key] = pick(['Жакшы', 'Ңөү тамгалары', '=1+1', 'Абдан жакшы']);
				else
					answers[f.key] = 'Өз тажрыйбамды бөлүшкүм келет, бирок убакыт аз. Семинар жакшы болот.';
			}
			return {
				id: newId(),
				formVersionId: form.versionId,
				questionnaireId,
				respondentId,
				answers: JSON.stringify(answers),
				status: 'submitted',
				createdAt: now,
				updatedAt: now,
				submittedAt: now
			};
		});
		await db.insertInto('formResponses').values(rows).execute();
	}
	const seedSeconds = (performance.now() - seedStarted) / 1000;

	const cookie = `${sessionCookie}=${await sessionTokenFor(db, leaderUser)}`;
	const home = `${server.url}/groups/${groupId}`;
	const smallHome = `${server.url}/groups/${smallGroupId}`;
	const summary = `${server.url}/groups/${groupId}/questionnaires/${questionnaireId}`;
	const xlsx = `${summary}/responses.xlsx`;

	async function time(url: string): Promise<{ ms: number; bytes: number }> {
		const t0 = performance.now();
		const response = await fetch(url, { headers: { cookie } });
		const body = await response.arrayBuffer();
		if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
		return { ms: performance.now() - t0, bytes: body.byteLength };
	}
	const p95 = (values: number[]) => {
		const sorted = [...values].sort((a, b) => a - b);
		return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
	};
	const median = (values: number[]) =>
		[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

	for (let i = 0; i < 5; i++) {
		await time(home);
		await time(summary);
	}
	const homeMs: number[] = [];
	const smallHomeMs: number[] = [];
	const summaryMs: number[] = [];
	let summaryBytes = 0;
	let homeBytes = 0;
	for (let i = 0; i < REQUESTS; i++) {
		const h = await time(home);
		homeMs.push(h.ms);
		homeBytes = h.bytes;
		smallHomeMs.push((await time(smallHome)).ms);
		const s = await time(summary);
		summaryMs.push(s.ms);
		summaryBytes = s.bytes;
	}
	const xlsxMs: number[] = [];
	let xlsxBytes = 0;
	for (let i = 0; i < EXPORTS; i++) {
		const x = await time(xlsx);
		xlsxMs.push(x.ms);
		xlsxBytes = x.bytes;
	}

	const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
	const result = {
		summary_ms_p95: round(p95(summaryMs)),
		xlsx_s: round(median(xlsxMs) / 1000, 2),
		home_ms_p95: round(p95(homeMs)),
		ratio: round(p95(summaryMs) / p95(homeMs), 2),
		small_home_ms_p95: round(p95(smallHomeMs)),
		ratio_to_small_home: round(p95(summaryMs) / p95(smallHomeMs), 2),
		summary_ms_median: round(median(summaryMs)),
		home_ms_median: round(median(homeMs)),
		summary_kb: Math.round(summaryBytes / 1024),
		home_kb: Math.round(homeBytes / 1024),
		xlsx_kb: Math.round(xlsxBytes / 1024),
		responses: RESPONSES,
		questions: form.fields.length,
		seed_s: round(seedSeconds)
	};
	const rows: [string, string, string][] = [
		['home page p95', `${result.home_ms_p95} ms (${result.home_kb} KB: 2,000 members)`, ''],
		['small group home p95', `${result.small_home_ms_p95} ms`, ''],
		[
			'summary page p95',
			`${result.summary_ms_p95} ms (×${result.ratio}; ×${result.ratio_to_small_home} small)`,
			'≤ 3× home'
		],
		['XLSX export', `${result.xlsx_s} s (${result.xlsx_kb} KB)`, '≤ 2 s']
	];
	for (const [name, value, target] of rows)
		console.log(`${name.padEnd(20)} ${value.padEnd(32)} ${target}`);
	console.log(JSON.stringify(result));
} finally {
	await server.stop();
}

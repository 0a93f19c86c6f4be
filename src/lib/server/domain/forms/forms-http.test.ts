import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookie } from '../accounts/sessions';
import { createGroup } from '../groups/create-group';
import { type FormVersionId, type GroupId, type QuestionnaireId } from '../ids';
import { anonymousCtxOf, ctxOf } from '../../test/context';
import { setupDeployment } from '../schools/setup-deployment';
import { actorOf, makeSchool, makeUser, sessionTokenFor } from '../../test/factories';
import { charter, join } from '../../test/groups';
import { call, startTestServer, type TestServer } from '../../test/server';
import { adoptDefaultForm } from './adopt-default-form';
import { answerQuestionnaire } from './answer-questionnaire';
import { groupFormFor } from './group-forms';
import { sendQuestionnaire } from './send-questionnaire';

// Questionnaires over HTTP as browsers without JavaScript send them: the leader's page with the
// summary (SVG charts and the same figures as tables), the exports read back by parsers, the
// member who sees neither another member's answers nor, until shared, the summary.

let server: TestServer;
let groupId: GroupId;
let questionnaireId: QuestionnaireId;
const cookies: Record<'leader' | 'aida' | 'bolot' | 'admin' | 'other', string> = {} as never;
let version: { versionId: FormVersionId; revision: number };

beforeAll(async () => {
	server = await startTestServer();
	const db = server.db;
	// Set up (a deployment that is not redirects everything to /setup).
	const setup = await setupDeployment(anonymousCtxOf(db), {
		name: 'А мектеби',
		region: 'KG-GB',
		city: 'Бишкек',
		fullName: 'Гүлмира Асанбекова',
		email: 'admin@a.kg',
		password: 'forms-http-password-2026',
		locale: 'ky'
	});
	const school = { id: setup.schoolId };
	const other = await makeSchool(db);
	const admin = await db
		.selectFrom('users')
		.selectAll()
		.where('id', '=', setup.userId)
		.executeTakeFirstOrThrow();
	const leader = await makeUser(db, { schoolId: school.id, fullName: 'Айгүл Өмүрбекова' });
	const aida = await makeUser(db, { schoolId: school.id, fullName: 'Аида Үсөнова' });
	const bolot = await makeUser(db, { schoolId: school.id, fullName: 'Болот Теңизбаев' });
	const stranger = await makeUser(db, { schoolId: other.id, role: 'admin' });
	({ groupId } = await createGroup(ctxOf(db, actorOf(admin)), {
		...charter,
		schoolId: school.id,
		startedOn: '2026-09-01',
		leaderId: leader.id
	}));
	await join(db, actorOf(leader), groupId, actorOf(aida));
	await join(db, actorOf(leader), groupId, actorOf(bolot));
	for (const [kind, user] of [
		['leader', leader],
		['aida', aida],
		['bolot', bolot],
		['admin', admin],
		['other', stranger]
	] as const)
		cookies[kind] = `${sessionCookie}=${await sessionTokenFor(db, user)}`;
	const lead = ctxOf(db, actorOf(leader));
	const { formId } = await adoptDefaultForm(lead, {
		groupId,
		purpose: 'questionnaire',
		locale: 'ky'
	});
	const form = (await groupFormFor(db, groupId, 'questionnaire'))!;
	version = { versionId: form.versionId, revision: form.revision };
	({ questionnaireId } = await sendQuestionnaire(lead, {
		groupId,
		formId,
		title: 'Күзгү анкета',
		message: 'Жооп бериңиз',
		today: '2026-01-01'
	}));
	await answerQuestionnaire(ctxOf(db, actorOf(aida)), {
		groupId,
		questionnaireId,
		...version,
		values: {
			answer_topics: ['Калыптандыруучу баалоо', 'Санариптик куралдар'],
			answer_readiness: '4',
			answer_comment: '=HYPERLINK("x") Аиданын жеке пикири: ңөү'
		},
		send: true,
		today: '2026-01-01'
	});
}, 120_000);

afterAll(async () => {
	await server?.stop();
});

const page = () => `/groups/${groupId}/questionnaires/${questionnaireId}`;

describe('questionnaires over HTTP', () => {
	it('a member answers with JavaScript off: a failure keeps what was typed, then sends', async () => {
		const typed = {
			versionId: version.versionId,
			revision: String(version.revision),
			answer_topics: 'Долбоордук окутуу',
			answer_comment: 'Болоттун пикири',
			intent: 'send'
		};
		const failed = await call(server, `${page()}?/answer`, { cookie: cookies.bolot, form: typed });
		expect(failed.status).toBe(400);
		const html = await failed.text();
		expect(html).toContain('Болоттун пикири');
		expect(html).toMatch(
			/value="Долбоордук окутуу"[^>]*checked|checked[^>]*value="Долбоордук окутуу"/
		);
		expect(html).toContain('class="error-text"');
		const draft = await call(server, `${page()}?/answer`, {
			cookie: cookies.bolot,
			form: { ...typed, intent: 'draft' }
		});
		expect(draft.status).toBe(303);
		expect(draft.headers.get('location')).toContain('?draft=1');
		const stale = await call(server, `${page()}?/answer`, {
			cookie: cookies.bolot,
			form: { ...typed, revision: '99', answer_readiness: '2' }
		});
		expect(stale.status).toBe(409);
		expect(await stale.text()).toContain('Болоттун пикири');
		const sent = await call(server, `${page()}?/answer`, {
			cookie: cookies.bolot,
			form: { ...typed, answer_readiness: '2' }
		});
		expect(sent.status).toBe(303);
		expect(sent.headers.get('location')).toContain('?answered=1');
	});

	it("the leader's page: who answered, the named table, charts with their numbers and tables", async () => {
		const response = await call(server, page(), { cookie: cookies.leader });
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('Аида Үсөнова');
		expect(html).toContain('Аиданын жеке пикири');
		expect(html).toMatch(/<svg[^>]+role="img" aria-labelledby="dc/);
		// Readiness: 4 and 2 → mean 3, median 3; the chart and the table carry the counts.
		expect(html).toContain('Орточо: 3');
		expect(html).toContain('Медиана: 3');
		const start = html.indexOf('aria-labelledby="dc');
		const chart = html.slice(start, html.indexOf('</svg>', start));
		expect(chart).toContain('Калыптандыруучу баалоо');
		expect(chart).toMatch(/>1<\/text>/);
		expect(html).toMatch(/<th scope="row"[^>]*>Санариптик куралдар<\/th><td[^>]*>1<\/td>/);
	});

	it('a member never sees another member’s answers; once shared, only the summary', async () => {
		const before = await (await call(server, page(), { cookie: cookies.bolot })).text();
		expect(before).not.toContain('Аиданын жеке пикири');
		expect(before).not.toContain('aria-labelledby="dc');
		const shared = await call(server, `${page()}?/share`, {
			cookie: cookies.leader,
			form: { shared: 'true' }
		});
		expect(shared.status).toBe(303);
		const after = await (await call(server, page(), { cookie: cookies.bolot })).text();
		expect(after).toContain('aria-labelledby="dc');
		expect(after).not.toContain('Аиданын жеке пикири');
		expect(after).not.toContain('Аида Үсөнова');
		expect((await call(server, `${page()}/responses.csv`, { cookie: cookies.bolot })).status).toBe(
			403
		);
		expect((await call(server, page(), { cookie: cookies.other })).status).toBe(404);
		expect((await call(server, `${page()}/responses.xlsx`, { cookie: cookies.other })).status).toBe(
			404
		);
	});

	it('exports: CSV with BOM and XLSX with two sheets, Kyrgyz text intact, formulas neutralized', async () => {
		const csv = await call(server, `${page()}/responses.csv`, { cookie: cookies.admin });
		expect(csv.status).toBe(200);
		expect(csv.headers.get('content-type')).toContain('text/csv');
		const bytes = new Uint8Array(await csv.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = new TextDecoder().decode(bytes);
		expect(text).toContain('Аида Үсөнова');
		expect(text).toContain(`"'=HYPERLINK(""x"") Аиданын жеке пикири: ңөү"`);
		const xlsx = await call(server, `${page()}/responses.xlsx`, { cookie: cookies.leader });
		expect(xlsx.status).toBe(200);
		const book = new ExcelJS.Workbook();
		await book.xlsx.load(await xlsx.arrayBuffer());
		expect(book.worksheets.map((s) => s.name)).toEqual(['Жооптор', 'Жыйынтык']);
		const sheet = book.worksheets[0]!;
		const cells = sheet.getSheetValues().flat().map(String);
		expect(cells).toContain(`'=HYPERLINK("x") Аиданын жеке пикири: ңөү`);
		expect(cells).toContain('Болот Теңизбаев');
		const summary = book.worksheets[1]!.getSheetValues().flat().map(String);
		expect(summary).toContain('Калыптандыруучу баалоо');
	});

	it('the leader sends with a deadline in the past: a translated message, what was typed kept', async () => {
		const form = (await groupFormFor(server.db, groupId, 'questionnaire'))!;
		const response = await call(server, `/groups/${groupId}/forms/${form.formId}?/send`, {
			cookie: cookies.leader,
			form: { title: 'Кечиккен анкета', message: '', deadlineOn: '2020-01-01' }
		});
		expect(response.status).toBe(400);
		const html = await response.text();
		expect(html).toContain('Мөөнөт өтүп кеткен күн болбошу керек');
		expect(html).toContain('Кечиккен анкета');
		const member = await call(server, `/groups/${groupId}/forms/${form.formId}?/addField`, {
			cookie: cookies.aida,
			form: { type: 'short_text', label: 'x' }
		});
		expect(member.status).toBe(403);
	});

	it('the builder with JavaScript off: add, warn about a pupil name, a stale order is 409', async () => {
		const created = await call(server, `/groups/${groupId}/forms?/create`, {
			cookie: cookies.leader,
			form: { purpose: 'observation_sheet', title: 'Байкоо баракчасы', description: '' }
		});
		expect(created.status).toBe(303);
		const builder = created.headers.get('location')!.split('?')[0]!;
		const page = async () => await (await call(server, builder, { cookie: cookies.leader })).text();
		const hidden = (html: string, name: string) =>
			new RegExp(`name="${name}" value="([^"]+)"`).exec(html)![1]!;
		let html = await page();
		const add = (form: Record<string, string>) =>
			call(server, `${builder}?/addField`, {
				cookie: cookies.leader,
				form: { versionId: hidden(html, 'versionId'), revision: hidden(html, 'revision'), ...form }
			});
		const bad = await add({ type: 'single_choice', label: 'Тандоо', options: 'Бир гана' });
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('Бир гана');
		expect((await add({ type: 'scale', label: 'Максат', scaleMax: '10' })).status).toBe(303);
		html = await page();
		expect((await add({ type: 'short_text', label: 'Окуучунун аты-жөнү' })).status).toBe(303);
		html = await page();
		expect(html).toContain('Платформа жалпы көрсөткүчтөрдү гана сактайт');
		expect(html).toMatch(/name="answer_[^"]+" value="10"/);
		const stale = await call(server, `${builder}?/reorder`, {
			cookie: cookies.leader,
			form: { versionId: hidden(html, 'versionId'), revision: '1', order: ['a', 'b'] }
		});
		expect(stale.status).toBe(409);
		expect(await stale.text()).toContain('Бул форма жаңы эле өзгөрдү');
	});
});

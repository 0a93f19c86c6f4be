import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { call, type TestServer } from '../../src/lib/server/test/server';
import { submit } from '../../src/lib/server/test/submit';
import { useWorld, type World } from './world';

// Creative groups over HTTP, as a browser without JavaScript sends the forms.

let server: TestServer;
let world: World;

useWorld((s, w) => {
	server = s;
	world = w;
});

const page = (path: string, kind: keyof World['cookies']) =>
	call(server, path, { cookie: world.cookies[kind] });
const post = (path: string, kind: keyof World['cookies'], form: Record<string, string>) =>
	submit(server, path, { cookie: world.cookies[kind], form });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('joining a group without JavaScript', () => {
	it('a teacher asks, the leader sees the motivation and accepts; the history shows it', async () => {
		const group = `/groups/${world.groupId}`;
		const empty = await post(`${group}?/join`, 'teacherA', { message: '' });
		expect(empty.status).toBe(400);
		expect(text(await empty.text())).toContain('Бул талааны толтуруу милдеттүү');

		const asked = await post(`${group}?/join`, 'teacherA', { message: 'Үйрөнгүм келет, ңөү' });
		expect(asked.status).toBe(200);
		expect(text(await asked.text())).toContain('Өтүнүчүңүз жөнөтүлдү');

		const members = await (await page(`${group}/members`, 'leaderA')).text();
		expect(members).toContain('Үйрөнгүм келет, ңөү');
		const requestId = /name="requestId" value="([^"]+)"/.exec(members)![1]!;
		// The staff teacher does not see others' requests on the same page.
		expect(await (await page(`${group}/members`, 'memberA')).text()).not.toContain(
			'Үйрөнгүм келет'
		);

		const accepted = await post(`${group}/members?/decide`, 'leaderA', {
			requestId,
			decision: 'accept'
		});
		expect(accepted.status).toBe(200);
		const after = text(await (await page(`${group}/members`, 'adminA')).text());
		expect(after).toContain(`Топко кошулду: ${world.users.teacherA.fullName}`);
	});
});

describe('the charter', () => {
	it('the leader edits the theme; the revisions page compares the two', async () => {
		const group = `/groups/${world.groupId}`;
		const form = await (await page(`${group}/charter`, 'leaderA')).text();
		const value = (name: string) =>
			new RegExp(`<(?:input|textarea)[^>]*name="${name}"[^>]*>([^<]*)`).exec(form);
		expect(value('theme')).not.toBeNull();
		const saved = await post(`${group}/charter?/save`, 'leaderA', {
			name: 'Функционалдык сабаттуулук',
			theme: 'Жаңы тема: окуу сабаттуулугу',
			problem: '',
			goals: '',
			expectedResults: '',
			strategy: '',
			formsOfWork: ''
		});
		expect(saved.status).toBe(200);
		expect(text(await saved.text())).toContain('№2 редакция');
		const revisions = await (await page(`${group}/revisions`, 'teacherA')).text();
		expect(revisions).toMatch(/<ins[^>]*>[^<]*Жаңы/);
	});
});

describe('minutes as DOCX', () => {
	it('downloads in the user’s language with the school, the group and Kyrgyz letters intact', async () => {
		const path = `/groups/${world.groupId}/meetings/${world.meetingId}`;
		const saved = await post(`${path}?/save`, 'memberA', {
			heldOn: '2026-11-13',
			startTime: '14:00',
			chairId: world.users.leaderA.id,
			secretaryId: world.users.memberA.id,
			'agenda.0.title': 'Өз ара сабакка катышуу жөнүндө',
			'agenda.0.heard': 'Баяндама & <талкуу>',
			'agenda.0.decided': 'Графикти бекитүү',
			[`attendance.${world.users.leaderA.id}`]: 'present',
			[`attendance.${world.users.memberA.id}`]: 'present',
			[`attendance.${world.users.externalMember.id}`]: 'excused'
		});
		expect(saved.status).toBe(200);
		const response = await page(`${path}/minutes.docx`, 'externalMember');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('wordprocessingml');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);
		const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
		const xml = strFromU8(files['word/document.xml']!);
		const words = xml.replace(/<[^>]+>/g, '');
		expect(words).toContain('А мектеби');
		expect(words).toContain('№1 ПРОТОКОЛУ');
		expect(words).toContain('Өз ара сабакка катышуу жөнүндө');
		expect(words).toContain('Баяндама &amp; &lt;талкуу&gt;');
		expect(words).toContain('УГУЛДУ');
		expect(strFromU8(files['word/styles.xml']!) + xml).toMatch(/<w:lang [^>]*w:val="ky-KG"/);
		// Another school cannot even learn it exists.
		expect((await page(`${path}/minutes.docx`, 'teacherB')).status).toBe(404);
	});
});

describe('a closed group', () => {
	it('stays readable, refuses changes with a clear message, and the admin reopens it', async () => {
		const group = `/groups/${world.groupId}`;
		expect((await post(`${group}?/close`, 'leaderA', { reason: 'Тема бүттү' })).status).toBe(200);
		const home = text(await (await page(group, 'teacherA')).text());
		expect(home).toContain('Себеби: Тема бүттү');
		const refused = await post(`${group}/plan?/add`, 'leaderA', {
			kind: 'seminar',
			title: 'Семинар',
			dueOn: '2026-12-01'
		});
		expect(refused.status).toBe(409);
		expect(text(await refused.text())).toContain('Топ жабылган');
		expect((await post(`${group}?/reopen`, 'adminA', {})).status).toBe(200);
		expect(text(await (await page(group, 'leaderA')).text())).not.toContain('Себеби: Тема бүттү');
	});
});

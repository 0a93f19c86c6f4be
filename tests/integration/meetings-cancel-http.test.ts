import { describe, expect, it } from 'vitest';
import { call, type TestServer } from '../../src/lib/server/test/server';
import { useWorld, type World } from './world';

// Calling a meeting off over HTTP, as a browser without JavaScript sends the form.

let server: TestServer;
let world: World;

useWorld((s, w) => {
	server = s;
	world = w;
});

const page = (path: string, kind: keyof World['cookies']) =>
	call(server, path, { cookie: world.cookies[kind] });
const post = (path: string, kind: keyof World['cookies'], form: Record<string, string>) =>
	call(server, path, { cookie: world.cookies[kind], form });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('cancelling a meeting without JavaScript', () => {
	it('asks for a reason and a confirmation, answers 303, then shows it cancelled', async () => {
		const meetings = `/groups/${world.groupId}/meetings`;
		// A meeting far enough ahead to be still to come whenever the test runs.
		const next = new Date().getUTCFullYear() + 1;
		const called = await post(`${meetings}?/create`, 'leaderA', {
			heldOn: `${next}-06-01`,
			startTime: '14:00',
			place: 'Китепкана'
		});
		expect(called.status).toBe(303);
		const path = called.headers.get('location')!;
		expect(await (await page(path, 'leaderA')).text()).toContain('action="?/cancel"');
		// A member who does not keep the minutes is not offered the form.
		expect(await (await page(path, 'externalMember')).text()).not.toContain('action="?/cancel"');

		const empty = await post(`${path}?/cancel`, 'leaderA', { reason: '' });
		expect(empty.status).toBe(400);
		const refused = text(await empty.text());
		expect(refused).toContain('Бул талааны толтуруу милдеттүү');
		expect(refused).toContain('Отурумду жокко чыгарууну ырастаңыз.');
		// What was typed is kept when only the confirmation is missing.
		const unconfirmed = await post(`${path}?/cancel`, 'leaderA', { reason: 'Кеңешме' });
		expect(unconfirmed.status).toBe(400);
		expect(await unconfirmed.text()).toContain('Кеңешме');

		const done = await post(`${path}?/cancel`, 'leaderA', {
			reason: 'Мугалимдер кеңешмеге чакырылды',
			confirmed: 'on'
		});
		expect(done.status).toBe(303);
		expect(done.headers.get('location')).toBe(`${path}?cancelled=1`);
		const shown = text(await (await page(`${path}?cancelled=1`, 'memberA')).text());
		expect(shown).toContain('Бул отурум жокко чыгарылды.');
		expect(shown).toContain('Себеби: Мугалимдер кеңешмеге чакырылды');
		expect(text(await (await page(meetings, 'memberA')).text())).toContain('Жокко чыгарылды');

		// Posted again (a reload of an old page): refused, as is any minutes for it.
		const again = await post(`${path}?/cancel`, 'leaderA', { reason: 'x', confirmed: 'on' });
		expect(again.status).toBe(409);
		const save = await post(`${path}?/save`, 'leaderA', { heldOn: `${next}-06-01`, notes: 'x' });
		expect(save.status).toBe(409);
		expect(text(await save.text())).toContain('Бул отурум жокко чыгарылган');
	});

	it('a meeting already past is not cancelled', async () => {
		const called = await post(`/groups/${world.groupId}/meetings?/create`, 'leaderA', {
			heldOn: '2020-01-10'
		});
		expect(called.status).toBe(303);
		const path = called.headers.get('location')!;
		expect(await (await page(path, 'leaderA')).text()).not.toContain('action="?/cancel"');
		const past = await post(`${path}?/cancel`, 'leaderA', { reason: 'x', confirmed: 'on' });
		expect(past.status).toBe(409);
		expect(text(await past.text())).toContain('башталып же өтүп кеткен');
	});
});

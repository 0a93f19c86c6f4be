import { describe, expect, it } from 'vitest';
import { call, cookieFrom, type TestServer } from '../../src/lib/server/test/server';
import { useWorld, type World } from './world';

// Redirect after post (issue 17): a form posted without JavaScript used to leave the address
// at `?/action`, and a reload posted it again. A success now answers 303 to the page itself;
// the page shows what the action returned once, and a reload is a plain GET.

let server: TestServer;
let world: World;

useWorld((s, w) => {
	server = s;
	world = w;
});

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
const charterForm = (theme: string) => ({
	name: 'Функционалдык сабаттуулук',
	theme,
	problem: '',
	goals: '',
	expectedResults: '',
	strategy: '',
	formsOfWork: ''
});

describe('a form posted without JavaScript', () => {
	it('is answered 303 to its page, which shows the result once; a reload does not post', async () => {
		const charter = `/groups/${world.groupId}/charter`;
		const cookie = world.cookies.leaderA;
		const before = await server.db
			.selectFrom('groupRevisions')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('groupId', '=', world.groupId)
			.executeTakeFirstOrThrow();

		const posted = await call(server, `${charter}?/save`, {
			cookie,
			form: charterForm('Окуу сабаттуулугу: жаңы тема')
		});
		expect(posted.status).toBe(303);
		expect(posted.headers.get('location')).toBe(charter);
		const result = cookieFrom(posted, 'ustat_result');
		expect(result).toBeDefined();
		expect(posted.headers.getSetCookie().join()).toMatch(/ustat_result=[^;]+;.*HttpOnly/i);

		// The page the browser opens: the action's result ("saved as revision N") is shown.
		const shown = await call(server, charter, { cookie: `${cookie}; ${result}` });
		expect(shown.status).toBe(200);
		const revision = Number(before.n) + 1;
		expect(text(await shown.text())).toContain(`Сакталды: №${revision} редакция`);

		// A reload: the same GET, the result already shown and gone; nothing saved again.
		const reload = await call(server, charter, { cookie: `${cookie}; ${result}` });
		expect(text(await reload.text())).not.toContain(`Сакталды: №${revision} редакция`);
		const after = await server.db
			.selectFrom('groupRevisions')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('groupId', '=', world.groupId)
			.executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(revision);
	});

	it('a result waits only for its own page, and only for its own cookie', async () => {
		const charter = `/groups/${world.groupId}/charter`;
		const cookie = world.cookies.leaderA;
		const posted = await call(server, `${charter}?/save`, {
			cookie,
			form: charterForm('Башка тема')
		});
		const result = cookieFrom(posted, 'ustat_result')!;
		// Another page first: nothing shown there, and the result still waits for the charter.
		const elsewhere = await call(server, `/groups/${world.groupId}`, {
			cookie: `${cookie}; ${result}`
		});
		expect(cookieFrom(elsewhere, 'ustat_result')).toBeUndefined();
		// A guessed key shows nothing.
		const guessed = await call(server, charter, { cookie: `${cookie}; ustat_result=guess` });
		expect(text(await guessed.text())).not.toContain('Сакталды: №');
		const shown = await call(server, charter, { cookie: `${cookie}; ${result}` });
		expect(text(await shown.text())).toMatch(/Сакталды: №\d+ редакция/);
	});

	it('a failure is shown at once with what was typed (no redirect); with JavaScript nothing changes', async () => {
		const charter = `/groups/${world.groupId}/charter`;
		const cookie = world.cookies.leaderA;
		const failed = await call(server, `${charter}?/save`, {
			cookie,
			form: { ...charterForm(''), name: '' }
		});
		expect(failed.status).toBe(400);
		expect(cookieFrom(failed, 'ustat_result')).toBeUndefined();

		const enhanced = await call(server, `${charter}?/save`, {
			cookie,
			form: charterForm('JavaScript менен'),
			headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
		expect(enhanced.status).toBe(200);
		expect(cookieFrom(enhanced, 'ustat_result')).toBeUndefined();
		expect(await enhanced.json()).toMatchObject({ type: 'success' });
	});
});

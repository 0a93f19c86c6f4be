import { describe, expect, it } from 'vitest';
import { asId, type GroupId } from '../../src/lib/server/domain/ids';
import { createMeeting } from '../../src/lib/server/domain/meetings/create-meeting';
import { openVote } from '../../src/lib/server/domain/votes/open-vote';
import { ctxOf } from '../../src/lib/server/test/context';
import { actorOf } from '../../src/lib/server/test/factories';
import { call, cookieFrom, type TestServer } from '../../src/lib/server/test/server';
import { toWallClock } from '../../src/lib/server/zoned';
import { useWorld, type World } from './world';
import { revokeFeed } from '../../src/lib/server/calendar/revoke-feed';

// The calendar over HTTP, as a person and a calendar app use it: the settings page makes an
// address and shows it once; the app fetches the feed with no cookie; a new address and
// turning it off make the old one answer 404, exactly like an address that never existed.

let server: TestServer;
let world: World;
useWorld((s, w) => {
	server = s;
	world = w;
});

const page = '/profile/calendar';
const once = 'ustat_calendar_once';

/** Makes a new address as memberA would, and reads it off the page shown after the 303. */
async function newAddress(cookie: string): Promise<string> {
	const posted = await call(server, `${page}?/create`, { cookie, form: {} });
	expect(posted.status).toBe(303);
	expect(posted.headers.get('location')).toBe(`${page}?created=1`);
	const flash = cookieFrom(posted, once)!;
	expect(flash).toBeTruthy();
	const shown = await call(server, `${page}?created=1`, { cookie: `${cookie}; ${flash}` });
	const html = await shown.text();
	expect(shown.status).toBe(200);
	const found = /\/calendar\/([A-Za-z0-9_-]{43})\.ics/.exec(html);
	expect(found).not.toBeNull();
	expect(html).toContain(`webcal://`);
	// Shown once: the cookie is cleared, and the page without it names no address.
	expect(shown.headers.getSetCookie().some((c) => c.startsWith(`${once}=;`))).toBe(true);
	const again = await (await call(server, page, { cookie })).text();
	expect(again).not.toContain(found![1]);
	return found![1]!;
}

describe('the calendar feed over HTTP', () => {
	it('is made on the settings page, read without cookies, replaced and turned off', async () => {
		const cookie = world.cookies.memberA!;
		const leader = actorOf(world.users.leaderA);
		const groupId = asId<GroupId>(world.groupId);
		const heldOn = toWallClock(new Date(Date.now() + 3 * 86400e3), 'Asia/Bishkek').slice(0, 10);
		const { meetingId } = await createMeeting(ctxOf(server.db, leader), {
			groupId,
			heldOn,
			startTime: '14:30',
			place: 'Мугалимдер бөлмөсү',
			invited: ''
		});
		const { voteId } = await openVote(ctxOf(server.db, leader), {
			groupId,
			question: 'Семинарды жылдырабызбы?',
			kind: 'yes_no',
			closesAt: new Date(Date.now() + 5 * 86400e3)
		});

		// The shared world gave memberA a feed (world-calendar.ts): start from none.
		await revokeFeed(ctxOf(server.db, actorOf(world.users.memberA)));
		const empty = await (await call(server, page, { cookie })).text();
		expect(empty).toContain('Дарек азырынча түзүлгөн жок.');

		const token = await newAddress(cookie);
		const response = await call(server, `/calendar/${token}.ics`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('private, max-age=300');
		const text = await response.text();
		const unfolded = text.replace(/\r\n[ \t]/g, '');
		expect(unfolded).toContain(`UID:meeting-${meetingId}@`);
		expect(unfolded).toContain(`DTSTART;TZID=Asia/Bishkek:${heldOn.replaceAll('-', '')}T143000`);
		expect(unfolded).toContain(`UID:vote-${voteId}@`);
		expect(unfolded).toContain('SUMMARY:Добуш берүү жабылат: Семинарды жылдырабызбы?');
		expect(unfolded).toMatch(
			new RegExp(`URL;VALUE=URI:http://[^\\r]+/groups/${groupId}/meetings/${meetingId}`)
		);

		const page2 = await (await call(server, page, { cookie })).text();
		expect(page2).toContain('Дарек иштеп турат.');

		// A new address: the old one is dead, and answers as one that never existed.
		const next = await newAddress(cookie);
		const old = await call(server, `/calendar/${token}.ics`);
		const never = await call(server, `/calendar/${'Q'.repeat(43)}.ics`);
		const malformed = await call(server, '/calendar/..%2F..%2Fetc%2Fpasswd');
		for (const r of [old, never, malformed]) {
			expect(r.status).toBe(404);
			expect(await r.text()).toBe('');
			expect(r.headers.get('content-type')).toBeNull();
		}
		expect((await call(server, `/calendar/${next}.ics`)).status).toBe(200);
		// Someone else's session changes nothing: the feed is reached by its token alone.
		expect(
			(await call(server, `/calendar/${next}.ics`, { cookie: world.cookies.teacherB })).status
		).toBe(200);

		const off = await call(server, `${page}?/revoke`, { cookie, form: {} });
		expect(off.status).toBe(303);
		expect(off.headers.get('location')).toBe(`${page}?revoked=1`);
		const gone = await call(server, `/calendar/${next}.ics`);
		expect(gone.status).toBe(404);
		expect(await gone.text()).toBe('');
		const after = await (await call(server, `${page}?revoked=1`, { cookie })).text();
		expect(after).toContain('Календарь өчүрүлдү');
	});

	it('shows meetings and vote deadlines on the plan’s month view, with JS off', async () => {
		const leader = actorOf(world.users.leaderA);
		const groupId = asId<GroupId>(world.groupId);
		const { meetingId } = await createMeeting(ctxOf(server.db, leader), {
			groupId,
			heldOn: '2027-03-10',
			startTime: '10:00',
			place: '',
			invited: ''
		});
		const html = await (
			await call(server, `/groups/${groupId}/plan?view=month&month=2027-03`, {
				cookie: world.cookies.memberA
			})
		).text();
		expect(html).toContain(`href="/groups/${groupId}/meetings/${meetingId}"`);
		expect(html).toContain('class="item meeting');
		// The school's staff who are not members see the plan, not the meetings.
		const staff = await (
			await call(server, `/groups/${groupId}/plan?view=month&month=2027-03`, {
				cookie: world.cookies.teacherA
			})
		).text();
		expect(staff).not.toContain(`/meetings/${meetingId}`);
	});
});

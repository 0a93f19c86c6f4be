import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor';
import { createGroup } from '../domain/groups/create-group';
import { leaveGroup } from '../domain/groups/leave-group';
import type { GroupId } from '../domain/ids';
import { createMeeting } from '../domain/meetings/create-meeting';
import { addPlanItem } from '../domain/plan/add-plan-item';
import { listPlan } from '../domain/plan/list-plan';
import { openVote } from '../domain/votes/open-vote';
import { anonymousCtxOf, ctxOf } from '../test/context';
import { charter, join, makeGroupWorld, type GroupWorld } from '../test/groups';
import { useTestDatabase } from '../test/vitest';
import { monthDeadline, monthMeeting } from '../web/plan-views';
import { buildFeed } from './build-feed';
import { createFeed } from './create-feed';
import { maxFeedEvents } from './entries';
import { getFeed } from './get-feed';
import { fixedZone } from './render';
import { revokeFeed } from './revoke-feed';
import { hashFeedToken } from './tokens';

const t = useTestDatabase();
const timeZone = 'Asia/Bishkek';
const baseUrl = 'https://ustat.example.kg';
// 12:00 in Bishkek on 15 November 2026.
const now = new Date('2026-11-15T06:00:00Z');
let w: GroupWorld;
const as = (actor: Actor, at = now) => ctxOf(t.db, actor, at);
const feed = (file: string, at = now) =>
	buildFeed(anonymousCtxOf(t.db, at), { file }, { baseUrl, timeZone });

/** RFC 5545 §3.1: lines are folded by CRLF + one space or tab; unfold, then split. */
function parse(text: string) {
	expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(
		true
	);
	const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
	const unescape = (v: string) =>
		v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
	const events: Record<string, { params: string; value: string }>[] = [];
	let current: Record<string, { params: string; value: string }> | null = null;
	for (const line of lines) {
		if (line === 'BEGIN:VEVENT') current = {};
		else if (line === 'END:VEVENT') {
			events.push(current!);
			current = null;
		} else if (current) {
			const colon = line.indexOf(':');
			const [name, ...params] = line.slice(0, colon).split(';');
			current[name!] = { params: params.join(';'), value: unescape(line.slice(colon + 1)) };
		}
	}
	return { lines, events };
}

async function group(name: string, leader: Actor): Promise<GroupId> {
	return (
		await createGroup(as(w.admin), {
			...charter,
			name,
			schoolId: w.schoolId,
			startedOn: '2026-09-01',
			leaderId: leader.id
		})
	).groupId;
}

const meeting = (groupId: GroupId, heldOn: string, over: Record<string, string> = {}) =>
	createMeeting(as(w.leader), { groupId, heldOn, place: '', invited: '', ...over });

beforeEach(async () => {
	w = await makeGroupWorld(t.db);
});

describe('the calendar feed', () => {
	it('holds the person’s groups’ meetings, plan items and vote deadlines, in their language', async () => {
		const withTime = await meeting(w.groupId, '2026-11-20', {
			startTime: '15:00',
			place: '12-каб., 2-кабат'
		});
		const allDay = await meeting(w.groupId, '2026-11-25', {
			onlineLink: 'https://meet.example.kg/abc'
		});
		const plan = (title: string, dueOn: string, status: 'planned' | 'done' | 'cancelled') =>
			addPlanItem(as(w.leader), {
				groupId: w.groupId,
				kind: 'seminar',
				title,
				dueOn,
				status,
				notes: '',
				responsibleId: w.member.id
			});
		const planned = await plan('Семинар: окуу сабаттуулугу', '2026-11-22', 'planned');
		const done = await plan('Ачык сабак, 3-класс', '2026-11-10', 'done');
		await plan('Жокко чыгарылган иш', '2026-11-23', 'cancelled');
		await plan('Алыскы иш', '2028-06-01', 'planned');
		const { voteId } = await openVote(as(w.leader), {
			groupId: w.groupId,
			question: 'Графикти бекитебизби?',
			kind: 'yes_no',
			closesAt: new Date('2026-11-18T12:00:00Z')
		});
		// A group the member never joined, and one they joined and left.
		const other = await group('Башка топ', w.staff);
		await createMeeting(as(w.staff), {
			groupId: other,
			heldOn: '2026-11-21',
			place: '',
			invited: ''
		});
		const left = await group('Мурунку топ', w.leader);
		await join(t.db, w.leader, left, w.member);
		await meeting(left, '2026-11-26');
		await leaveGroup(as(w.member), { groupId: left });

		const { token, path } = await createFeed(as(w.member));
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(path).toBe(`/calendar/${token}.ics`);
		// Only the hash is stored.
		const row = await t.db.selectFrom('calendarFeeds').selectAll().executeTakeFirstOrThrow();
		expect(row.tokenHash).toBe(hashFeedToken(token));
		expect(JSON.stringify(row)).not.toContain(token);

		const text = (await feed(`${token}.ics`))!;
		const { lines, events } = parse(text);
		expect(lines[0]).toBe('BEGIN:VCALENDAR');
		expect(lines).toContain('TZID:Asia/Bishkek');
		expect(lines).toContain('TZOFFSETTO:+0600');
		expect(events.map((e) => e.UID!.value).sort()).toEqual(
			[
				`meeting-${withTime.meetingId}@ustat.example.kg`,
				`meeting-${allDay.meetingId}@ustat.example.kg`,
				`plan-${planned.itemId}@ustat.example.kg`,
				`plan-${done.itemId}@ustat.example.kg`,
				`vote-${voteId}@ustat.example.kg`
			].sort()
		);
		const uid = (prefix: string, id: string) =>
			events.find((e) => e.UID!.value.startsWith(`${prefix}-${id}@`))!;

		const timed = uid('meeting', withTime.meetingId);
		expect(timed.DTSTART).toEqual({ params: 'TZID=Asia/Bishkek', value: '20261120T150000' });
		expect(timed.DTEND).toEqual({ params: 'TZID=Asia/Bishkek', value: '20261120T163000' });
		expect(timed.SUMMARY!.value).toBe(`№1 отурум · ${charter.name}`);
		expect(timed.LOCATION!.value).toBe('12-каб., 2-кабат');
		expect(timed.URL!.value).toBe(`${baseUrl}/groups/${w.groupId}/meetings/${withTime.meetingId}`);
		expect(timed['LAST-MODIFIED']!.value).toMatch(/^\d{8}T\d{6}Z$/);
		expect(Number(timed.SEQUENCE!.value)).toBeGreaterThan(0);
		expect(timed.DTSTAMP!.value).toBe('20261115T060000Z');

		const whole = uid('meeting', allDay.meetingId);
		expect(whole.DTSTART).toEqual({ params: 'VALUE=DATE', value: '20261125' });
		expect(whole.LOCATION!.value).toBe('https://meet.example.kg/abc');

		const item = uid('plan', planned.itemId);
		expect(item.DTSTART).toEqual({ params: 'VALUE=DATE', value: '20261122' });
		expect(item.SUMMARY!.value).toBe('Иш планы: Семинар: окуу сабаттуулугу');
		expect(item.DESCRIPTION!.value).toContain('Жооптуу: Нурлан Үсөнов');
		expect(item.URL!.value).toBe(`${baseUrl}/groups/${w.groupId}/plan/${planned.itemId}`);
		expect(uid('plan', done.itemId).SUMMARY!.value).toBe('✓ Иш планы: Ачык сабак, 3-класс');

		const vote = uid('vote', voteId);
		expect(vote.SUMMARY!.value).toBe('Добуш берүү жабылат: Графикти бекитебизби?');
		// 12:00 UTC is 18:00 in Bishkek.
		expect(vote.DTEND).toEqual({ params: 'TZID=Asia/Bishkek', value: '20261118T180000' });
		expect(vote.URL!.value).toBe(`${baseUrl}/groups/${w.groupId}/votes/${voteId}`);

		// In the person's language: Russian after they switch.
		await t.db.updateTable('users').set({ locale: 'ru' }).where('id', '=', w.member.id).execute();
		const ru = parse((await feed(`${token}.ics`))!).events;
		const summaries = ru.map((e) => e.SUMMARY!.value);
		expect(summaries).toContain(`Заседание №1 · ${charter.name}`);
		expect(summaries).toContain('Голосование закрывается: Графикти бекитебизби?');
		expect(summaries).toContain('План работы: Семинар: окуу сабаттуулугу');
	});

	it('a new address replaces the old; a turned-off, unknown or malformed one finds nothing', async () => {
		const first = await createFeed(as(w.member));
		expect(await feed(`${first.token}.ics`)).toContain('BEGIN:VCALENDAR');
		const second = await createFeed(as(w.member));
		expect(second.token).not.toBe(first.token);
		expect(await feed(`${first.token}.ics`)).toBeNull();
		expect(await feed(`${second.token}.ics`)).toContain('BEGIN:VCALENDAR');
		expect((await getFeed(as(w.member)))!.createdAt).toBeInstanceOf(Date);
		// One person's address is theirs alone: another's feed is separate.
		const theirs = await createFeed(as(w.leader));
		expect(await feed(`${second.token}.ics`)).toContain('BEGIN:VCALENDAR');
		await revokeFeed(as(w.member));
		expect(await getFeed(as(w.member))).toBeNull();
		expect(await feed(`${second.token}.ics`)).toBeNull();
		expect(await feed(`${theirs.token}.ics`)).toContain('BEGIN:VCALENDAR');
		await revokeFeed(as(w.member));
		for (const bogus of [
			'x'.repeat(43) + '.ics',
			second.token,
			'../../etc/passwd',
			'',
			'a'.repeat(5000),
			hashFeedToken(theirs.token)
		])
			expect(await feed(bogus)).toBeNull();
		// A closed account's feed stops too.
		await t.db
			.updateTable('users')
			.set({ isActive: false })
			.where('id', '=', w.leader.id)
			.execute();
		expect(await feed(`${theirs.token}.ics`)).toBeNull();
	});

	it('keeps to its window and cap', async () => {
		await meeting(w.groupId, '2026-08-01'); // more than 90 days back
		const recent = await meeting(w.groupId, '2026-09-01');
		const { token } = await createFeed(as(w.member));
		const uids = parse((await feed(`${token}.ics`))!).events.map((e) => e.UID!.value);
		expect(uids).toEqual([`meeting-${recent.meetingId}@ustat.example.kg`]);
		expect(maxFeedEvents).toBeGreaterThan(0);
	});

	it('a zone without daylight saving gets its VTIMEZONE; one with it gets none', () => {
		expect(fixedZone('Asia/Bishkek')).toContain('TZOFFSETFROM:+0600');
		expect(fixedZone('UTC')).toContain('TZOFFSETTO:+0000');
		expect(fixedZone('Europe/Berlin')).toBeNull();
	});
});

describe('the plan’s month view', () => {
	it('shows the group’s meetings and vote deadlines to those who see its work', async () => {
		const m1 = await meeting(w.groupId, '2026-11-20', { startTime: '15:00' });
		await meeting(w.groupId, '2026-12-02');
		const { voteId } = await openVote(as(w.leader), {
			groupId: w.groupId,
			question: 'Графикти бекитебизби?',
			kind: 'yes_no',
			// 23:30 in Bishkek on 30 November, still November there (UTC: the 30th, 17:30).
			closesAt: new Date('2026-11-30T17:30:00Z')
		});
		const range = { from: '2026-11-01', to: '2026-11-31' };
		const page = await listPlan(as(w.member), { groupId: w.groupId, today: '2026-11-15', range });
		expect(page.meetings.map((x) => x.id)).toEqual([m1.meetingId]);
		expect(page.deadlines.map((x) => x.id)).toEqual([voteId]);
		const shown = monthMeeting(w.groupId, page.meetings[0]!);
		expect(shown).toMatchObject({
			day: '2026-11-20',
			time: '15:00',
			href: `/groups/${w.groupId}/meetings/${m1.meetingId}`
		});
		expect(monthDeadline(w.groupId, page.deadlines[0]!, timeZone)).toMatchObject({
			day: '2026-11-30',
			time: '23:30',
			isOpen: true,
			href: `/groups/${w.groupId}/votes/${voteId}`
		});
		// The school's staff see the plan, not the group's meetings and votes.
		const staff = await listPlan(as(w.staff), { groupId: w.groupId, today: '2026-11-15', range });
		expect(staff.meetings).toEqual([]);
		expect(staff.deadlines).toEqual([]);
		// The list view (no range) does not load them.
		const list = await listPlan(as(w.member), { groupId: w.groupId, today: '2026-11-15' });
		expect(list.meetings).toEqual([]);
	});
});

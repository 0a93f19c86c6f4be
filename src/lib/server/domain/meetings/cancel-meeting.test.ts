import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { feedEntries } from '../../calendar/entries';
import { config } from '../../config.js';
import { ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import { useTestDatabase } from '../../test/vitest';
import { toWallClock } from '../../zoned';
import type { MeetingId } from '../ids';
import { listPlan } from '../plan/list-plan';
import { cancelMeeting } from './cancel-meeting';
import { createMeeting } from './create-meeting';
import { getMeeting } from './get-meeting';
import type { CancelMeetingInput, CreateMeetingInput, UpdateMeetingInput } from './input';
import { listMeetings } from './list-meetings';
import { updateMeeting } from './update-meeting';

// Calling a meeting off: who may, which meetings still may be, what the members are told,
// and that nothing more is recorded on it afterwards.

const t = useTestDatabase();
let w: GroupWorld;
/** 10:00 on 10 November in the school's time zone (Bishkek by default). */
const now = new Date('2026-11-10T04:00:00Z');
const [today, clock] = toWallClock(now, config().timeZone).split('T') as [string, string];
const as = (actor: Actor, at = now) => ctxOf(t.db, actor, at);

beforeEach(async () => {
	w = await makeGroupWorld(t.db);
});

const call = async (over: Partial<CreateMeetingInput> = {}) =>
	(
		await createMeeting(as(w.leader), {
			groupId: w.groupId,
			heldOn: '2026-11-13',
			startTime: '14:30',
			place: 'Китепкана',
			secretaryId: w.member.id,
			invited: '',
			...over
		})
	).meetingId;
const cancel = (actor: Actor, meetingId: MeetingId, over: Partial<CancelMeetingInput> = {}) =>
	cancelMeeting(as(actor), {
		groupId: w.groupId,
		meetingId,
		reason: 'Мугалимдер кеңешмеге чакырылды',
		confirmed: true,
		...over
	});
const minutes = (meetingId: MeetingId, over: Partial<UpdateMeetingInput> = {}) =>
	updateMeeting(as(w.leader), {
		groupId: w.groupId,
		meetingId,
		heldOn: '2026-11-13',
		startTime: '14:30',
		place: 'Китепкана',
		secretaryId: w.member.id,
		invited: '',
		notes: '',
		decisions: '',
		agenda: [],
		attendance: {},
		...over
	});
const told = async () =>
	(
		await t.db
			.selectFrom('notifications')
			.select(['userId', 'subject', 'link', 'params', 'actorId'])
			.where('kind', '=', 'meeting.cancelled')
			.where('groupId', '=', w.groupId)
			.execute()
	).sort((a, b) => a.userId.localeCompare(b.userId));

describe('cancelling a meeting', () => {
	it('the leader calls it off: kept and marked, the members told, nothing more recorded', async () => {
		const meetingId = await call();
		await cancel(w.leader, meetingId);

		const row = await t.db
			.selectFrom('meetings')
			.select(['cancelledAt', 'cancelledBy', 'cancelReason'])
			.where('id', '=', meetingId)
			.executeTakeFirstOrThrow();
		expect(row).toEqual({
			cancelledAt: now,
			cancelledBy: w.leader.id,
			cancelReason: 'Мугалимдер кеңешмеге чакырылды'
		});
		// The members (the secretary and the consultant), not the leader who did it.
		const notes = await told();
		expect(notes.map((n) => n.userId).sort()).toEqual([w.member.id, w.scientist.id].sort());
		const number = (await getMeeting(as(w.leader), { groupId: w.groupId, meetingId })).meeting
			.number;
		expect(notes[0]).toMatchObject({
			subject: `№ ${number}`,
			link: `/groups/${w.groupId}/meetings`,
			actorId: w.leader.id
		});
		expect(JSON.parse(notes[0]!.params)).toEqual({
			meetingId,
			date: '2026-11-13',
			time: '14:30',
			place: 'Китепкана',
			reason: 'Мугалимдер кеңешмеге чакырылды'
		});

		const view = await getMeeting(as(w.leader), { groupId: w.groupId, meetingId });
		expect(view).toMatchObject({ canEdit: false, canCancel: false });
		const list = await listMeetings(as(w.member), { groupId: w.groupId });
		expect(list.meetings.find((m) => m.id === meetingId)?.cancelled).toBe(true);

		// Already cancelled: refused, and nobody is told twice.
		expect((await appError(cancel(w.leader, meetingId))).code).toBe('conflict');
		expect(await told()).toHaveLength(2);
		// Minutes, attendance, a new day: refused.
		expect((await appError(minutes(meetingId, { notes: 'Протокол' }))).code).toBe('conflict');
		expect(
			(await appError(minutes(meetingId, { attendance: { [w.member.id]: 'present' } }))).code
		).toBe('conflict');
		expect((await appError(minutes(meetingId, { heldOn: '2026-11-20' }))).code).toBe('conflict');
	});

	it('the secretary and the administration may; other members, staff, another school may not', async () => {
		const first = await call();
		await cancel(w.member, first);
		await cancel(w.admin, await call());
		const other = await call();
		expect((await appError(cancel(w.scientist, other))).code).toBe('forbidden');
		expect((await appError(cancel(w.staff, other))).code).toBe('forbidden');
		expect((await appError(cancel(w.otherAdmin, other))).code).toBe('not_found');
		expect(
			(
				await appError(
					cancelMeeting(as(w.leader), {
						groupId: w.groupId,
						meetingId: 'AAAAAAAAAAAAAAAAAAAAAA' as MeetingId,
						reason: 'x',
						confirmed: true
					})
				)
			).code
		).toBe('not_found');
	});

	it('a reason (≤ 500 characters) and the confirmation are required', async () => {
		const meetingId = await call();
		const fields = async (over: Partial<CancelMeetingInput>) =>
			(
				(await appError(cancel(w.leader, meetingId, over))) as unknown as {
					issues: { field: string; key: string }[];
				}
			).issues;
		expect(await fields({ reason: '   ' })).toEqual([{ field: 'reason', key: 'error_required' }]);
		expect((await fields({ reason: 'ы'.repeat(501) }))[0]).toMatchObject({
			field: 'reason',
			key: 'error_too_long'
		});
		expect(await fields({ confirmed: false })).toEqual([
			{ field: 'confirmed', key: 'error_meeting_confirm' }
		]);
		expect(await told()).toEqual([]);
		await cancel(w.leader, meetingId, { reason: 'ы'.repeat(500) });
	});

	it('only a meeting that has not begun, with nothing recorded', async () => {
		const conflict = async (meetingId: MeetingId) => {
			const error = await appError(cancel(w.leader, meetingId));
			return [error.code, error.messageKey];
		};
		const offered = async (meetingId: MeetingId) =>
			(await getMeeting(as(w.leader), { groupId: w.groupId, meetingId })).canCancel;
		// Past, or today with its time gone by: it took place (or should have).
		const past = await call({ heldOn: '2026-11-09' });
		expect(await offered(past)).toBe(false);
		expect(await conflict(past)).toEqual(['conflict', 'error_meeting_past']);
		expect(await conflict(await call({ heldOn: today, startTime: clock }))).toEqual([
			'conflict',
			'error_meeting_past'
		]);
		// Today, later or without a time: still to come.
		await cancel(w.leader, await call({ heldOn: today, startTime: '23:59' }));
		await cancel(w.leader, await call({ heldOn: today, startTime: '' }));

		// Attendance or minutes recorded: held.
		const attended = await call();
		expect(await offered(attended)).toBe(true);
		await minutes(attended, { attendance: { [w.member.id]: 'present' } });
		expect(await offered(attended)).toBe(false);
		expect(await conflict(attended)).toEqual(['conflict', 'error_meeting_recorded']);
		const kept = await call();
		await minutes(kept, { decisions: 'Чечим' });
		expect(await conflict(kept)).toEqual(['conflict', 'error_meeting_recorded']);
		const heard = await call();
		const item = { title: 'Тема', speaker: '', heard: 'Угулду', spoke: '', decided: '' };
		await minutes(heard, { agenda: [item] });
		expect(await conflict(heard)).toEqual(['conflict', 'error_meeting_recorded']);
		// An agenda planned ahead is no record: the meeting may still be called off.
		const planned = await call();
		await minutes(planned, { agenda: [{ ...item, heard: '' }] });
		await cancel(w.leader, planned);
	});
});

describe('a cancelled meeting elsewhere', () => {
	it('is left out of the calendar feed and the plan’s month view', async () => {
		const kept = await call({ heldOn: '2026-11-20' });
		const cancelled = await call({ heldOn: '2026-11-13' });
		await cancel(w.leader, cancelled);
		const feed = await feedEntries(t.db, w.member.id, today, config().timeZone);
		const inFeed = feed.filter((e) => e.kind === 'meeting').map((e) => e.id);
		expect(inFeed).toContain(kept);
		expect(inFeed).not.toContain(cancelled);
		const plan = await listPlan(as(w.member), {
			groupId: w.groupId,
			today,
			range: { from: '2026-11-01', to: '2026-11-30' }
		});
		expect(plan.meetings.map((m) => m.id)).toEqual([kept]);
	});
});

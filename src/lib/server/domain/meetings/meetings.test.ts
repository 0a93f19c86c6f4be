import { describe, expect, it } from 'vitest';
import { appError } from '../../test/expect-error';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import { useTestDatabase } from '../../test/vitest';
import { leaveGroup } from '../groups/leave-group';
import { createMeeting } from './create-meeting';
import { getMeeting } from './get-meeting';
import { meetingFormToInput } from './input';
import { listMeetings } from './list-meetings';
import { updateMeeting } from './update-meeting';

const t = useTestDatabase();
let w: GroupWorld;
const details = (over: Record<string, string> = {}) => ({
	heldOn: '2026-11-13',
	startTime: '14:30',
	place: 'Китепкана',
	chairId: w.leader.id,
	secretaryId: w.member.id,
	invited: '',
	...over
});

describe('meetings', () => {
	it('the leader calls meetings; they are numbered in order, also when called at once', async () => {
		w = await makeGroupWorld(t.db);
		const first = await createMeeting(t.db, w.leader, w.groupId, details());
		expect(first.number).toBe(1);
		const burst = await Promise.all(
			Array.from({ length: 5 }, () => createMeeting(t.db, w.admin, w.groupId, details()))
		);
		expect(burst.map((m) => m.number).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6]);
		const list = await listMeetings(t.db, w.scientist, w.groupId);
		expect(list.meetings.map((m) => m.number)).toEqual([6, 5, 4, 3, 2, 1]);
		expect(list.canCall).toBe(false);
	});

	it('only members and the administration see meetings; only the leader or admin calls them', async () => {
		for (const actor of [w.member, w.scientist])
			expect((await appError(createMeeting(t.db, actor, w.groupId, details()))).code).toBe(
				'forbidden'
			);
		expect((await appError(listMeetings(t.db, w.staff, w.groupId))).code).toBe('forbidden');
		expect((await appError(listMeetings(t.db, w.otherAdmin, w.groupId))).code).toBe('not_found');
		const bad = await appError(
			createMeeting(t.db, w.leader, w.groupId, {
				...details(),
				heldOn: '',
				startTime: '25:00',
				onlineLink: 'javascript:alert(1)',
				chairId: w.staff.id
			})
		);
		const fields = (bad as unknown as { issues: { field: string; key: string }[] }).issues;
		expect(fields.map((i) => i.field).sort()).toEqual(['heldOn', 'onlineLink', 'startTime']);
		const notMember = await appError(
			createMeeting(t.db, w.leader, w.groupId, details({ chairId: w.staff.id }))
		);
		expect(notMember.field).toBe('chairId');
	});

	it('the secretary keeps the minutes: attendance and HEARD / SPOKE / DECIDED per item', async () => {
		const { meetingId } = await createMeeting(t.db, w.leader, w.groupId, details());
		await updateMeeting(t.db, w.member, w.groupId, meetingId, {
			...details(),
			'agenda.0.title': 'Иш планы жөнүндө',
			'agenda.0.speaker': 'А. Өмүрбекова',
			'agenda.0.heard': 'Пландын долбоору',
			'agenda.0.decided': 'Бекитилсин',
			'agenda.1.title': 'Өчүрүлө турган маселе',
			'agenda.1.remove': 'on',
			'agenda.2.title': 'Ачык сабактар жөнүндө',
			'agenda.2.heard': '',
			'agenda.2.decided': 'Графикти түзүү',
			'agenda.3.title': '',
			[`attendance.${w.leader.id}`]: 'present',
			[`attendance.${w.member.id}`]: 'present',
			[`attendance.${w.scientist.id}`]: 'excused',
			notes: 'Биринчи сап\nЭкинчи сап',
			decisions: 'Кийинки жыйын декабрда'
		});
		const view = await getMeeting(t.db, w.admin, w.groupId, meetingId);
		expect(view.agenda.map((a) => [a.title, a.decided])).toEqual([
			['Иш планы жөнүндө', 'Бекитилсин'],
			['Ачык сабактар жөнүндө', 'Графикти түзүү']
		]);
		expect(Object.fromEntries(view.attendees.map((a) => [a.fullName, a.status]))).toEqual({
			[w.leader.fullName]: 'present',
			[w.member.fullName]: 'present',
			[w.scientist.fullName]: 'excused'
		});
		expect(view.meeting.notes).toBe('Биринчи сап\nЭкинчи сап');
		expect(view.chairName).toBe(w.leader.fullName);
		expect(view.canEdit).toBe(true);
		expect((await getMeeting(t.db, w.scientist, w.groupId, meetingId)).canEdit).toBe(false);

		// Saving again replaces the agenda, it does not add to it.
		await updateMeeting(t.db, w.leader, w.groupId, meetingId, {
			...details(),
			'agenda.0.title': 'Жалгыз маселе'
		});
		expect((await getMeeting(t.db, w.member, w.groupId, meetingId)).agenda).toHaveLength(1);
		expect((await listMeetings(t.db, w.member, w.groupId)).meetings[0]).toMatchObject({
			agendaCount: 1
		});

		// A secretary who left stays on the minutes they kept; a new one must be a member.
		await updateMeeting(
			t.db,
			w.leader,
			w.groupId,
			meetingId,
			details({ secretaryId: w.scientist.id })
		);
		await leaveGroup(t.db, w.scientist, w.groupId);
		await updateMeeting(
			t.db,
			w.leader,
			w.groupId,
			meetingId,
			details({ secretaryId: w.scientist.id })
		);
		expect((await getMeeting(t.db, w.leader, w.groupId, meetingId)).secretaryName).toBe(
			w.scientist.fullName
		);
	});

	it('refuses strangers in the attendance, too many items, and other members’ edits', async () => {
		const { meetingId } = await createMeeting(
			t.db,
			w.leader,
			w.groupId,
			details({ secretaryId: '' })
		);
		const stranger = await appError(
			updateMeeting(t.db, w.leader, w.groupId, meetingId, {
				...details({ secretaryId: '' }),
				[`attendance.${w.otherTeacher.id}`]: 'present'
			})
		);
		expect(stranger.field).toBe(`attendance.${w.otherTeacher.id}`);
		const many: Record<string, string> = { ...details({ secretaryId: '' }) };
		for (let i = 0; i < 21; i++) many[`agenda.${i}.title`] = `Маселе ${i + 1}`;
		expect(await appError(updateMeeting(t.db, w.leader, w.groupId, meetingId, many))).toMatchObject(
			{
				messageKey: 'error_too_many',
				field: 'agenda'
			}
		);
		expect(
			(await appError(updateMeeting(t.db, w.member, w.groupId, meetingId, details()))).code
		).toBe('forbidden');
		// An error names the row of the form it came from, after removed and blank rows.
		const untitled = await appError(
			updateMeeting(t.db, w.leader, w.groupId, meetingId, {
				...details({ secretaryId: '' }),
				'agenda.0.title': 'Алынат',
				'agenda.0.remove': 'on',
				'agenda.1.title': '',
				'agenda.1.heard': 'Аталышы жок маселе'
			})
		);
		expect(untitled.field).toBe('agenda.1.title');
		expect((await appError(getMeeting(t.db, w.leader, w.groupId, 'no-such-meeting'))).code).toBe(
			'not_found'
		);
	});

	it('reads the agenda rows of a form in order, dropping blank and removed ones', () => {
		expect(
			meetingFormToInput({
				'attendance.u2': '',
				'agenda.10.title': 'Онунчу',
				'agenda.2.title': 'Экинчи',
				'agenda.3.title': ' ',
				'agenda.4.title': 'Алынып салынат',
				'agenda.4.remove': 'on',
				'attendance.u1': 'present',
				heldOn: '2026-11-13'
			})
		).toEqual({
			input: {
				heldOn: '2026-11-13',
				attendance: { u1: 'present' },
				agenda: [
					{ title: 'Экинчи', speaker: '', heard: '', spoke: '', decided: '' },
					{ title: 'Онунчу', speaker: '', heard: '', spoke: '', decided: '' }
				]
			},
			rows: [2, 10]
		});
	});
});

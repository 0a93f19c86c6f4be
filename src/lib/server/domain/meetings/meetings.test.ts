import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import { useTestDatabase } from '../../test/vitest';
import { formInput } from '../../web/form-input';
import { leaveGroup } from '../groups/leave-group';
import { asId, type MeetingId } from '../ids';
import { createMeeting } from './create-meeting';
import { getMeeting } from './get-meeting';
import {
	createMeetingInput,
	type AgendaItemInput,
	type CreateMeetingInput,
	type UpdateMeetingInput
} from './input';
import { listMeetings } from './list-meetings';
import { updateMeeting } from './update-meeting';

const t = useTestDatabase();
let w: GroupWorld;
beforeEach(async () => {
	w = await makeGroupWorld(t.db);
});
const as = (actor: Actor) => ctxOf(t.db, actor);
const details = (over: Partial<CreateMeetingInput> = {}): CreateMeetingInput => ({
	groupId: w.groupId,
	heldOn: '2026-11-13',
	startTime: '14:30',
	place: 'Китепкана',
	chairId: w.leader.id,
	secretaryId: w.member.id,
	invited: '',
	...over
});
const item = (title: string, over: Partial<AgendaItemInput> = {}): AgendaItemInput => ({
	title,
	speaker: '',
	heard: '',
	spoke: '',
	decided: '',
	...over
});
/** The whole meeting as its form saves it: details, agenda, attendance, minutes. */
const minutes = (
	meetingId: MeetingId,
	over: Partial<UpdateMeetingInput> = {}
): UpdateMeetingInput => ({
	...details(),
	meetingId,
	agenda: [],
	attendance: {},
	...over
});
const issues = async (promise: Promise<unknown>) =>
	((await appError(promise)) as unknown as { issues: { field: string; key: string }[] }).issues.map(
		(i) => i.field
	);

describe('meetings', () => {
	it('the leader calls meetings; they are numbered in order, also when called at once', async () => {
		const first = await createMeeting(as(w.leader), details());
		expect(first.number).toBe(1);
		const burst = await Promise.all(
			Array.from({ length: 5 }, () => createMeeting(as(w.admin), details()))
		);
		expect(burst.map((m) => m.number).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6]);
		const list = await listMeetings(as(w.scientist), { groupId: w.groupId });
		expect(list.meetings.map((m) => m.number)).toEqual([6, 5, 4, 3, 2, 1]);
		expect(list.canCall).toBe(false);
	});

	it('only members and the administration see meetings; only the leader or admin calls them', async () => {
		for (const actor of [w.member, w.scientist])
			expect((await appError(createMeeting(as(actor), details()))).code).toBe('forbidden');
		expect((await appError(listMeetings(as(w.staff), { groupId: w.groupId }))).code).toBe(
			'forbidden'
		);
		expect((await appError(listMeetings(as(w.otherAdmin), { groupId: w.groupId }))).code).toBe(
			'not_found'
		);
		const bad = formInput(
			createMeetingInput,
			{
				heldOn: '',
				startTime: '25:00',
				place: '',
				onlineLink: 'javascript:alert(1)',
				chairId: w.staff.id,
				secretaryId: '',
				invited: ''
			},
			{ groupId: w.groupId }
		);
		expect((await issues(createMeeting(as(w.leader), bad))).sort()).toEqual([
			'heldOn',
			'onlineLink',
			'startTime'
		]);
		// Left blank (or only spaces), the time and the link are none.
		const blank = await createMeeting(
			as(w.leader),
			details({ startTime: ' ', onlineLink: '  ', secretaryId: undefined })
		);
		const view = await getMeeting(as(w.leader), {
			groupId: w.groupId,
			meetingId: blank.meetingId
		});
		expect([view.meeting.startTime, view.meeting.onlineLink, view.secretaryName]).toEqual([
			null,
			'',
			null
		]);
		const notMember = await appError(createMeeting(as(w.leader), details({ chairId: w.staff.id })));
		expect(notMember.field).toBe('chairId');
	});

	it('the secretary keeps the minutes: attendance and HEARD / SPOKE / DECIDED per item', async () => {
		const { meetingId } = await createMeeting(as(w.leader), details());
		const ids = { groupId: w.groupId, meetingId };
		await updateMeeting(
			as(w.member),
			minutes(meetingId, {
				agenda: [
					item('Иш планы жөнүндө', {
						speaker: 'А. Өмүрбекова',
						heard: 'Пландын долбоору',
						decided: 'Бекитилсин'
					}),
					item('Ачык сабактар жөнүндө', { decided: 'Графикти түзүү' })
				],
				attendance: {
					[w.leader.id]: 'present',
					[w.member.id]: 'present',
					[w.scientist.id]: 'excused'
				},
				notes: 'Биринчи сап\nЭкинчи сап',
				decisions: 'Кийинки жыйын декабрда'
			})
		);
		const view = await getMeeting(as(w.admin), ids);
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
		expect((await getMeeting(as(w.scientist), ids)).canEdit).toBe(false);

		// Saving again replaces the agenda, it does not add to it.
		await updateMeeting(as(w.leader), minutes(meetingId, { agenda: [item('Жалгыз маселе')] }));
		expect((await getMeeting(as(w.member), ids)).agenda).toHaveLength(1);
		expect((await listMeetings(as(w.member), { groupId: w.groupId })).meetings[0]).toMatchObject({
			agendaCount: 1
		});

		// A secretary who left stays on the minutes they kept; a new one must be a member.
		await updateMeeting(as(w.leader), minutes(meetingId, { secretaryId: w.scientist.id }));
		await leaveGroup(as(w.scientist), { groupId: w.groupId });
		await updateMeeting(as(w.leader), minutes(meetingId, { secretaryId: w.scientist.id }));
		expect((await getMeeting(as(w.leader), ids)).secretaryName).toBe(w.scientist.fullName);
		const { meetingId: next } = await createMeeting(
			as(w.leader),
			details({ secretaryId: undefined })
		);
		expect(
			(await appError(updateMeeting(as(w.leader), minutes(next, { secretaryId: w.scientist.id }))))
				.field
		).toBe('secretaryId');
	});

	it('refuses strangers in the attendance, too many items, and other members’ edits', async () => {
		const { meetingId } = await createMeeting(as(w.leader), details({ secretaryId: undefined }));
		const mine = (over: Partial<UpdateMeetingInput>) =>
			minutes(meetingId, { secretaryId: undefined, ...over });
		const stranger = await appError(
			updateMeeting(as(w.leader), mine({ attendance: { [w.otherTeacher.id]: 'present' } }))
		);
		expect(stranger.field).toBe(`attendance.${w.otherTeacher.id}`);
		const many = Array.from({ length: 21 }, (_, i) => item(`Маселе ${i + 1}`));
		expect(await appError(updateMeeting(as(w.leader), mine({ agenda: many })))).toMatchObject({
			messageKey: 'error_too_many',
			field: 'agenda'
		});
		expect((await appError(updateMeeting(as(w.member), minutes(meetingId)))).code).toBe(
			'forbidden'
		);
		// An item needs its title; the error names the item.
		expect(
			await issues(
				updateMeeting(
					as(w.leader),
					mine({ agenda: [item('Бар'), item('', { heard: 'Аталышы жок маселе' })] })
				)
			)
		).toEqual(['agenda.1.title']);
		expect(
			(
				await appError(
					getMeeting(as(w.leader), {
						groupId: w.groupId,
						meetingId: asId<MeetingId>('no-such-meeting')
					})
				)
			).code
		).toBe('not_found');
	});
});

import type { AttendanceStatus, Meeting } from '../../db/types';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { currentMemberNames } from '../group-access/members';
import { getMeetingInput, type GetMeetingInput } from './input';
import { canCancelMeeting, canKeepMinutes, hasBegun } from './policy';
import { findMeeting, meetingsAccess } from './queries';

export interface AgendaItemView {
	title: string;
	speaker: string;
	heard: string;
	spoke: string;
	decided: string;
}

export interface AttendeeView {
	userId: string;
	fullName: string;
	/** Null: not recorded yet. */
	status: AttendanceStatus | null;
	isCurrentMember: boolean;
	/** What their face is made of (web/faces.ts). */
	photoKey: string | null;
	photoUpdatedAt: Date | null;
}

export interface MeetingView {
	meeting: Meeting;
	groupName: string;
	schoolName: string;
	city: string;
	chairName: string | null;
	secretaryName: string | null;
	agenda: AgendaItemView[];
	attendees: AttendeeView[];
	canEdit: boolean;
	/** May call it off now: not cancelled, not begun, no minutes or attendance. */
	canCancel: boolean;
}

/** One meeting with its agenda, attendance and minutes. */
export async function getMeeting(
	{ db, actor, now }: Ctx,
	input: GetMeetingInput
): Promise<MeetingView> {
	const access = await meetingsAccess(db, actor, input.groupId);
	const meeting = await findMeeting(db, input.groupId, input.meetingId);
	const { groupId, meetingId } = validate(getMeetingInput, input);
	const [school, agenda, attendance, members, people] = await Promise.all([
		db
			.selectFrom('schools')
			.select(['name', 'city'])
			.where('id', '=', access.schoolId)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('meetingAgendaItems')
			.select(['title', 'speaker', 'heard', 'spoke', 'decided'])
			.where('meetingId', '=', meetingId)
			.orderBy('position')
			.execute(),
		db
			.selectFrom('meetingAttendance as a')
			.innerJoin('users as u', 'u.id', 'a.userId')
			.select(['a.userId', 'a.status', 'u.fullName'])
			.where('a.meetingId', '=', meetingId)
			.execute(),
		currentMemberNames(db, groupId),
		db
			.selectFrom('users')
			.select(['id', 'fullName'])
			.where('id', 'in', [meeting.chairId ?? '', meeting.secretaryId ?? ''])
			.execute()
	]);
	const attendees = new Map<string, AttendeeView>();
	for (const m of members)
		attendees.set(m.id, {
			userId: m.id,
			fullName: m.fullName,
			status: null,
			isCurrentMember: true,
			photoKey: null,
			photoUpdatedAt: null
		});
	for (const a of attendance)
		attendees.set(a.userId, {
			userId: a.userId,
			fullName: a.fullName,
			status: a.status,
			isCurrentMember: attendees.has(a.userId),
			photoKey: null,
			photoUpdatedAt: null
		});
	// Their faces, for the attendance step.
	if (attendees.size)
		for (const face of await db
			.selectFrom('users')
			.select(['id', 'photoKey', 'photoUpdatedAt'])
			.where('id', 'in', [...attendees.keys()])
			.execute())
			Object.assign(attendees.get(face.id)!, {
				photoKey: face.photoKey,
				photoUpdatedAt: face.photoUpdatedAt
			});
	const nameOf = (id: string | null) => people.find((p) => p.id === id)?.fullName ?? null;
	return {
		meeting,
		groupName: access.group.name,
		schoolName: school.name,
		city: school.city,
		chairName: nameOf(meeting.chairId),
		secretaryName: nameOf(meeting.secretaryId),
		agenda,
		attendees: [...attendees.values()],
		// A cancelled meeting is kept as it was.
		canEdit: !access.isClosed && !meeting.cancelledAt && canKeepMinutes(actor, access, meeting),
		// Offered only while it may succeed; a decision linked to it is left to the use case.
		canCancel:
			!access.isClosed &&
			!meeting.cancelledAt &&
			canCancelMeeting(actor, access, meeting) &&
			!hasBegun(meeting, now) &&
			!isRecorded(meeting, agenda, attendance)
	};
}

const isRecorded = (
	meeting: { notes: string; decisions: string },
	agenda: AgendaItemView[],
	attendance: unknown[]
) =>
	meeting.notes !== '' ||
	meeting.decisions !== '' ||
	attendance.length > 0 ||
	agenda.some((i) => i.heard !== '' || i.spoke !== '' || i.decided !== '');

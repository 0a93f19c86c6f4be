import { validate } from '../../validation';
import type { Ctx } from '../context';
import { canCallMeeting } from './policy';
import { currentMemberNames } from '../group-access/members';
import { listMeetingsInput, type ListMeetingsInput } from './input';
import { meetingsAccess } from './queries';

export interface MeetingSummary {
	id: string;
	number: number;
	heldOn: string;
	startTime: string | null;
	place: string;
	agendaCount: number;
	presentCount: number;
	hasMinutes: boolean;
	/** Called off: the list marks it. */
	cancelled: boolean;
}

/** The group's meetings, newest first. */
export async function listMeetings(
	{ db, actor }: Ctx,
	input: ListMeetingsInput
): Promise<{
	groupName: string;
	meetings: MeetingSummary[];
	canCall: boolean;
	members: { id: string; fullName: string }[];
}> {
	const access = await meetingsAccess(db, actor, input.groupId);
	const { groupId } = validate(listMeetingsInput, input);
	const [rows, members] = await Promise.all([
		db
			.selectFrom('meetings as m')
			.select((eb) => [
				'm.id',
				'm.number',
				'm.heldOn',
				'm.startTime',
				'm.place',
				'm.notes',
				'm.cancelledAt',
				eb
					.selectFrom('meetingAgendaItems as i')
					.select((c) => c.fn.countAll<number>().as('n'))
					.whereRef('i.meetingId', '=', 'm.id')
					.as('agendaCount'),
				eb
					.selectFrom('meetingAttendance as a')
					.select((c) => c.fn.countAll<number>().as('n'))
					.whereRef('a.meetingId', '=', 'm.id')
					.where('a.status', '=', 'present')
					.as('presentCount'),
				eb
					.selectFrom('meetingAgendaItems as d')
					.select((c) => c.fn.countAll<number>().as('n'))
					.whereRef('d.meetingId', '=', 'm.id')
					.where('d.decided', '!=', '')
					.as('decidedCount')
			])
			.where('m.groupId', '=', groupId)
			.orderBy('m.number', 'desc')
			.execute(),
		currentMemberNames(db, groupId)
	]);
	return {
		groupName: access.group.name,
		meetings: rows.map((r) => ({
			id: r.id,
			number: r.number,
			heldOn: r.heldOn,
			startTime: r.startTime,
			place: r.place,
			agendaCount: Number(r.agendaCount ?? 0),
			presentCount: Number(r.presentCount ?? 0),
			hasMinutes: r.notes !== '' || Number(r.decidedCount ?? 0) > 0,
			cancelled: r.cancelledAt !== null
		})),
		canCall: !access.isClosed && canCallMeeting(actor, access),
		members
	};
}

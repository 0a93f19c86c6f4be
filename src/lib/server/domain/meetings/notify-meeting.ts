import type { Meeting } from '../../db/types';
import { links, notify, type NotificationKind, type NotifyCtx } from '../../notify';

type MeetingKind = Extract<NotificationKind, `meeting.${string}`>;

/**
 * The members learn when and where the group meets. Each change is its own event (the
 * moment names it), so a second change of the same meeting is told too.
 */
export async function notifyMeeting(
	ctx: NotifyCtx,
	kind: MeetingKind,
	meeting: Pick<Meeting, 'id' | 'groupId' | 'number' | 'heldOn' | 'startTime' | 'place'>,
	/** Why it was cancelled, for the mail and the inbox. */
	reason?: string
): Promise<void> {
	await notify(ctx, {
		kind,
		key: `${meeting.id}:${ctx.now.getTime()}`,
		groupId: meeting.groupId,
		subject: `№ ${meeting.number}`,
		link:
			kind === 'meeting.cancelled'
				? links.meetings(meeting.groupId)
				: links.meeting(meeting.groupId, meeting.id),
		params: {
			meetingId: meeting.id,
			date: meeting.heldOn,
			time: meeting.startTime ?? '',
			place: meeting.place,
			...(reason ? { reason } : {})
		}
	});
}

/** Whether what the members were told (day, time, place, link) changed. */
export const isRescheduled = (
	before: Pick<Meeting, 'heldOn' | 'startTime' | 'place' | 'onlineLink'>,
	after: Pick<Meeting, 'heldOn' | 'startTime' | 'place' | 'onlineLink'>
): boolean =>
	before.heldOn !== after.heldOn ||
	(before.startTime ?? '') !== (after.startTime ?? '') ||
	before.place !== after.place ||
	before.onlineLink !== after.onlineLink;

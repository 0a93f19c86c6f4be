import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen } from '../group-access/access';
import { updateMeetingInput, type UpdateMeetingInput } from './input';
import { canKeepMinutes } from './policy';
import { isRescheduled, notifyMeeting } from './notify-meeting';
import { assertMembers, assertNotCancelled, findMeeting, meetingsAccess } from './queries';

/**
 * Saves the whole meeting at once: details, attendance, agenda with HEARD/SPOKE/DECIDED,
 * minutes. The agenda replaces the one saved before.
 */
export async function updateMeeting(
	{ db, actor, now }: Ctx,
	input: UpdateMeetingInput
): Promise<void> {
	const access = await meetingsAccess(db, actor, input.groupId);
	const meeting = await findMeeting(db, input.groupId, input.meetingId);
	assertAllowed(canKeepMinutes(actor, access, meeting));
	assertOpen(access);
	assertNotCancelled(meeting);
	const minutes = validate(updateMeetingInput, input);
	const { groupId, meetingId } = minutes;
	// A chair or secretary who has left since stays on the minutes they signed.
	await assertMembers(db, groupId, { chairId: minutes.chairId, secretaryId: minutes.secretaryId }, [
		meeting.chairId,
		meeting.secretaryId
	]);
	await inTransaction(db, async (trx) => {
		// Attendance is kept for members of the group (current or former: one who left
		// later still attended this meeting).
		const known = new Set(
			(
				await trx
					.selectFrom('groupMembers')
					.select('userId')
					.where('groupId', '=', groupId)
					.execute()
			).map((m) => m.userId)
		);
		for (const userId of Object.keys(minutes.attendance))
			if (!known.has(userId))
				throw new AppError('invalid', 'error_choice', { field: `attendance.${userId}` });
		// Not if it was called off since it was read: a cancelled meeting stays as it was.
		const updated = await trx
			.updateTable('meetings')
			.set({
				heldOn: minutes.heldOn,
				startTime: minutes.startTime ?? null,
				place: minutes.place,
				onlineLink: minutes.onlineLink ?? '',
				chairId: minutes.chairId ?? null,
				secretaryId: minutes.secretaryId ?? null,
				invited: minutes.invited,
				notes: minutes.notes,
				decisions: minutes.decisions,
				updatedAt: now
			})
			.where('id', '=', meetingId)
			.where('cancelledAt', 'is', null)
			.executeTakeFirst();
		if (Number(updated.numUpdatedRows) === 0)
			throw new AppError('conflict', 'error_meeting_cancelled');
		await trx.deleteFrom('meetingAgendaItems').where('meetingId', '=', meetingId).execute();
		if (minutes.agenda.length)
			await trx
				.insertInto('meetingAgendaItems')
				.values(
					minutes.agenda.map((item, position) => ({ id: newId(), meetingId, position, ...item }))
				)
				.execute();
		await trx.deleteFrom('meetingAttendance').where('meetingId', '=', meetingId).execute();
		const attendance = Object.entries(minutes.attendance);
		if (attendance.length)
			await trx
				.insertInto('meetingAttendance')
				.values(attendance.map(([userId, status]) => ({ meetingId, userId, status })))
				.execute();
		// Minutes kept after the meeting are no news; a new day, time or place is.
		const after = {
			...meeting,
			heldOn: minutes.heldOn,
			startTime: minutes.startTime ?? null,
			place: minutes.place,
			onlineLink: minutes.onlineLink ?? ''
		};
		if (isRescheduled(meeting, after))
			await notifyMeeting({ db: trx, now, actor }, 'meeting.changed', after);
	});
}

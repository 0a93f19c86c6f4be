import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen } from '../group-access/access';
import { cancelMeetingInput, type CancelMeetingInput } from './input';
import { notifyMeeting } from './notify-meeting';
import { canCancelMeeting, hasBegun } from './policy';
import { assertNotCancelled, findMeeting, meetingsAccess } from './queries';

/**
 * Calls off a meeting that has not taken place: it stays in the list (its number stays
 * taken, the members were told of it), marked cancelled with the reason, and the members
 * are told. A meeting that began, or has minutes or attendance, happened: it is not undone.
 */
export async function cancelMeeting(
	{ db, actor, now }: Ctx,
	input: CancelMeetingInput
): Promise<void> {
	const access = await meetingsAccess(db, actor, input.groupId);
	const meeting = await findMeeting(db, input.groupId, input.meetingId);
	assertAllowed(canCancelMeeting(actor, access, meeting));
	assertOpen(access);
	const { reason } = validate(cancelMeetingInput, input);
	assertNotCancelled(meeting);
	if (hasBegun(meeting, now)) throw new AppError('conflict', 'error_meeting_past');
	await inTransaction(db, async (trx) => {
		// Read inside the transaction: minutes saved a moment ago also count.
		if (await isRecorded(trx, meeting.id)) throw new AppError('conflict', 'error_meeting_recorded');
		// Only the first of two cancels made at once changes the row; the second is told so.
		const done = await trx
			.updateTable('meetings')
			.set({ cancelledAt: now, cancelledBy: actor.id, cancelReason: reason, updatedAt: now })
			.where('id', '=', meeting.id)
			.where('cancelledAt', 'is', null)
			.executeTakeFirst();
		if (Number(done.numUpdatedRows) === 0)
			throw new AppError('conflict', 'error_meeting_cancelled');
		await notifyMeeting({ db: trx, now, actor }, 'meeting.cancelled', meeting, reason);
	});
}

/** Minutes, attendance, or a decision taken at it: the meeting was held. */
async function isRecorded(db: DB, meetingId: string): Promise<boolean> {
	const [meeting, agenda, attendance, decision] = await Promise.all([
		db
			.selectFrom('meetings')
			.select('id')
			.where('id', '=', meetingId)
			.where((eb) => eb.or([eb('notes', '!=', ''), eb('decisions', '!=', '')]))
			.executeTakeFirst(),
		db
			.selectFrom('meetingAgendaItems')
			.select('id')
			.where('meetingId', '=', meetingId)
			.where((eb) => eb.or([eb('heard', '!=', ''), eb('spoke', '!=', ''), eb('decided', '!=', '')]))
			.executeTakeFirst(),
		db
			.selectFrom('meetingAttendance')
			.select('userId')
			.where('meetingId', '=', meetingId)
			.executeTakeFirst(),
		db.selectFrom('decisions').select('id').where('meetingId', '=', meetingId).executeTakeFirst()
	]);
	return Boolean(meeting ?? agenda ?? attendance ?? decision);
}

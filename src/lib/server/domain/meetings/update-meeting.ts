import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { validate, ValidationError } from '../../validation';
import { assertAllowed, assertOpen } from '../group-access/access';
import { meetingFormToInput, meetingInput } from './input';
import { canKeepMinutes } from './policy';
import { assertMembers, findMeeting, meetingsAccess } from './queries';

/** Saves the whole meeting at once: details, attendance, agenda with HEARD/SPOKE/DECIDED, minutes. */
export async function updateMeeting(
	db: DB,
	actor: Actor,
	groupId: string,
	meetingId: string,
	rawInput: Record<string, unknown>,
	now = new Date()
): Promise<void> {
	const access = await meetingsAccess(db, actor, groupId);
	const meeting = await findMeeting(db, groupId, meetingId);
	assertAllowed(canKeepMinutes(actor, access, meeting));
	assertOpen(access);
	const form = meetingFormToInput(rawInput);
	const input = validateRows(form.input, form.rows);
	// A chair or secretary who has left since stays on the minutes they signed.
	await assertMembers(db, groupId, { chairId: input.chairId, secretaryId: input.secretaryId }, [
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
		for (const userId of Object.keys(input.attendance))
			if (!known.has(userId))
				throw new AppError('invalid', 'error_choice', { field: `attendance.${userId}` });
		await trx
			.updateTable('meetings')
			.set({
				heldOn: input.heldOn,
				startTime: input.startTime ?? null,
				place: input.place,
				onlineLink: input.onlineLink ?? '',
				chairId: input.chairId ?? null,
				secretaryId: input.secretaryId ?? null,
				invited: input.invited,
				notes: input.notes,
				decisions: input.decisions,
				updatedAt: now
			})
			.where('id', '=', meetingId)
			.execute();
		await trx.deleteFrom('meetingAgendaItems').where('meetingId', '=', meetingId).execute();
		if (input.agenda.length)
			await trx
				.insertInto('meetingAgendaItems')
				.values(
					input.agenda.map((item, position) => ({ id: newId(), meetingId, position, ...item }))
				)
				.execute();
		await trx.deleteFrom('meetingAttendance').where('meetingId', '=', meetingId).execute();
		const attendance = Object.entries(input.attendance);
		if (attendance.length)
			await trx
				.insertInto('meetingAttendance')
				.values(attendance.map(([userId, status]) => ({ meetingId, userId, status })))
				.execute();
	});
}

/** Validates, pointing agenda errors at the row of the form they came from. */
function validateRows(input: Record<string, unknown>, rows: number[]) {
	try {
		return validate(meetingInput, input);
	} catch (error) {
		if (!(error instanceof ValidationError)) throw error;
		throw new ValidationError(
			error.issues.map((issue) => ({
				...issue,
				field: issue.field.replace(
					/^agenda\.(\d+)\./,
					(_, i: string) => `agenda.${rows[Number(i)]}.`
				)
			}))
		);
	}
}

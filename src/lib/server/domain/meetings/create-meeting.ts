import type { z } from 'zod';
import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import { inTransaction, retryOnConflict } from '../../db/transaction';
import { nextNumber } from '../../db/next-number';
import type { DB } from '../../db/types';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen } from '../group-access/access';
import { asId, type MeetingId } from '../ids';
import { createMeetingInput, type CreateMeetingInput } from './input';
import { canCallMeeting } from './policy';
import { notifyMeeting } from './notify-meeting';
import { assertMembers, meetingsAccess } from './queries';

/**
 * The leader calls a meeting, with its agenda (one item a line); it gets the group's next
 * minutes number.
 */
export async function createMeeting(
	{ db, actor, now }: Ctx,
	input: CreateMeetingInput
): Promise<{ meetingId: MeetingId; number: number }> {
	const access = await meetingsAccess(db, actor, input.groupId);
	assertAllowed(canCallMeeting(actor, access));
	assertOpen(access);
	const details = validate(createMeetingInput, input);
	await assertMembers(db, details.groupId, {
		chairId: details.chairId,
		secretaryId: details.secretaryId
	});
	const meetingId = asId<MeetingId>(newId());
	// Two meetings called at once never share a number: SQLite's transaction takes the write
	// lock; on PostgreSQL the unique (group, number) refuses the second, which tries again.
	const number = await retryOnConflict(() => insertNext(db, meetingId, actor, details, now));
	return { meetingId, number };
}

function insertNext(
	db: DB,
	meetingId: MeetingId,
	actor: Actor,
	input: z.output<typeof createMeetingInput>,
	now: Date
): Promise<number> {
	return inTransaction(db, async (trx) => {
		const next = await nextNumber(trx, 'meetings', input.groupId);
		await trx
			.insertInto('meetings')
			.values({
				id: meetingId,
				groupId: input.groupId,
				number: next,
				heldOn: input.heldOn,
				startTime: input.startTime ?? null,
				place: input.place,
				onlineLink: input.onlineLink ?? '',
				chairId: input.chairId ?? null,
				secretaryId: input.secretaryId ?? null,
				invited: input.invited,
				notes: '',
				decisions: '',
				createdBy: actor.id,
				createdAt: now,
				updatedAt: now
			})
			.execute();
		if (input.agenda.length)
			await trx
				.insertInto('meetingAgendaItems')
				.values(
					input.agenda.map((title, position) => ({
						id: newId(),
						meetingId,
						position,
						title,
						speaker: '',
						heard: '',
						spoke: '',
						decided: ''
					}))
				)
				.execute();
		await notifyMeeting({ db: trx, now, actor }, 'meeting.scheduled', {
			id: meetingId,
			groupId: input.groupId,
			number: next,
			heldOn: input.heldOn,
			startTime: input.startTime ?? null,
			place: input.place
		});
		return next;
	});
}

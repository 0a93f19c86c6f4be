import type { z } from 'zod';
import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import { inTransaction, retryOnConflict } from '../../db/transaction';
import { nextNumber } from '../../db/next-number';
import type { DB } from '../../db/types';
import { validate } from '../../validation';
import { assertAllowed, assertOpen } from '../group-access/access';
import { meetingDetailsInput } from './input';
import { canCallMeeting } from './policy';
import { assertMembers, meetingsAccess } from './queries';

/** The leader calls a meeting; it gets the group's next minutes number. */
export async function createMeeting(
	db: DB,
	actor: Actor,
	groupId: string,
	rawInput: unknown,
	now = new Date()
): Promise<{ meetingId: string; number: number }> {
	const access = await meetingsAccess(db, actor, groupId);
	assertAllowed(canCallMeeting(actor, access));
	assertOpen(access);
	const input = validate(meetingDetailsInput, rawInput);
	await assertMembers(db, groupId, { chairId: input.chairId, secretaryId: input.secretaryId });
	const meetingId = newId();
	// Two meetings called at once never share a number: SQLite's transaction takes the write
	// lock; on PostgreSQL the unique (group, number) refuses the second, which tries again.
	const number = await retryOnConflict(() => insertNext(db, groupId, meetingId, actor, input, now));
	return { meetingId, number };
}

function insertNext(
	db: DB,
	groupId: string,
	meetingId: string,
	actor: Actor,
	input: z.output<typeof meetingDetailsInput>,
	now: Date
): Promise<number> {
	return inTransaction(db, async (trx) => {
		const next = await nextNumber(trx, 'meetings', groupId);
		await trx
			.insertInto('meetings')
			.values({
				id: meetingId,
				groupId,
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
		return next;
	});
}

import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import type { DB } from '../../db/types';
import { validate } from '../../validation';
import { assertAllowed, assertOpen } from '../groups/queries';
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
	// The transaction takes the write lock (SQLite) and the unique (group, number) guards
	// PostgreSQL: two meetings called at once never share a number.
	const number = await inTransaction(db, async (trx) => {
		const last = await trx
			.selectFrom('meetings')
			.select((eb) => eb.fn.max('number').as('number'))
			.where('groupId', '=', groupId)
			.executeTakeFirst();
		const next = Number(last?.number ?? 0) + 1;
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
	return { meetingId, number };
}

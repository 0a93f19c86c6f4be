import { isUniqueViolation } from '../../db/errors';
import { newId } from '../../db/ids';
import type { DB, MembershipRequestKind } from '../../db/types';
import { AppError } from '../../errors';

// Shared by the request and invitation use cases: one open request per person and group.

export async function openRequest(
	db: DB,
	input: {
		groupId: string;
		userId: string;
		kind: MembershipRequestKind;
		message: string;
		createdBy: string;
	},
	now: Date
): Promise<string> {
	const id = newId();
	try {
		await db
			.insertInto('membershipRequests')
			.values({
				id,
				...input,
				createdAt: now,
				status: 'pending',
				decidedBy: null,
				decidedAt: null,
				response: null
			})
			.execute();
	} catch (error) {
		// The partial unique index: a request or invitation is already waiting.
		if (isUniqueViolation(error)) throw new AppError('conflict', 'error_request_pending');
		throw error;
	}
	return id;
}

export async function findPendingRequest(db: DB, groupId: string, requestId: string) {
	const row = await db
		.selectFrom('membershipRequests')
		.selectAll()
		.where('id', '=', requestId)
		.where('groupId', '=', groupId)
		.executeTakeFirst();
	if (!row) throw new AppError('not_found', 'error_request_not_found');
	if (row.status !== 'pending') throw new AppError('conflict', 'error_request_decided');
	return row;
}

/** Closes a pending request; false when someone else decided it first. */
export async function settleRequest(
	db: DB,
	input: {
		requestId: string;
		status: 'accepted' | 'declined' | 'withdrawn';
		decidedBy: string;
		response?: string | null;
	},
	now: Date
): Promise<void> {
	const result = await db
		.updateTable('membershipRequests')
		.set({
			status: input.status,
			decidedBy: input.decidedBy,
			decidedAt: now,
			response: input.response ?? null
		})
		.where('id', '=', input.requestId)
		.where('status', '=', 'pending')
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) !== 1) throw new AppError('conflict', 'error_request_decided');
}

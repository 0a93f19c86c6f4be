import { AppError } from '../errors';
import type { Ctx } from '../domain/context';
import { findUserById } from '../domain/accounts/queries';
import type { UserId } from '../domain/ids';
import { initialsOf } from './initials';
import { canHandleDataRequestOf } from './policy';

export interface DataRequestView {
	id: string;
	fullName: string;
	email: string;
	erasedAt: Date | null;
	/** What the erasure form offers as the kept name: the initials. */
	defaultKeptName: string;
	/** The admin's own account: exported from the profile, never erased here. */
	isMe: boolean;
}

/** The person an admin (or the operator) handles a data request of. */
export async function getDataRequest(
	{ db, actor }: Ctx,
	input: { userId: UserId }
): Promise<DataRequestView> {
	const user = await findUserById(db, input.userId);
	if (!user || !canHandleDataRequestOf(actor, user))
		throw new AppError('not_found', 'error_not_found');
	return {
		id: user.id,
		fullName: user.fullName,
		email: user.email,
		erasedAt: user.erasedAt,
		defaultKeptName: initialsOf(user.fullName),
		isMe: user.id === actor.id
	};
}

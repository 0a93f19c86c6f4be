import type { DB } from '../../db/types';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { confirmPassword } from './confirm-password';
import { accountActionInput, type AccountActionInput } from './input-admin';
import { findTargetAccount } from './operators';
import { assertCanActOn } from './policy';
import { findUserById } from './queries';

type Account = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

/**
 * An admin's (or operator's) action on someone else's account: who may is checked first, the
 * actor's password confirms it, and the account is read again inside the transaction and
 * checked once more, so a change made meanwhile (say, operator rights) is seen.
 */
export async function actOnAccount<T>(
	{ db, actor, now }: Ctx,
	input: AccountActionInput,
	work: (trx: DB, user: Account) => Promise<T>
): Promise<T> {
	assertCanActOn(actor, await findTargetAccount(db, input.userId));
	const { userId, password } = validate(accountActionInput, input);
	await confirmPassword(db, actor, password, now);
	return db.transaction().execute(async (trx) => {
		const user = await findUserById(trx, userId);
		assertCanActOn(actor, user);
		return work(trx, user!);
	});
}

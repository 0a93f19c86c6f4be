import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { verifyPassword } from './password';
import { findUserById } from './queries';

/**
 * Wrong passwords typed to confirm an admin action, per actor, in a sliding window. Past it
 * the confirmation answers 429 until the window slides: a stolen session cannot be used to
 * guess the password through these forms.
 */
export const reauthLimits = { windowMs: 15 * 60 * 1000, perActor: 5 } as const;

const reauthKey = (actorId: string) => `reauth:user:${actorId}`;

/**
 * Checks the actor's own password, typed again in an admin action's form (field `password`).
 * Call it before the action's transaction: a wrong attempt is counted (rate_events) even
 * though the action fails.
 */
export async function confirmPassword(
	db: DB,
	actor: Actor,
	password: string,
	now = new Date()
): Promise<void> {
	const key = reauthKey(actor.id);
	const since = new Date(now.getTime() - reauthLimits.windowMs);
	const row = await db
		.selectFrom('rateEvents')
		.select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('createdAt').as('oldestAt')])
		.where('key', '=', key)
		.where('createdAt', '>', since)
		.executeTakeFirstOrThrow();
	if (Number(row.count) >= reauthLimits.perActor) {
		const oldest = (row.oldestAt as Date | null)?.getTime() ?? now.getTime();
		const retryMs = Math.max(1000, oldest + reauthLimits.windowMs - now.getTime());
		throw new AppError('rate_limited', 'operator_error_too_many_password_attempts', {
			field: 'password',
			params: { minutes: Math.ceil(retryMs / 60_000) },
			retryAfterSeconds: Math.ceil(retryMs / 1000)
		});
	}
	const user = await findUserById(db, actor.id);
	if (user && user.isActive && (await verifyPassword(user.passwordHash, password))) return;
	await db
		.deleteFrom('rateEvents')
		.where('key', '=', key)
		.where('createdAt', '<=', since)
		.execute();
	await db.insertInto('rateEvents').values({ id: newId(), key, createdAt: now }).execute();
	throw new AppError('invalid', 'operator_error_wrong_password', { field: 'password' });
}

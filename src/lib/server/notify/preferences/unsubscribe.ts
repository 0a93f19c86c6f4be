import type { AnonymousCtx } from '../../domain/context';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { defaultTelegram, notificationKinds, type NotificationKind } from '../kinds';
import { readUnsubscribeToken, type UnsubscribeScope } from '../email/tokens';
import { unsubscribeInput, type UnsubscribeInput } from './input';
import { holdBackPending, storePreference } from './store';

/** Whose and which mail an unsubscribe link stops; a forged or stale link is not found. */
export async function findUnsubscribe(
	{ db }: AnonymousCtx,
	input: UnsubscribeInput
): Promise<{ userId: string; scope: UnsubscribeScope }> {
	const { token } = validate(unsubscribeInput, input);
	const read = readUnsubscribeToken(token);
	const user =
		read &&
		(await db
			.selectFrom('users')
			.select('id')
			.where('id', '=', read.userId)
			.where('isActive', '=', true)
			.executeTakeFirst());
	if (!read || !user) throw new AppError('not_found', 'email_error_bad_link');
	return read;
}

/**
 * One-click unsubscribe (RFC 8058), no sign-in: the signed link names the person and the
 * kind (or all). Email for it goes off, Telegram stays as chosen; doing it twice changes
 * nothing more.
 */
export async function unsubscribe(
	ctx: AnonymousCtx,
	input: UnsubscribeInput
): Promise<{ scope: UnsubscribeScope }> {
	const { userId, scope } = await findUnsubscribe(ctx, input);
	const kinds: NotificationKind[] = scope === 'all' ? [...notificationKinds] : [scope];
	await ctx.db.transaction().execute(async (trx) => {
		const telegram = new Map(
			(
				await trx
					.selectFrom('notificationPreferences')
					.select(['kind', 'hasTelegram'])
					.where('userId', '=', userId)
					.execute()
			).map((p) => [p.kind, p.hasTelegram])
		);
		for (const kind of kinds)
			await storePreference(trx, userId, kind, {
				email: 'off',
				telegram: telegram.get(kind) ?? defaultTelegram(kind)
			});
		await holdBackPending(trx, userId, kinds);
	});
	return { scope };
}

import type { Ctx } from '../../domain/context';
import { validate } from '../../validation';
import { defaultTelegram, kindRule, type EmailChoice, type NotificationKind } from '../kinds';
import { saveNotificationSettingsInput, type SaveNotificationSettingsInput } from './input';
import { holdBackPending, storePreference } from './store';

/** The person saves their own settings (nobody else's: the actor is the only target). */
export async function saveNotificationSettings(
	{ db, actor }: Ctx,
	input: SaveNotificationSettingsInput
): Promise<{ saved: number }> {
	const { settings } = validate(saveNotificationSettingsInput, input);
	await db.transaction().execute(async (trx) => {
		const current = new Map(
			(
				await trx
					.selectFrom('notificationPreferences')
					.select(['kind', 'hasTelegram'])
					.where('userId', '=', actor.id)
					.execute()
			).map((p) => [p.kind, p.hasTelegram])
		);
		const turnedOff: NotificationKind[] = [];
		for (const s of settings) {
			const telegram = s.telegram ?? current.get(s.kind) ?? defaultTelegram(s.kind);
			await storePreference(trx, actor.id, s.kind, {
				email: s.email as EmailChoice,
				telegram
			});
			if (s.email === 'off' && kindRule(s.kind).email !== 'off') turnedOff.push(s.kind);
		}
		await holdBackPending(trx, actor.id, turnedOff);
	});
	return { saved: settings.length };
}

import type { DB } from '../../db/types';
import { defaultTelegram, kindRule, type EmailChoice, type NotificationKind } from '../kinds';

// Only what differs from the defaults (kinds.ts) is stored: a changed default then reaches
// everyone who never chose otherwise.

export async function storePreference(
	db: DB,
	userId: string,
	kind: NotificationKind,
	choice: { email: EmailChoice; telegram: boolean }
): Promise<void> {
	const isDefault =
		choice.email === kindRule(kind).email && choice.telegram === defaultTelegram(kind);
	if (isDefault) {
		await db
			.deleteFrom('notificationPreferences')
			.where('userId', '=', userId)
			.where('kind', '=', kind)
			.execute();
		return;
	}
	await db
		.insertInto('notificationPreferences')
		.values({ userId, kind, email: choice.email, hasTelegram: choice.telegram })
		.onConflict((oc) =>
			oc
				.columns(['userId', 'kind'])
				.doUpdateSet({ email: choice.email, hasTelegram: choice.telegram })
		)
		.execute();
}

/** Mail turned off also holds back what was waiting for a digest (or a retry) of that kind. */
export async function holdBackPending(
	db: DB,
	userId: string,
	kinds: readonly NotificationKind[]
): Promise<void> {
	if (kinds.length === 0) return;
	await db
		.updateTable('notifications')
		.set({ email: 'off' })
		.where('userId', '=', userId)
		.where('kind', 'in', kinds)
		.where('emailedAt', 'is', null)
		.where('email', '!=', 'off')
		.execute();
}

import type { Ctx } from '../../domain/context';
import { mailEnabled } from '../../mail';
import {
	defaultTelegram,
	kindRule,
	notificationAreas,
	notificationKinds,
	type EmailChoice,
	type NotificationArea,
	type NotificationKind
} from '../kinds';

export interface KindSetting {
	kind: NotificationKind;
	email: EmailChoice;
	telegram: boolean;
	defaultEmail: EmailChoice;
}

/** The signed-in person's own settings: every kind by area, their choice or the default. */
export async function getNotificationSettings({ db, actor }: Ctx): Promise<{
	areas: { area: NotificationArea; kinds: KindSetting[] }[];
	telegramLinked: boolean;
	mailEnabled: boolean;
}> {
	const [chosen, link] = await Promise.all([
		db
			.selectFrom('notificationPreferences')
			.select(['kind', 'email', 'hasTelegram'])
			.where('userId', '=', actor.id)
			.execute(),
		db
			.selectFrom('telegramLinks')
			.select('chatId')
			.where('userId', '=', actor.id)
			.executeTakeFirst()
	]);
	const byKind = new Map(chosen.map((p) => [p.kind, p]));
	const setting = (kind: NotificationKind): KindSetting => {
		const own = byKind.get(kind);
		return {
			kind,
			email: (own?.email as EmailChoice | undefined) ?? kindRule(kind).email,
			telegram: own?.hasTelegram ?? defaultTelegram(kind),
			defaultEmail: kindRule(kind).email
		};
	};
	return {
		areas: notificationAreas.map((area) => ({
			area,
			kinds: notificationKinds.filter((k) => kindRule(k).area === area).map(setting)
		})),
		telegramLinked: Boolean(link?.chatId),
		mailEnabled: mailEnabled()
	};
}

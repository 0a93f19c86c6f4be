import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import type { Locale } from '../../../i18n/locale';

/** The switcher on every page: a signed-in user's choice is kept in their profile. */
export async function setLanguage(db: DB, actor: Actor, locale: Locale, now = new Date()) {
	await db
		.updateTable('users')
		.set({ locale, updatedAt: now })
		.where('id', '=', actor.id)
		.execute();
}

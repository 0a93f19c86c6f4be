import { validate } from '../../validation';
import type { Ctx } from '../context';
import { setLanguageInput, type SetLanguageInput } from './input';

/** The switcher on every page: a signed-in user's choice is kept in their profile. */
export async function setLanguage({ db, actor, now }: Ctx, input: SetLanguageInput) {
	const { locale } = validate(setLanguageInput, input);
	await db
		.updateTable('users')
		.set({ locale, updatedAt: now })
		.where('id', '=', actor.id)
		.execute();
}

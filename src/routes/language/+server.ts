import { redirect } from '@sveltejs/kit';
import { setLanguage } from '$lib/server/domain/accounts/set-language';
import { safeNext } from '$lib/server/web/redirects';
import { isLocale } from '$lib/i18n/locale';
import { actorCtx } from '$lib/server/web/context';
import { setLocaleCookie } from '$lib/server/web/locale-cookie';
import type { RequestHandler } from './$types';

/** The language switcher's form posts here; then back to the page it came from. */
export const POST: RequestHandler = async ({ request, cookies, locals }) => {
	const form = await request.formData().catch(() => new FormData());
	const locale = String(form.get('locale') ?? '');
	const next = safeNext(String(form.get('next') ?? ''), '/');
	if (isLocale(locale)) {
		setLocaleCookie(cookies, locale);
		if (locals.actor) await setLanguage(actorCtx(locals), { locale });
	}
	redirect(303, next);
};

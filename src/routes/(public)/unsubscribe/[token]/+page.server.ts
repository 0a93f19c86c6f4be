import { kindLabel } from '$lib/server/notify/email/compose';
import { findUnsubscribe, unsubscribe } from '$lib/server/notify/preferences/unsubscribe';
import { anonymousCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

// The link in every notification mail (List-Unsubscribe, RFC 8058). A GET only shows a
// button: link scanners and previews fetch it. The POST — the button, or the mail client's
// own one-click request sent from another site (csrf.ts lets it through) — turns it off.

export const load: PageServerLoad = async ({ params, locals }) => {
	const { scope } = await orHttpError(findUnsubscribe(anonymousCtx(), { token: params.token }));
	return {
		all: scope === 'all',
		kindLabel: scope === 'all' ? '' : kindLabel(scope, locals.locale)
	};
};

export const actions: Actions = {
	// Thrown, not a form failure: a mail client's POST (Accept */*) gets SvelteKit's JSON
	// answer, and only an HTTP error gives it a 404 status there; a browser gets the error page.
	default: async ({ params }) => {
		await orHttpError(unsubscribe(anonymousCtx(), { token: params.token }));
		return { done: true as const };
	}
};

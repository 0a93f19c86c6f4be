import { json } from '@sveltejs/kit';
import type { Locale } from '../../i18n/locale';
import type { MessageKey } from '../../i18n/messages';
import { translate } from './i18n';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The answer when a request fails before a page can render (a refused form post, the database
 * down during the session lookup): translated, with the request id, for browsers and for
 * SvelteKit's enhanced forms alike. Pages that fail while rendering use +error.svelte instead.
 */
export function failureResponse(
	request: Request,
	status: number,
	key: MessageKey,
	locale: Locale,
	requestId: string
): Response {
	const message = translate(key, {}, locale);
	const idLine = translate('error_request_id', { id: requestId }, locale);
	if (request.headers.get('x-sveltekit-action') === 'true')
		return json({ type: 'error', error: { message, requestId } }, { status });
	const accept = request.headers.get('accept') ?? '';
	if (accept.includes('application/json') && !accept.includes('text/html'))
		return json({ message, requestId }, { status });
	const title = translate(
		status === 403 ? 'error_title_forbidden' : 'error_title_server',
		{},
		locale
	);
	const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · ${escape(translate('app_name', {}, locale))}</title>
<style>body{font:18px/1.5 system-ui,sans-serif;color:#1d2733;background:#f6f4ef;margin:0;padding:2rem 1rem}main{max-width:36rem;margin:0 auto;background:#fff;border-radius:12px;padding:1.5rem}a{color:#0b5cab}.id{color:#4a5563;font-size:.9rem}</style>
</head>
<body><main>
<p class="id">${escape(translate('error_status', { status }, locale))}</p>
<h1>${escape(title)}</h1>
<p>${escape(message)}</p>
<p><a href="/">${escape(translate('error_go_home', {}, locale))}</a></p>
<p class="id">${escape(idLine)}</p>
</main></body>
</html>`;
	return new Response(html, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}

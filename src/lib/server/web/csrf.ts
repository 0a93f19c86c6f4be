// SvelteKit's own check refuses every form post without our Origin, which also shuts out
// OAI-PMH harvesters (they POST forms and send no Origin). The check is ours instead, the
// same rule, with the routes that are meant for other sites' machines left open: OAI only
// reads public records, so a cross-site post there can change nothing; the unsubscribe link
// of a mail is posted by the mail client (RFC 8058 one-click), and what it changes is named
// by the signed token in its address, not by a session a forged form could ride on.

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes other sites may post forms to: read-only protocols, token-signed one-click links. */
export const crossSiteRoutes = new Set(['/oai', '/(public)/unsubscribe/[token]']);

/**
 * A form sent from another site (or with no Origin) to a route that does not take one. A write
 * with no Content-Type counts as a form: another site can send one without a preflight (a
 * fetch of an untyped Blob), and /signout reads no body at all.
 */
export function isCrossSiteForm(request: Request, url: URL, routeId: string | null): boolean {
	if (!WRITES.has(request.method)) return false;
	const type = (request.headers.get('content-type') ?? '').split(';', 1)[0]!.trim().toLowerCase();
	if (type !== '' && !FORM_TYPES.includes(type)) return false;
	if (request.headers.get('origin') === url.origin) return false;
	return !crossSiteRoutes.has(routeId ?? '');
}

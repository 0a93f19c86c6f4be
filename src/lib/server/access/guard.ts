import type { Actor } from './actor';
import { routeAccess, type HttpMethod, type RouteAccess } from './routes';
import type { Rule } from './rules';

/**
 * allow: go on. signin: nobody is signed in and the rule wants someone. deny: signed in but
 * not allowed. undeclared: the route is missing from routeAccess (a bug: fail closed).
 */
export type Verdict = 'allow' | 'signin' | 'deny' | 'undeclared';

/** The form action a POST names (`?/invite`), or "default". */
export function actionName(url: URL): string {
	for (const key of url.searchParams.keys()) if (key.startsWith('/')) return key.slice(1);
	return 'default';
}

function ruleFor(access: RouteAccess, method: string, url: URL): Rule | undefined {
	if (access.endpoint) return access.endpoint[method as HttpMethod];
	if (method === 'GET' || method === 'HEAD') return access.page;
	if (method === 'POST') return access.actions?.[actionName(url)];
	return undefined;
}

export async function checkAccess(input: {
	routeId: string | null;
	method: string;
	url: URL;
	actor: Actor | null;
	params: Record<string, string>;
}): Promise<Verdict> {
	// No route matched: SvelteKit answers 404 itself.
	if (input.routeId === null) return 'allow';
	const access = routeAccess[input.routeId];
	if (!access) return 'undeclared';
	const rule = ruleFor(access, input.method, input.url);
	if (rule && (await rule.allows({ actor: input.actor, params: input.params }))) return 'allow';
	return input.actor ? 'deny' : 'signin';
}

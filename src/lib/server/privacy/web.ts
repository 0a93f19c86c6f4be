import { config } from '../config.js';
import { actorCtx } from '../web/context';
import { orHttpError } from '../web/load';
import { formatDateTime } from '../../i18n/format';
import { securityEventKinds, type SecurityEventKind } from '../security/events';
import type { UserId } from '../domain/ids';
import { exportPersonalData } from './export-personal-data';
import { securityEventLabel } from './labels';
import { listSecurityEvents } from './list-security-events';

// The web side of personal data: the JSON file a person (or an admin for them) downloads,
// and the two security-event pages (the administration's, the operator's).

/** The export as a download: never cached, on a shared computer least of all. */
export async function personalDataResponse(locals: App.Locals, userId: UserId, ip: string) {
	const ctx = actorCtx(locals);
	const data = await orHttpError(exportPersonalData(ctx, { userId, ip }));
	const day = data.exportedAt.slice(0, 10);
	return new Response(JSON.stringify(data, null, '\t'), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="personal-data-${day}.json"`,
			'cache-control': 'private, no-store'
		}
	});
}

const isKind = (value: string | null): value is SecurityEventKind =>
	(securityEventKinds as readonly string[]).includes(value ?? '');

export async function loadSecurityPage(
	locals: App.Locals,
	url: URL,
	scope: 'school' | 'deployment'
) {
	const ctx = actorCtx(locals);
	const { timeZone } = config();
	const typedKind = url.searchParams.get('kind');
	const kind = isKind(typedKind) ? typedKind : undefined;
	const number = Number(url.searchParams.get('page') ?? '1');
	const page = Number.isInteger(number) && number >= 1 && number <= 100_000 ? number : 1;
	const result = await orHttpError(listSecurityEvents(ctx, { scope, kind, page }));
	const link = (n: number) => {
		const params = new URLSearchParams();
		if (kind) params.set('kind', kind);
		if (n > 1) params.set('page', String(n));
		return params.size ? `?${params}` : url.pathname;
	};
	return {
		scope,
		kind: kind ?? '',
		kinds: securityEventKinds.map((k) => ({ value: k, label: securityEventLabel[k]() })),
		page: result.page,
		newer: result.page > 1 ? link(result.page - 1) : null,
		older: result.hasMore ? link(result.page + 1) : null,
		events: result.events.map((e) => ({
			id: e.id,
			kind: securityEventLabel[e.kind]?.() ?? e.kind,
			when: formatDateTime(e.createdAt, locals.locale, timeZone),
			iso: e.createdAt.toISOString(),
			whom: e.userId ? (e.userName ?? e.userId) : null,
			who: e.actorId ? (e.actorName ?? e.actorId) : null,
			ip: e.ip
		}))
	};
}

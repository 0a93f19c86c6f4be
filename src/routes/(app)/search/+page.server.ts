import { config } from '$lib/server/config.js';
import {
	MAX_QUERY_LENGTH,
	MAX_QUERY_TERMS,
	searchWorkspace,
	workspaceFilters,
	type WorkspaceFilter,
	type WorkspaceResult
} from '$lib/server/search';
import { actorCtx } from '$lib/server/web/context';
import { formatDay } from '$lib/server/web/days';
import { formatDate } from '$lib/i18n/format';
import * as m from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

const filterLabels: Record<WorkspaceFilter, () => string> = {
	material: m.search_kind_material,
	proposal: m.search_kind_proposal,
	discussion: m.search_kind_discussion,
	meeting: m.search_kind_meeting,
	decision: m.search_kind_decision,
	member: m.search_kind_member
};

const typeLabels: Record<WorkspaceResult['kind'], () => string> = {
	material: m.search_type_material,
	proposal: m.search_type_proposal,
	thread: m.search_type_thread,
	post: m.search_type_post,
	meeting: m.search_type_meeting,
	decision: m.search_type_decision,
	member: m.search_type_member
};

const statusLabels: Record<string, () => string> = {
	draft: m.material_status_draft,
	offered: m.material_status_offered,
	under_review: m.material_status_under_review,
	revision_requested: m.material_status_revision_requested,
	accepted: m.material_status_accepted,
	archived: m.material_status_archived,
	leader: m.group_role_leader,
	member: m.group_role_member
};

/**
 * Search everywhere: a plain GET form (works without JavaScript). Whatever the address holds
 * — a 10 KB query, operators, a page past the end — the page answers, never an error.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	const ctx = actorCtx(locals);
	const { timeZone } = config();
	const q = url.searchParams.get('q') ?? '';
	const result = await searchWorkspace(ctx, {
		q,
		kind: url.searchParams.get('kind'),
		page: url.searchParams.get('page')
	});

	/** The address of the same search with another kind or page. */
	const href = (kind: WorkspaceFilter | null, page = 1) => {
		const next = new URLSearchParams();
		if (result.q) next.set('q', result.q);
		if (kind) next.set('kind', kind);
		if (page > 1) next.set('page', String(page));
		return `/search?${next.toString()}`;
	};
	const all = Object.values(result.counts).reduce((a, b) => a + b, 0);

	return {
		q: result.q,
		asked: q.trim() !== '',
		searching: result.searching,
		kind: result.kind,
		limits: { chars: MAX_QUERY_LENGTH, words: MAX_QUERY_TERMS },
		notes: {
			truncated: result.truncated,
			clamped: result.clamped,
			kindIgnored: result.kindIgnored,
			corrections: result.corrections
		},
		filters: [
			{ value: null, label: m.search_kind_all(), count: all, href: href(null) },
			...workspaceFilters.map((f) => ({
				value: f,
				label: filterLabels[f](),
				count: result.counts[f],
				href: href(f)
			}))
		],
		/** Matches elsewhere when the chosen kind has none. */
		elsewhere: result.kind !== null && result.total === 0 ? all : 0,
		total: result.total,
		page: result.page,
		pageCount: result.pageCount,
		prevHref: result.page > 1 ? href(result.kind, result.page - 1) : null,
		nextHref: result.page < result.pageCount ? href(result.kind, result.page + 1) : null,
		results: result.results.map((r) => ({
			key: `${r.kind}:${r.groupId}:${r.id}`,
			type: typeLabels[r.kind](),
			titleHtml: r.kind === 'meeting' ? null : r.titleHtml,
			meetingNumber: r.kind === 'meeting' ? r.number : null,
			place: r.kind === 'meeting' ? r.titleHtml : null,
			number: r.kind === 'proposal' || r.kind === 'decision' ? r.number : null,
			day: r.day ? formatDay(r.day, locals.locale) : null,
			status: statusLabels[r.status]?.() ?? null,
			group: r.groupName,
			href: r.href,
			snippet: r.snippet,
			changed: r.kind === 'member' ? null : formatDate(r.at, locals.locale, timeZone),
			joined: r.kind === 'member' ? formatDate(r.at, locals.locale, timeZone) : null
		}))
	};
};

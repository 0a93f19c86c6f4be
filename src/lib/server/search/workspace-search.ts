import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { isStaff, type Actor } from '../access/actor';
import { isPostgres } from '../db/migrations/columns';
import { materialStatuses, type DB, type MaterialStatus } from '../db/types';
import type { Ctx } from '../domain/context';
import {
	canSeeGroup,
	canSeeGroupWork,
	canSeeMeetings,
	type GroupPlace
} from '../domain/group-access/policy';
import { canSeeMaterial } from '../domain/materials/policy';
import { log } from '../log';
import { editDistance, readQuery, snippet, termKeys, typoBudget } from './text';
import { syncWorkspace, type WorkspaceKind } from './workspace-sync';

// Search everywhere (C8): the group work a person may see, across their groups, with the
// catalog's language work (text.ts). Who sees what is decided by the same policy functions
// the pages use, applied to each group the person has a place in; the index is only asked
// for what passes them, and no word of anything else comes back — not in a result, a
// snippet, a count, nor a "did you mean".

export const WORKSPACE_PAGE_SIZE = 20;
/** The filters of the page: discussions are threads and their posts. */
export const workspaceFilters = [
	'material',
	'proposal',
	'discussion',
	'meeting',
	'decision',
	'member'
] as const;
export type WorkspaceFilter = (typeof workspaceFilters)[number];
const filterKinds: Record<WorkspaceFilter, WorkspaceKind[]> = {
	material: ['material'],
	proposal: ['proposal'],
	discussion: ['thread', 'post'],
	meeting: ['meeting'],
	decision: ['decision'],
	member: ['member']
};
/** Misspelt words' alternatives checked against what the person may see, at most. */
const MAX_ALTERNATIVES = 8;

export interface WorkspaceQuery {
	q?: string | null;
	kind?: string | null;
	page?: string | number | null;
}

export interface WorkspaceResult {
	kind: WorkspaceKind;
	/** The filter the kind belongs to. */
	filter: WorkspaceFilter;
	groupId: string;
	groupName: string;
	/** The source's id (a member's user id). */
	id: string;
	title: string;
	/** HTML: escaped, matched words in <mark>. Safe for {@html}. */
	titleHtml: string;
	/** HTML: escaped, matched words in <mark>; empty when there is no text beyond the title. */
	snippet: string;
	number: number | null;
	/** A meeting's day, YYYY-MM-DD. */
	day: string | null;
	/** A material's status; a member's role. */
	status: string;
	href: string;
	at: Date;
}

export interface WorkspacePage {
	/** The query as searched (after the cut). */
	q: string;
	/** Words were searched for. */
	searching: boolean;
	truncated: boolean;
	corrections: { word: string; alternatives: string[] }[];
	kind: WorkspaceFilter | null;
	/** The kind asked for was not one of the filters: ignored. */
	kindIgnored: boolean;
	/** Matches per filter (without the kind filter): the page's choices. */
	counts: Record<WorkspaceFilter, number>;
	total: number;
	page: number;
	pageCount: number;
	pageSize: number;
	clamped: boolean;
	results: WorkspaceResult[];
}

/** What the person may see of one group, by the pages' own rules. */
interface Reach {
	groupId: string;
	name: string;
	place: GroupPlace;
	/** Kinds other than materials the person may see here. */
	kinds: Set<WorkspaceKind>;
	/** Material statuses anyone with this place sees, and those seen only as an author. */
	materials: MaterialStatus[];
	materialsAsAuthor: MaterialStatus[];
}

/**
 * Every group the person has a place in (staff of its school, member, former member,
 * invited), with what the policies let them see there. Groups they may not see at all are
 * left out, as the group pages answer "not found".
 */
export async function workspaceReach(db: DB, actor: Actor): Promise<Reach[]> {
	const rows = await db
		.selectFrom('groups as g')
		.leftJoin('groupMembers as m', (join) =>
			join.onRef('m.groupId', '=', 'g.id').on('m.userId', '=', actor.id)
		)
		.select(['g.id', 'g.name', 'g.schoolId', 'm.role', 'm.leftAt'])
		.select((eb) =>
			eb
				.exists(
					eb
						.selectFrom('membershipRequests as r')
						.select('r.id')
						.whereRef('r.groupId', '=', 'g.id')
						.where('r.userId', '=', actor.id)
						.where('r.kind', '=', 'invitation')
						.where('r.status', '=', 'pending')
				)
				.as('invited')
		)
		.where((eb) => {
			const mine = [
				eb(
					'g.id',
					'in',
					eb.selectFrom('groupMembers').select('groupId').where('userId', '=', actor.id)
				),
				eb(
					'g.id',
					'in',
					eb
						.selectFrom('membershipRequests')
						.select('groupId')
						.where('userId', '=', actor.id)
						.where('kind', '=', 'invitation')
						.where('status', '=', 'pending')
				)
			];
			if (isStaff(actor) && actor.schoolId) mine.push(eb('g.schoolId', '=', actor.schoolId));
			return eb.or(mine);
		})
		.execute();
	const reach: Reach[] = [];
	for (const row of rows) {
		const place: GroupPlace = {
			schoolId: row.schoolId,
			role: row.role && !row.leftAt ? (row.role as GroupPlace['role']) : null,
			isFormerMember: row.leftAt != null,
			isInvited: Boolean(row.invited)
		};
		// groupAccess: a group one may not see does not exist for them.
		if (!canSeeGroup(actor, place)) continue;
		const kinds = new Set<WorkspaceKind>(['member']);
		// proposals, discussions, votes and decisions: groupWorkAccess; meetings: meetingsAccess.
		if (canSeeGroupWork(actor, place))
			for (const k of ['proposal', 'thread', 'post', 'decision'] as const) kinds.add(k);
		if (canSeeMeetings(actor, place)) kinds.add('meeting');
		// materialAccess: canSeeMaterial, asked for each status as a non-author and as an author.
		const materials = materialStatuses.filter((s) =>
			canSeeMaterial(actor, { ...place, isAuthor: false }, s)
		);
		const materialsAsAuthor = materialStatuses.filter(
			(s) => !materials.includes(s) && canSeeMaterial(actor, { ...place, isAuthor: true }, s)
		);
		reach.push({ groupId: row.id, name: row.name, place, kinds, materials, materialsAsAuthor });
	}
	return reach;
}

/**
 * The condition "the person may see entry e": one clause per set of groups that see the same
 * kinds, and for materials per set of statuses (authors' own by the material_authors table,
 * read at the moment of the search).
 */
function visibility(actor: Actor, reach: Reach[]): RawBuilder<SqlBool> {
	const clauses: RawBuilder<SqlBool>[] = [];
	const bucket = new Map<string, string[]>();
	const put = (key: string, groupId: string) =>
		bucket.set(key, [...(bucket.get(key) ?? []), groupId]);
	for (const r of reach) {
		put(`kinds:${[...r.kinds].sort().join(',')}`, r.groupId);
		if (r.materials.length > 0) put(`all:${r.materials.join(',')}`, r.groupId);
		if (r.materialsAsAuthor.length > 0) put(`author:${r.materialsAsAuthor.join(',')}`, r.groupId);
	}
	const inGroups = (ids: string[]) => sql<SqlBool>`e.group_id in (${sql.join(ids)})`;
	for (const [key, groupIds] of bucket) {
		const [what, list] = key.split(':') as [string, string];
		const values = list.split(',').filter(Boolean);
		if (values.length === 0) continue;
		if (what === 'kinds')
			clauses.push(sql<SqlBool>`(${inGroups(groupIds)} and e.kind in (${sql.join(values)}))`);
		else if (what === 'all')
			clauses.push(
				sql<SqlBool>`(${inGroups(groupIds)} and e.kind = 'material' and e.status in (${sql.join(values)}))`
			);
		else
			clauses.push(sql<SqlBool>`(${inGroups(groupIds)} and e.kind = 'material'
				and e.status in (${sql.join(values)})
				and e.source_id in (select a.material_id from material_authors a where a.user_id = ${actor.id}))`);
	}
	if (clauses.length === 0) return sql<SqlBool>`1 = 0`;
	return sql<SqlBool>`(${sql.join(clauses, sql` or `)})`;
}

/** A stem as a quoted FTS5 string / tsquery lexeme (stems are letters and digits only). */
const ftsString = (s: string) => `"${s.replace(/"/g, '""')}"`;
const tsLexeme = (s: string) => `'${s.replace(/['\\]/g, '')}'`;

/** Entries holding every word (each in one of its stems); `title`: every word in the title. */
function matching(pg: boolean, words: string[][], where: 'all' | 'title'): RawBuilder<SqlBool> {
	if (pg) {
		const query = words.map((stems) => `(${stems.map(tsLexeme).join(' | ')})`).join(' & ');
		// The title's matches from its own GIN index: a set looked up once, not a vector built
		// for every matching row.
		if (where === 'title')
			return sql<SqlBool>`e.seq in (select t.seq from workspace_entries t
				where catalog_vector(t.title_terms) @@ cast(${query} as tsquery))`;
		return sql<SqlBool>`catalog_vector(e.terms) @@ cast(${query} as tsquery)`;
	}
	const query = words.map((stems) => `(${stems.map(ftsString).join(' OR ')})`).join(' AND ');
	const column = where === 'title' ? 'title' : 'body';
	return sql<SqlBool>`e.seq in (select rowid from workspace_fts
		where workspace_fts match ${`{${column}} : (${query})`})`;
}

/** Whether anything the person may see holds the stem: a correction must find something. */
async function findsVisible(db: DB, pg: boolean, visible: RawBuilder<SqlBool>, stem: string) {
	const row = await sql<{ one: number }>`select 1 as one from workspace_entries e
		where ${visible} and ${matching(pg, [[stem]], 'all')} limit 1`.execute(db);
	return row.rows.length > 0;
}

interface EntryRow {
	seq: number;
	kind: WorkspaceKind;
	sourceId: string;
	groupId: string;
	status: string;
	title: string;
	number: number | null;
	day: string | null;
	parentId: string | null;
	sortAt: Date;
	excerpt: string;
}

const emptyCounts = (): Record<WorkspaceFilter, number> => ({
	material: 0,
	proposal: 0,
	discussion: 0,
	meeting: 0,
	decision: 0,
	member: 0
});

/** Searches the group work the actor may see. Never throws for what the query holds. */
export async function searchWorkspace(
	{ db, actor }: Ctx,
	query: WorkspaceQuery
): Promise<WorkspacePage> {
	const { q, truncated, wanted } = readQuery(String(query.q ?? ''));
	const kindValue = query.kind ? String(query.kind) : '';
	const kind = (workspaceFilters as readonly string[]).includes(kindValue)
		? (kindValue as WorkspaceFilter)
		: null;
	let asked = 1;
	if (query.page !== undefined && query.page !== null && query.page !== '') {
		const n = Number(query.page);
		if (Number.isInteger(n) && n >= 1) asked = n;
	}
	const base = {
		q,
		searching: wanted.length > 0,
		truncated,
		kind,
		kindIgnored: kindValue !== '' && kind === null,
		pageSize: WORKSPACE_PAGE_SIZE
	};
	const empty = (corrections: WorkspacePage['corrections'] = []): WorkspacePage => ({
		...base,
		corrections,
		counts: emptyCounts(),
		total: 0,
		page: 1,
		pageCount: 1,
		clamped: asked > 1,
		results: []
	});
	if (wanted.length === 0) return empty();

	const reach = await workspaceReach(db, actor);
	if (reach.length === 0) return empty();
	try {
		// Only groups whose sources changed since the last sync are compared row by row.
		await syncWorkspace(
			db,
			reach.map((r) => r.groupId),
			{ full: false }
		);
	} catch (err) {
		// A search still answers from the index as it was; the sweep catches up.
		log.warn({ err }, 'workspace search: sync failed');
	}
	const pg = isPostgres(db as never);
	const visible = visibility(actor, reach);
	const groupIds = reach.map((r) => r.groupId);

	// Each word's stems: its own if something visible holds it; else the nearest visible ones.
	const stemsOf: string[][] = [];
	const corrections: WorkspacePage['corrections'] = [];
	for (const { word, stem } of wanted) {
		if (await findsVisible(db, pg, visible, stem)) {
			stemsOf.push([stem]);
			continue;
		}
		const budget = typoBudget(stem);
		const alternatives: string[] = [];
		if (budget > 0) {
			const { head, tail, length } = termKeys(stem);
			const near = await db
				.selectFrom('workspaceTerms')
				.select('term')
				.distinct()
				.where('groupId', 'in', groupIds)
				.where((eb) => eb.or([eb('head', '=', head), eb('tail', '=', tail)]))
				.where('length', '>=', length - budget)
				.where('length', '<=', length + budget)
				.execute();
			const ranked = near
				.map((r) => ({ term: r.term, d: editDistance(stem, r.term, budget) }))
				.filter((r) => r.d <= budget)
				.sort((a, b) => a.d - b.d || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
				.slice(0, MAX_ALTERNATIVES);
			for (const { term } of ranked)
				if (await findsVisible(db, pg, visible, term)) alternatives.push(term);
		}
		if (alternatives.length === 0) return empty(corrections);
		corrections.push({ word, alternatives });
		stemsOf.push(alternatives);
	}

	const found = matching(pg, stemsOf, 'all');
	const counted = await sql<{
		kind: WorkspaceKind;
		n: number | string;
	}>`select e.kind, count(*) as n
		from workspace_entries e where ${visible} and ${found} group by e.kind`.execute(db);
	const counts = emptyCounts();
	for (const row of counted.rows) {
		const filter = filterOf(row.kind);
		counts[filter] += Number(row.n);
	}
	const total = kind ? counts[kind] : Object.values(counts).reduce((a, b) => a + b, 0);
	const pageCount = Math.max(1, Math.ceil(total / WORKSPACE_PAGE_SIZE));
	const page = Math.min(asked, pageCount);
	const result = { ...base, corrections, counts, total, page, pageCount, clamped: asked > page };
	if (total === 0) return { ...result, results: [] };

	// Every word in the title first; then the most recently changed.
	const inKind = kind
		? sql<SqlBool>`e.kind in (${sql.join(filterKinds[kind])})`
		: sql<SqlBool>`1 = 1`;
	const rows = await sql<EntryRow>`select e.seq, e.kind, e.source_id, e.group_id, e.status,
			e.title, e.number, e.day, e.parent_id, e.sort_at, e.excerpt,
			case when ${matching(pg, stemsOf, 'title')} then 0 else 1 end as tier
		from workspace_entries e
		where ${visible} and ${found} and ${inKind}
		order by tier, e.sort_at desc, e.seq desc
		limit ${WORKSPACE_PAGE_SIZE} offset ${(page - 1) * WORKSPACE_PAGE_SIZE}`.execute(db);

	const shown = await checkMaterials(db, actor, reach, rows.rows);
	const proposalOf = await proposalThreads(db, shown);
	const names = new Map(reach.map((r) => [r.groupId, r.name]));
	const marked = new Set(stemsOf.flat());
	return {
		...result,
		results: shown.map((row) => ({
			kind: row.kind,
			filter: filterOf(row.kind),
			groupId: row.groupId,
			groupName: names.get(row.groupId) ?? '',
			id: row.sourceId,
			title: row.title,
			titleHtml: snippet(row.title, marked),
			snippet: row.excerpt ? snippet(row.excerpt, marked) : '',
			number: row.number === null ? null : Number(row.number),
			day: row.day,
			status: row.status,
			href: hrefOf(row, proposalOf),
			at: new Date(row.sortAt)
		}))
	};
}

function filterOf(kind: WorkspaceKind): WorkspaceFilter {
	return kind === 'thread' || kind === 'post' ? 'discussion' : kind;
}

/**
 * The materials of a page once more against their live status and authors (the index may
 * be a moment behind): the same canSeeMaterial the material page asks.
 */
async function checkMaterials(db: DB, actor: Actor, reach: Reach[], rows: EntryRow[]) {
	const ids = rows.filter((r) => r.kind === 'material').map((r) => r.sourceId);
	if (ids.length === 0) return rows;
	const [live, authored] = await Promise.all([
		db.selectFrom('materials').select(['id', 'groupId', 'status']).where('id', 'in', ids).execute(),
		db
			.selectFrom('materialAuthors')
			.select('materialId')
			.where('materialId', 'in', ids)
			.where('userId', '=', actor.id)
			.execute()
	]);
	const byId = new Map(live.map((m) => [m.id, m]));
	const mine = new Set(authored.map((a) => a.materialId));
	const places = new Map(reach.map((r) => [r.groupId, r.place]));
	return rows.filter((row) => {
		if (row.kind !== 'material') return true;
		const material = byId.get(row.sourceId);
		const place = material && places.get(material.groupId);
		return (
			material !== undefined &&
			place !== undefined &&
			material.groupId === row.groupId &&
			canSeeMaterial(actor, { ...place, isAuthor: mine.has(row.sourceId) }, material.status)
		);
	});
}

/** The proposal of each post's thread, if any: that discussion lives on the proposal's page. */
async function proposalThreads(db: DB, rows: EntryRow[]): Promise<Map<string, string>> {
	const threads = rows.filter((r) => r.kind === 'post' && r.parentId).map((r) => r.parentId!);
	if (threads.length === 0) return new Map();
	const found = await db
		.selectFrom('discussionThreads')
		.select(['id', 'proposalId'])
		.where('id', 'in', threads)
		.where('proposalId', 'is not', null)
		.execute();
	return new Map(found.map((t) => [t.id, t.proposalId!]));
}

// The app's paths (as notify/links.ts), kept here: the search module sits below notify.
const g = (groupId: string) => `/groups/${encodeURIComponent(groupId)}`;

function hrefOf(row: EntryRow, proposalOf: Map<string, string>): string {
	const group = g(row.groupId);
	const id = encodeURIComponent(row.sourceId);
	switch (row.kind) {
		case 'material':
			return `${group}/materials/${id}`;
		case 'proposal':
			return `${group}/proposals/${id}`;
		case 'thread':
			return `${group}/discussions/${id}`;
		case 'post': {
			const proposal = row.parentId ? proposalOf.get(row.parentId) : undefined;
			return proposal
				? `${group}/proposals/${encodeURIComponent(proposal)}#post-${id}`
				: `${group}/discussions/${encodeURIComponent(row.parentId ?? '')}#post-${id}`;
		}
		case 'meeting':
			return `${group}/meetings/${id}`;
		case 'decision':
			return `${group}/votes/${encodeURIComponent(row.parentId ?? '')}`;
		case 'member':
			return `${group}/members`;
	}
}

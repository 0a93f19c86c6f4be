import { sql } from 'kysely';
import { isPostgres } from '../db/migrations/columns';
import { inTransaction } from '../db/transaction';
import type { DB } from '../db/types';
import { termKeys, terms } from './text';

// Keeps the workspace index (migration 0011) in step with the group's work without the use
// cases knowing: before a search, each group searched is compared with its sources — one
// narrow query per kind reads every source row's id and stamp (what changes when the row
// does) — and only the rows whose stamp differs are read in full and indexed again; rows
// whose source is gone are dropped. A periodic sweep (workspace-jobs.ts) does the same for
// every group, so a search rarely has more than a few rows to catch up on.

export const workspaceKinds = [
	'material',
	'proposal',
	'thread',
	'post',
	'meeting',
	'decision',
	'member'
] as const;
export type WorkspaceKind = (typeof workspaceKinds)[number];

/** Characters of a thing's text kept for snippets. */
const EXCERPT_LENGTH = 1500;
/** Rows per statement (SQLite allows 32,766 parameters). */
const BATCH = 400;
/** Rows read in full and indexed per round: a big first sync is done in steps. */
const LOAD_BATCH = 200;

interface Stamp {
	kind: WorkspaceKind;
	sourceId: string;
	groupId: string;
	stamp: string;
}

/** One thing as indexed. */
interface WorkspaceDocument extends Stamp {
	status: string;
	title: string;
	text: string;
	number: number | null;
	day: string | null;
	parentId: string | null;
	sortAt: Date;
}

const ms = (value: Date | string | null | undefined) =>
	value === null || value === undefined ? '' : String(+new Date(value));
const len = (column: string) => sql<number>`length(${sql.ref(column)})`;

/** The stamps of every source row of the groups: ids and what changes with the row. */
async function sourceStamps(db: DB, groupIds: string[]): Promise<Stamp[]> {
	const [materials, proposals, threads, posts, meetings, decisions, members] = await Promise.all([
		db
			.selectFrom('materials')
			.select([
				'id',
				'groupId',
				'status',
				'updatedAt',
				len('title').as('a'),
				len('bodyText').as('b')
			])
			.where('groupId', 'in', groupIds)
			.execute(),
		db
			.selectFrom('proposals')
			.select(['id', 'groupId', 'updatedAt', len('body').as('a'), len('analysis').as('b')])
			.where('groupId', 'in', groupIds)
			.execute(),
		db
			.selectFrom('discussionThreads')
			.select(['id', 'groupId', 'title', 'createdAt', 'lastPostAt'])
			.where('groupId', 'in', groupIds)
			.where('proposalId', 'is', null)
			.execute(),
		db
			.selectFrom('discussionPosts as p')
			.innerJoin('discussionThreads as t', 't.id', 'p.threadId')
			.select(['p.id', 't.groupId', 'p.createdAt', 'p.editedAt', len('p.body').as('a')])
			.where('t.groupId', 'in', groupIds)
			.execute(),
		db
			.selectFrom('meetings')
			.select(['id', 'groupId', 'updatedAt', len('notes').as('a'), len('decisions').as('b')])
			.where('groupId', 'in', groupIds)
			.execute(),
		db
			.selectFrom('decisions')
			.select(['id', 'groupId', 'updatedAt', len('text').as('a')])
			.where('groupId', 'in', groupIds)
			.execute(),
		db
			.selectFrom('groupMembers as m')
			.innerJoin('users as u', 'u.id', 'm.userId')
			.select(['m.userId', 'm.groupId', 'm.role', 'm.joinedAt', 'u.updatedAt', 'u.fullName'])
			.where('m.groupId', 'in', groupIds)
			.where('m.leftAt', 'is', null)
			.execute()
	]);
	const stamps: Stamp[] = [];
	const add = (kind: WorkspaceKind, sourceId: string, groupId: string, ...parts: unknown[]) =>
		stamps.push({ kind, sourceId, groupId, stamp: parts.map(String).join('|') });
	for (const r of materials) add('material', r.id, r.groupId, r.status, ms(r.updatedAt), r.a, r.b);
	for (const r of proposals) add('proposal', r.id, r.groupId, ms(r.updatedAt), r.a, r.b);
	for (const r of threads)
		add('thread', r.id, r.groupId, ms(r.createdAt), ms(r.lastPostAt), hash(r.title));
	for (const r of posts) add('post', r.id, r.groupId, ms(r.createdAt), ms(r.editedAt), r.a);
	for (const r of meetings) add('meeting', r.id, r.groupId, ms(r.updatedAt), r.a, r.b);
	for (const r of decisions) add('decision', r.id, r.groupId, ms(r.updatedAt), r.a);
	for (const r of members)
		add('member', r.userId, r.groupId, r.role, ms(r.joinedAt), ms(r.updatedAt), hash(r.fullName));
	return stamps;
}

/** A short fingerprint of a text (FNV-1a): a changed title changes the stamp. */
function hash(text: string): string {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return (h >>> 0).toString(36);
}

/** Reads the things of one kind in full, for indexing. */
async function loadDocuments(
	db: DB,
	kind: WorkspaceKind,
	wanted: Stamp[]
): Promise<WorkspaceDocument[]> {
	const stampOf = new Map(wanted.map((w) => [`${w.groupId}:${w.sourceId}`, w.stamp]));
	const ids = [...new Set(wanted.map((w) => w.sourceId))];
	const doc = (
		sourceId: string,
		groupId: string,
		fields: Omit<WorkspaceDocument, 'kind' | 'sourceId' | 'groupId' | 'stamp'>
	): WorkspaceDocument | null => {
		const stamp = stampOf.get(`${groupId}:${sourceId}`);
		// Changed again since its stamp was read: the next sync takes it.
		return stamp === undefined ? null : { kind, sourceId, groupId, stamp, ...fields };
	};
	const base = { status: '', number: null, day: null, parentId: null };
	let docs: (WorkspaceDocument | null)[];
	if (kind === 'material') {
		const rows = await db
			.selectFrom('materials')
			.select(['id', 'groupId', 'status', 'title', 'abstract', 'bodyText', 'tags', 'updatedAt'])
			.where('id', 'in', ids)
			.execute();
		docs = rows.map((r) =>
			doc(r.id, r.groupId, {
				...base,
				status: r.status,
				title: r.title,
				text: [r.abstract, r.bodyText, tagsOf(r.tags)].join('\n'),
				sortAt: r.updatedAt
			})
		);
	} else if (kind === 'proposal') {
		const rows = await db
			.selectFrom('proposals')
			.select(['id', 'groupId', 'number', 'title', 'body', 'analysis', 'updatedAt'])
			.where('id', 'in', ids)
			.execute();
		docs = rows.map((r) =>
			doc(r.id, r.groupId, {
				...base,
				title: r.title,
				number: Number(r.number),
				text: `${r.body}\n${r.analysis}`,
				sortAt: r.updatedAt
			})
		);
	} else if (kind === 'thread') {
		const rows = await db
			.selectFrom('discussionThreads')
			.select(['id', 'groupId', 'title', 'createdAt', 'lastPostAt'])
			.where('id', 'in', ids)
			.execute();
		docs = rows.map((r) =>
			doc(r.id, r.groupId, {
				...base,
				title: r.title,
				text: '',
				sortAt: r.lastPostAt ?? r.createdAt
			})
		);
	} else if (kind === 'post') {
		const rows = await db
			.selectFrom('discussionPosts as p')
			.innerJoin('discussionThreads as t', 't.id', 'p.threadId')
			.select([
				'p.id',
				't.groupId',
				't.id as threadId',
				't.title',
				'p.body',
				'p.createdAt',
				'p.editedAt'
			])
			.where('p.id', 'in', ids)
			.execute();
		docs = rows.map((r) =>
			doc(r.id, r.groupId, {
				...base,
				title: r.title,
				text: r.body,
				parentId: r.threadId,
				sortAt: r.editedAt ?? r.createdAt
			})
		);
	} else if (kind === 'meeting') {
		const rows = await db
			.selectFrom('meetings')
			.select([
				'id',
				'groupId',
				'number',
				'heldOn',
				'place',
				'invited',
				'notes',
				'decisions',
				'updatedAt'
			])
			.where('id', 'in', ids)
			.execute();
		const items = await db
			.selectFrom('meetingAgendaItems')
			.select(['meetingId', 'title', 'speaker', 'heard', 'spoke', 'decided'])
			.where('meetingId', 'in', ids)
			.orderBy('meetingId')
			.orderBy('position')
			.execute();
		docs = rows.map((r) => {
			const agenda = items
				.filter((i) => i.meetingId === r.id)
				.map((i) => [i.title, i.speaker, i.heard, i.spoke, i.decided].join('\n'));
			const [y, mo, d] = r.heldOn.split('-');
			return doc(r.id, r.groupId, {
				...base,
				title: r.place,
				number: Number(r.number),
				day: r.heldOn,
				// The day as written both ways (2026-12-07, 07.12.2026): its numbers are words.
				text: [...agenda, r.notes, r.decisions, r.invited, `${r.heldOn} ${d}.${mo}.${y}`].join(
					'\n'
				),
				sortAt: r.updatedAt
			});
		});
	} else if (kind === 'decision') {
		const rows = await db
			.selectFrom('decisions as d')
			.innerJoin('votes as v', 'v.id', 'd.voteId')
			.select([
				'd.id',
				'd.groupId',
				'd.number',
				'd.text',
				'd.voteId',
				'v.question',
				'v.description',
				'd.updatedAt'
			])
			.where('d.id', 'in', ids)
			.execute();
		docs = rows.map((r) =>
			doc(r.id, r.groupId, {
				...base,
				title: r.question,
				number: Number(r.number),
				text: `${r.text}\n${r.description}`,
				parentId: r.voteId,
				sortAt: r.updatedAt
			})
		);
	} else {
		const groupIds = [...new Set(wanted.map((w) => w.groupId))];
		const rows = await db
			.selectFrom('groupMembers as m')
			.innerJoin('users as u', 'u.id', 'm.userId')
			.select(['m.userId', 'm.groupId', 'm.role', 'm.joinedAt', 'u.fullName'])
			.where('m.userId', 'in', ids)
			.where('m.groupId', 'in', groupIds)
			.where('m.leftAt', 'is', null)
			.execute();
		docs = rows.map((r) =>
			doc(r.userId, r.groupId, {
				...base,
				// The role: the page says "leader".
				status: r.role,
				title: r.fullName,
				text: '',
				sortAt: r.joinedAt
			})
		);
	}
	return docs.filter((d): d is WorkspaceDocument => d !== null);
}

function tagsOf(json: string): string {
	try {
		const tags: unknown = JSON.parse(json);
		return Array.isArray(tags) ? tags.filter((t) => typeof t === 'string').join(' ') : '';
	} catch {
		return '';
	}
}

/** Counts of what a sync did (for the sweep's log and the tests). */
export interface SyncResult {
	indexed: number;
	removed: number;
}

/**
 * Per group and kind: how many source rows and their latest change. Any use case that adds,
 * changes or deletes a row moves one of the two (it sets updated_at, edited_at… to now).
 */
async function sourceSummaries(db: DB, groupIds: string[]): Promise<Map<string, string>> {
	const count = sql<number>`count(*)`.as('n');
	// The tables whose rows carry group_id and updated_at themselves.
	const latest = (table: 'materials' | 'proposals' | 'meetings' | 'decisions') =>
		db
			.selectFrom(table)
			.select([sql<string>`group_id`.as('groupId'), count, sql<Date>`max(updated_at)`.as('lastAt')])
			.where(sql.ref('group_id'), 'in', groupIds)
			.groupBy(sql.ref('group_id'))
			.execute();
	const [materials, proposals, threads, posts, meetings, decisions, members] = await Promise.all([
		latest('materials'),
		latest('proposals'),
		db
			.selectFrom('discussionThreads')
			.select(['groupId', count, sql<Date>`max(coalesce(last_post_at, created_at))`.as('lastAt')])
			.where('groupId', 'in', groupIds)
			.where('proposalId', 'is', null)
			.groupBy('groupId')
			.execute(),
		db
			.selectFrom('discussionPosts as p')
			.innerJoin('discussionThreads as t', 't.id', 'p.threadId')
			.select([
				't.groupId',
				count,
				sql<Date>`max(coalesce(p.edited_at, p.created_at))`.as('lastAt')
			])
			.where('t.groupId', 'in', groupIds)
			.groupBy('t.groupId')
			.execute(),
		latest('meetings'),
		latest('decisions'),
		db
			.selectFrom('groupMembers as m')
			.innerJoin('users as u', 'u.id', 'm.userId')
			.select([
				'm.groupId',
				count,
				sql<Date>`max(m.joined_at)`.as('lastAt'),
				sql<Date>`max(u.updated_at)`.as('renamedAt')
			])
			.where('m.groupId', 'in', groupIds)
			.where('m.leftAt', 'is', null)
			.groupBy('m.groupId')
			.execute()
	]);
	const summaries = new Map<string, string>();
	const put = (
		kind: WorkspaceKind,
		rows: { groupId: string; n: number; lastAt: Date | null }[]
	) => {
		for (const r of rows) summaries.set(`${r.groupId}:${kind}`, `${Number(r.n)}|${ms(r.lastAt)}`);
	};
	put('material', materials);
	put('proposal', proposals);
	put('thread', threads);
	put('post', posts);
	put('meeting', meetings);
	put('decision', decisions);
	for (const r of members)
		summaries.set(`${r.groupId}:member`, `${Number(r.n)}|${ms(r.lastAt)}|${ms(r.renamedAt)}`);
	return summaries;
}

/** The groups whose sources changed since their last sync (by the summaries). */
async function changedGroups(
	db: DB,
	groupIds: string[],
	summaries: Map<string, string>
): Promise<string[]> {
	const known = new Map(
		(
			await db
				.selectFrom('workspaceSync')
				.select(['groupId', 'kind', 'summary'])
				.where('groupId', 'in', groupIds)
				.execute()
		).map((r) => [`${r.groupId}:${r.kind}`, r.summary])
	);
	return groupIds.filter((g) =>
		workspaceKinds.some((k) => (summaries.get(`${g}:${k}`) ?? '0|') !== known.get(`${g}:${k}`))
	);
}

/**
 * Brings the index of these groups up to date with their sources. `full`: compare every
 * row's stamp (the sweep), else only in groups whose summary changed (a search). Safe to run
 * twice at once (two searches): the second one's inserts of the same rows are skipped.
 */
export async function syncWorkspace(
	db: DB,
	groupIds: string[],
	{ full = true }: { full?: boolean } = {}
): Promise<SyncResult> {
	const result: SyncResult = { indexed: 0, removed: 0 };
	for (let i = 0; i < groupIds.length; i += BATCH) {
		const batch = groupIds.slice(i, i + BATCH);
		const summaries = await sourceSummaries(db, batch);
		const groups = full ? batch : await changedGroups(db, batch, summaries);
		if (groups.length === 0) continue;
		const [sources, indexed] = await Promise.all([
			sourceStamps(db, groups),
			db
				.selectFrom('workspaceEntries')
				.select(['seq', 'kind', 'sourceId', 'groupId', 'stamp'])
				.where('groupId', 'in', groups)
				.execute()
		]);
		const key = (e: { kind: string; sourceId: string; groupId: string }) =>
			`${e.kind}:${e.groupId}:${e.sourceId}`;
		const current = new Map(sources.map((s) => [key(s), s]));
		const stale: number[] = [];
		const have = new Set<string>();
		for (const entry of indexed) {
			const source = current.get(key(entry));
			if (source && source.stamp === entry.stamp) have.add(key(entry));
			else stale.push(entry.seq);
		}
		const missing = sources.filter((s) => !have.has(key(s)));
		// One transaction per step: SQLite writes it at once, and no reader sees a row half done.
		if (stale.length > 0) await inTransaction(db, (trx) => removeEntries(trx, stale));
		result.removed += stale.length;
		for (const kind of workspaceKinds) {
			const ofKind = missing.filter((s) => s.kind === kind);
			for (let j = 0; j < ofKind.length; j += LOAD_BATCH) {
				const docs = await loadDocuments(db, kind, ofKind.slice(j, j + LOAD_BATCH));
				result.indexed += await inTransaction(db, (trx) => insertEntries(trx, docs));
			}
		}
		// What the sources looked like before this sync read them: a change made meanwhile
		// shows as a difference next time.
		const rows = groups.flatMap((groupId) =>
			workspaceKinds.map((kind) => ({
				groupId,
				kind,
				summary: summaries.get(`${groupId}:${kind}`) ?? '0|'
			}))
		);
		for (let j = 0; j < rows.length; j += BATCH)
			await db
				.insertInto('workspaceSync')
				.values(rows.slice(j, j + BATCH))
				.onConflict((oc) =>
					oc
						.columns(['groupId', 'kind'])
						.doUpdateSet((eb) => ({ summary: eb.ref('excluded.summary') }))
				)
				.execute();
	}
	return result;
}

async function removeEntries(db: DB, seqs: number[]): Promise<void> {
	for (let i = 0; i < seqs.length; i += BATCH) {
		const batch = seqs.slice(i, i + BATCH);
		if (!isPostgres(db as never))
			await sql`delete from workspace_fts where rowid in (${sql.join(batch)})`.execute(db);
		await db.deleteFrom('workspaceEntries').where('seq', 'in', batch).execute();
	}
}

async function insertEntries(db: DB, docs: WorkspaceDocument[]): Promise<number> {
	if (docs.length === 0) return 0;
	const pg = isPostgres(db as never);
	const prepared = docs.map((d) => {
		const titleTerms = terms(d.title);
		const all = [...new Set([...titleTerms, ...terms(d.text)])];
		return {
			doc: d,
			titleTerms,
			all,
			row: {
				kind: d.kind,
				sourceId: d.sourceId,
				groupId: d.groupId,
				status: d.status,
				title: d.title,
				number: d.number,
				day: d.day,
				parentId: d.parentId,
				sortAt: d.sortAt,
				stamp: d.stamp,
				titleTerms: titleTerms.join(' '),
				terms: all.join(' '),
				excerpt: d.text.replace(/\s+/g, ' ').trim().slice(0, EXCERPT_LENGTH)
			}
		};
	});
	// A concurrent sync may have indexed the same row a moment ago: that one stays.
	const inserted = await db
		.insertInto('workspaceEntries')
		.values(prepared.map((p) => p.row))
		.onConflict((oc) => oc.columns(['kind', 'sourceId', 'groupId']).doNothing())
		.returning(['seq', 'kind', 'sourceId', 'groupId'])
		.execute();
	const seqOf = new Map(inserted.map((r) => [`${r.kind}:${r.groupId}:${r.sourceId}`, r.seq]));
	const done = prepared.filter((p) =>
		seqOf.has(`${p.doc.kind}:${p.doc.groupId}:${p.doc.sourceId}`)
	);
	if (!pg && done.length > 0)
		await sql`insert into workspace_fts (rowid, title, body) values ${sql.join(
			done.map(
				(p) =>
					sql`(${seqOf.get(`${p.doc.kind}:${p.doc.groupId}:${p.doc.sourceId}`)}, ${p.row.titleTerms}, ${p.row.terms})`
			)
		)}`.execute(db);
	const vocabulary = new Map<string, { groupId: string; term: string }>();
	for (const p of done)
		for (const term of p.all)
			vocabulary.set(`${p.doc.groupId}:${term}`, { groupId: p.doc.groupId, term });
	const rows = [...vocabulary.values()];
	for (let i = 0; i < rows.length; i += BATCH)
		await db
			.insertInto('workspaceTerms')
			.values(rows.slice(i, i + BATCH).map((r) => ({ ...r, ...termKeys(r.term) })))
			.onConflict((oc) => oc.columns(['groupId', 'term']).doNothing())
			.execute();
	return done.length;
}

/** Every group's id, in pages: what the sweep walks through. */
export async function allGroupIds(db: DB): Promise<string[]> {
	const rows = await db.selectFrom('groups').select('id').orderBy('id').execute();
	return rows.map((r) => r.id);
}

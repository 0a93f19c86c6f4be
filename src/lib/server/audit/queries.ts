import type { Kysely } from 'kysely';
import { fromWallClock } from '../zoned';
import type { Database, DB } from '../db/types';
import type { AuditFilters } from './input';

export interface AuditEntryView {
	seq: number;
	changedAt: Date;
	actorId: string | null;
	actorName: string | null;
	requestId: string | null;
	tableName: string;
	op: string;
	rowId: string;
	groupId: string | null;
	groupName: string | null;
	changes: Record<string, [unknown, unknown]>;
	hash: string;
}

/** The day after 'YYYY-MM-DD' (the end of an inclusive period). */
function nextDay(day: string): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + 1);
	return date.toISOString().slice(0, 10);
}

/** The person filter: an id, or an email turned into the id (nobody: matches nothing). */
export async function personId(db: DB, person: string | undefined): Promise<string | undefined> {
	if (!person) return undefined;
	if (!person.includes('@')) return person;
	const user = await db
		.selectFrom('users')
		.select('id')
		.where('email', '=', person.toLowerCase())
		.executeTakeFirst();
	return user?.id ?? '';
}

/** The log's entries within reach and matching the filters, newest first. */
export function auditEntries(
	db: DB,
	reach: { schoolId: string | null },
	filters: AuditFilters & { actorId?: string },
	timeZone: string
) {
	let query = (db as Kysely<Database>)
		.selectFrom('auditLog as a')
		.leftJoin('users as u', 'u.id', 'a.actorId')
		.leftJoin('groups as g', 'g.id', 'a.groupId')
		.select([
			'a.seq',
			'a.changedAt',
			'a.actorId',
			'u.fullName as actorName',
			'a.requestId',
			'a.tableName',
			'a.op',
			'a.rowId',
			'a.groupId',
			'g.name as groupName',
			'a.changes',
			'a.hash'
		]);
	if (reach.schoolId !== null) query = query.where('a.schoolId', '=', reach.schoolId);
	if (filters.actorId !== undefined) query = query.where('a.actorId', '=', filters.actorId);
	if (filters.groupId) query = query.where('a.groupId', '=', filters.groupId);
	if (filters.op) query = query.where('a.op', '=', filters.op);
	if (filters.table) query = query.where('a.tableName', '=', filters.table);
	const from = filters.from && fromWallClock(`${filters.from}T00:00`, timeZone);
	if (from) query = query.where('a.changedAt', '>=', from);
	const until = filters.to && fromWallClock(`${nextDay(filters.to)}T00:00`, timeZone);
	if (until) query = query.where('a.changedAt', '<', until);
	return query.orderBy('a.seq', 'desc');
}

export function toView(row: Omit<AuditEntryView, 'changes'> & { changes: string }): AuditEntryView {
	return { ...row, changes: JSON.parse(row.changes) as AuditEntryView['changes'] };
}

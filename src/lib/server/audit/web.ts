import { error } from '@sveltejs/kit';
import { config } from '../config.js';
import { toCsv } from '../export/responses/csv';
import { actorCtx } from '../web/context';
import { translate } from '../web/i18n';
import { orHttpError } from '../web/load';
import { formatDateTime } from '../../i18n/format';
import { exportAuditLog } from './export-audit-log';
import { auditFilterOptions } from './filter-options';
import { auditFilterFields, type AuditFilters, type AuditOp } from './input';
import { listAuditLog } from './list-audit-log';
import type { AuditEntryView } from './queries';
import type { DB } from '../db/types';
import { maskErased } from '../privacy/audit-mask';
import { securityEventLabel } from '../privacy/labels';
import { securityEventKinds, type SecurityEventKind } from '../security/events';

// The two log pages (the administration's, the operator's) and their CSV files: one loader,
// one file writer, the scope decides whose entries.

type Scope = 'school' | 'deployment';
const filterNames = ['person', 'groupId', 'op', 'table', 'from', 'to'] as const;
/** A value longer than this is cut on the page (the CSV has it whole). */
const SHOWN_CHARS = 300;

/**
 * The filters from the address: each valid one is applied, an invalid one is left out and
 * named (a GET page never fails on a hand-edited address); what was typed is kept.
 */
export function readAuditFilters(url: URL) {
	const typed: Record<string, string> = {};
	const filters: AuditFilters = {};
	const invalid: string[] = [];
	for (const name of filterNames) {
		const value = url.searchParams.get(name)?.trim();
		if (!value) continue;
		typed[name] = value;
		const parsed = auditFilterFields.shape[name].safeParse(value);
		if (parsed.success) Object.assign(filters, { [name]: parsed.data });
		else invalid.push(name);
	}
	const page = Number(url.searchParams.get('page') ?? '1');
	return {
		typed,
		filters,
		invalid,
		page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1
	};
}

export function shownValue(value: unknown, whole = false): string {
	if (value === null || value === undefined) return '';
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return whole || text.length <= SHOWN_CHARS ? text : `${text.slice(0, SHOWN_CHARS)}…`;
}

/** A security event's kind, named as the interface names it (issue 16). */
function readable(tableName: string, field: string, value: unknown): unknown {
	if (tableName !== 'security_events' || field !== 'kind' || typeof value !== 'string')
		return value;
	return (securityEventKinds as readonly string[]).includes(value)
		? `${securityEventLabel[value as SecurityEventKind]()} (${value})`
		: value;
}

/** An erased person's old values are not shown (privacy/audit-mask.ts). */
const masked = (db: DB, entries: AuditEntryView[]) =>
	maskErased(db, entries, translate('privacy_audit_erased_value'));

export async function loadAuditPage(locals: App.Locals, url: URL, scope: Scope) {
	const ctx = actorCtx(locals);
	const { timeZone } = config();
	const { typed, filters, invalid, page } = readAuditFilters(url);
	const [log, options] = await Promise.all([
		orHttpError(listAuditLog(ctx, { scope, ...filters, page, timeZone })),
		orHttpError(auditFilterOptions(ctx, { scope }))
	]);
	const query = new URLSearchParams(typed);
	const pageLink = (n: number) => {
		const params = new URLSearchParams(query);
		if (n > 1) params.set('page', String(n));
		const text = params.toString();
		return text ? `?${text}` : url.pathname;
	};
	const personLink = (id: string) => {
		const params = new URLSearchParams(query);
		params.set('person', id);
		return `?${params}`;
	};
	return {
		scope,
		typed,
		invalid,
		options,
		csvLink: `${url.pathname}/audit.csv${query.size ? `?${query}` : ''}`,
		page: log.page,
		newer: log.page > 1 ? pageLink(log.page - 1) : null,
		older: log.hasMore ? pageLink(log.page + 1) : null,
		entries: (await masked(ctx.db, log.entries)).map((e) => ({
			seq: e.seq,
			when: formatDateTime(e.changedAt, locals.locale, timeZone),
			iso: e.changedAt.toISOString(),
			actorId: e.actorId,
			actorName: e.actorName,
			/** The same filters, this person's changes. */
			personHref: e.actorId ? personLink(e.actorId) : null,
			requestId: e.requestId,
			tableName: e.tableName,
			op: e.op as AuditOp,
			rowId: e.rowId,
			groupId: e.groupId,
			groupName: e.groupName,
			changes: Object.entries(e.changes).map(([field, [before, after]]) => ({
				field,
				before: shownValue(readable(e.tableName, field, before)),
				after: shownValue(readable(e.tableName, field, after))
			}))
		}))
	};
}

const opKey = {
	insert: 'audit_op_insert',
	update: 'audit_op_update',
	delete: 'audit_op_delete'
} as const;

/** The entries as CSV rows: one per entry, the changed fields as "field: before → after" lines. */
export function auditCsv(entries: AuditEntryView[]): string {
	const header = [
		translate('audit_col_seq'),
		translate('audit_col_time_utc'),
		translate('audit_col_person'),
		translate('audit_col_person_id'),
		translate('audit_col_kind'),
		translate('audit_col_table'),
		translate('audit_col_row'),
		translate('audit_col_group'),
		translate('audit_col_changes'),
		translate('audit_col_request'),
		translate('audit_col_hash')
	];
	const rows = entries.map((e) => [
		e.seq,
		e.changedAt.toISOString(),
		e.actorName ?? (e.actorId ? e.actorId : translate('audit_system')),
		e.actorId,
		e.op in opKey ? translate(opKey[e.op as AuditOp]) : e.op,
		e.tableName,
		e.rowId,
		e.groupName ?? e.groupId,
		Object.entries(e.changes)
			.map(
				([field, [before, after]]) =>
					`${field}: ${shownValue(before, true)} → ${shownValue(after, true)}`
			)
			.join('\n'),
		e.requestId,
		e.hash
	]);
	return toCsv(header, rows);
}

export async function auditCsvResponse(locals: App.Locals, url: URL, scope: Scope) {
	// Access first: a GET the route's rule denied still reaches here, and actorCtx answers 403.
	const ctx = actorCtx(locals);
	const { filters, invalid } = readAuditFilters(url);
	// A file must hold what was asked for: a filter that cannot be read is refused, not dropped.
	if (invalid.length > 0) error(400, { message: translate('audit_filter_invalid') });
	const entries = await orHttpError(
		exportAuditLog(ctx, { scope, ...filters, timeZone: config().timeZone })
	);
	const day = new Date().toISOString().slice(0, 10);
	return new Response(auditCsv(await masked(ctx.db, entries)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="audit-${day}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
}

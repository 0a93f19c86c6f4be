import { sql } from 'kysely';
import { onPostgres } from '../db/audit-capture';
import type { DB } from '../db/types';

export interface LiveColumn {
	table: string;
	column: string;
	/** Holds text (a name, an address, JSON, HTML): what erasure rewrites and its test scans. */
	isText: boolean;
}

/**
 * The tables and columns of the live database (snake_case), ordinary tables only: SQLite's
 * full-text virtual tables and their shadow tables are derived indexes of declared tables.
 */
export async function liveColumns(db: DB): Promise<LiveColumn[]> {
	const raw = db.withoutPlugins();
	const { rows } = onPostgres(db)
		? await sql<{ table: string; column: string; type: string }>`
				select c.table_name as "table", c.column_name as "column", c.data_type as "type"
				from information_schema.columns c
				join information_schema.tables t
					on t.table_schema = c.table_schema and t.table_name = c.table_name
				where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
				order by c.table_name, c.ordinal_position`.execute(raw)
		: await sql<{ table: string; column: string; type: string }>`
				select m.name as "table", p.name as "column", p.type as "type"
				from sqlite_master m join pragma_table_info(m.name) p
				join pragma_table_list l on l.schema = 'main' and l.name = m.name
				where m.type = 'table' and l.type = 'table' and m.sql not like 'create virtual%'
					and m.name not like 'sqlite\\_%' escape '\\'
					and not exists (
						select 1 from sqlite_master v
						where v.type = 'table' and v.sql like 'create virtual%'
							and m.name like v.name || '\\_%' escape '\\')
				order by m.name, p.cid`.execute(raw);
	return rows.map((r) => ({
		table: r.table,
		column: r.column,
		isText: /text|char|clob/i.test(r.type)
	}));
}

import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../test/vitest';
import { liveColumns } from './schema';
import { declaredColumns, isPersonal, looksPersonal, personalDataTables } from './tables';

// A table or a personal-looking column the migrations add must say how it is exported and
// erased (tables.ts): this reads the live schema, so it runs on SQLite and PostgreSQL.

const t = useTestDatabase();

describe('personal data declarations', () => {
	it('declare every table of the live schema, and only those', async () => {
		const live = await liveColumns(t.db);
		const tables = new Set(live.map((c) => c.table));
		const undeclared = [...tables].filter((name) => !(name in personalDataTables));
		expect(undeclared, 'declare these tables in src/lib/server/privacy/tables.ts').toEqual([]);
		const stale = Object.keys(personalDataTables).filter((name) => !tables.has(name));
		expect(stale, 'tables.ts declares tables the schema does not have').toEqual([]);
	});

	it('declare every column that looks personal, and name only real columns', async () => {
		const live = await liveColumns(t.db);
		const columnsOf = new Map<string, Set<string>>();
		for (const c of live)
			columnsOf.set(c.table, (columnsOf.get(c.table) ?? new Set()).add(c.column));
		const problems: string[] = [];
		for (const c of live) {
			const d = personalDataTables[c.table];
			if (!d || !looksPersonal(c.column)) continue;
			const declared =
				(isPersonal(d) && declaredColumns(d).has(c.column)) || c.column in (d.except ?? {});
			if (!declared) problems.push(`${c.table}.${c.column}`);
		}
		for (const [table, d] of Object.entries(personalDataTables)) {
			const columns = columnsOf.get(table) ?? new Set();
			const named = isPersonal(d)
				? [
						...declaredColumns(d),
						...(d.erase.delete ?? []),
						...(d.erase.deleteMatching ?? []),
						...(d.erase.rewrite ?? [])
					]
				: [];
			named.push(...Object.keys(d.except ?? {}));
			for (const column of named)
				if (!columns.has(column)) problems.push(`${table}.${column} (no such column)`);
		}
		expect(problems, 'declare these columns in src/lib/server/privacy/tables.ts').toEqual([]);
	});

	it('say why rows about the person are kept whenever erasure does not delete them all', () => {
		const unexplained = Object.entries(personalDataTables)
			.filter(([, d]) => isPersonal(d))
			.filter(([, d]) => {
				if (!isPersonal(d)) return false;
				const deleted = new Set([...(d.erase.delete ?? []), ...(d.erase.deleteMatching ?? [])]);
				const keys = [...d.keys, ...(d.emailKeys ?? [])];
				const kept = keys.length > 0 ? keys.some((c) => !deleted.has(c)) : deleted.size === 0;
				return kept && !d.erase.keep;
			})
			.map(([name]) => name);
		expect(unexplained).toEqual([]);
	});

	it('recognise the column names that look personal', () => {
		for (const name of ['user_id', 'invited_by', 'email', 'full_name', 'ip', 'user_agent'])
			expect(looksPersonal(name), name).toBe(true);
		for (const name of ['phone', 'author_id', 'previous_user_id', 'authors', 'chat_id'])
			expect(looksPersonal(name), name).toBe(true);
		for (const name of ['id', 'group_id', 'title', 'created_at', 'kind', 'status'])
			expect(looksPersonal(name), name).toBe(false);
	});
});

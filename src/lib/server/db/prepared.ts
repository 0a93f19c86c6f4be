import { CompiledQuery, type Compilable } from 'kysely';
import type { DB } from './types';

/**
 * A hot query compiled once and then only re-bound. Building and compiling a Kysely query
 * (with the camel-case plugin) costs more than SQLite takes to run it, and the session
 * lookup runs on every request. `build` is called once per database with marker arguments;
 * each marker must end up as a bound parameter (not in SQL text or in a condition).
 * Results still pass through the plugins (camel-case keys, Date/boolean normalization).
 */
export function prepared<Args extends unknown[], Row>(
	build: (db: DB, ...args: Args) => Compilable<Row>
): (db: DB, ...args: Args) => Promise<Row[]> {
	const compiled = new WeakMap<object, { sql: string; bind: (args: Args) => unknown[] }>();
	return async (db, ...args) => {
		// The SQL depends only on the dialect: key on the adapter, shared by transactions.
		const key = db.getExecutor().adapter;
		let entry = compiled.get(key);
		if (!entry) {
			const markers = args.map((_, index) => ({ marker: index }));
			const query = build(db, ...(markers as Args)).compile();
			// For each parameter: the index of the argument it stands for, or -1 for a constant.
			const slots = query.parameters.map((p) => markers.indexOf(p as { marker: number }));
			for (let i = 0; i < markers.length; i++) {
				if (!slots.includes(i))
					throw new Error(`prepared query: argument ${i} is not a bound parameter`);
			}
			const constants = query.parameters;
			entry = {
				sql: query.sql,
				bind: (values) => slots.map((slot, i) => (slot >= 0 ? values[slot] : constants[i]))
			};
			compiled.set(key, entry);
		}
		const result = await db.executeQuery<Row>(CompiledQuery.raw(entry.sql, entry.bind(args)));
		return result.rows;
	};
}

import { createHash } from 'node:crypto';

// The hash chain: each entry's hash covers the previous entry's hash and the entry itself,
// written as canonical JSON (keys sorted, no spaces), so the same entry always hashes alike
// on both databases and in `npm run audit:verify`.

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEntry {
	seq: number;
	changedAt: Date;
	actorId: string | null;
	requestId: string | null;
	tableName: string;
	op: string;
	rowId: string;
	schoolId: string | null;
	groupId: string | null;
	/** Canonical JSON text, hashed as stored. */
	changes: string;
}

export function canonicalJson(value: unknown): string {
	if (value === null || value === undefined) return 'null';
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (typeof value === 'object') {
		const record = value as Record<string, unknown>;
		return `{${Object.keys(record)
			.filter((key) => record[key] !== undefined)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`)
			.join(',')}}`;
	}
	return JSON.stringify(value);
}

export function entryHash(prevHash: string, entry: ChainedEntry): string {
	const body = canonicalJson({
		seq: entry.seq,
		changedAt: entry.changedAt.toISOString(),
		actorId: entry.actorId,
		requestId: entry.requestId,
		tableName: entry.tableName,
		op: entry.op,
		rowId: entry.rowId,
		schoolId: entry.schoolId,
		groupId: entry.groupId,
		changes: entry.changes
	});
	return createHash('sha256').update(prevHash).update(body).digest('hex');
}

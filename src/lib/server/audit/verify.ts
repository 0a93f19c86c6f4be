import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { entryHash, GENESIS_HASH } from './chain';
import { sealPending } from './seal';

// Walks the whole chain: each entry must follow the one before (seq without gaps, prev_hash
// equal to the previous hash) and hash to what it says. The first entry that does not is
// the one tampered with (or the one after a removed entry).

export interface VerifyResult {
	ok: boolean;
	checked: number;
	/** The last entry's hash: noted elsewhere, it also shows entries cut from the end. */
	headHash: string;
	broken?: { seq: number; reason: 'gap' | 'prev_hash' | 'hash' };
}

const PAGE = 1000;

export async function verifyChain(db: Kysely<Database>): Promise<VerifyResult> {
	await sealPending(db);
	let expectedSeq = 1;
	let prevHash = GENESIS_HASH;
	let checked = 0;
	for (;;) {
		const rows = await db
			.selectFrom('auditLog')
			.selectAll()
			.where('seq', '>=', expectedSeq)
			.orderBy('seq')
			.limit(PAGE)
			.execute();
		for (const row of rows) {
			if (row.seq !== expectedSeq)
				return { ok: false, checked, headHash: prevHash, broken: { seq: row.seq, reason: 'gap' } };
			if (row.prevHash !== prevHash)
				return {
					ok: false,
					checked,
					headHash: prevHash,
					broken: { seq: row.seq, reason: 'prev_hash' }
				};
			if (entryHash(prevHash, row) !== row.hash)
				return { ok: false, checked, headHash: prevHash, broken: { seq: row.seq, reason: 'hash' } };
			prevHash = row.hash;
			expectedSeq++;
			checked++;
		}
		if (rows.length < PAGE) return { ok: true, checked, headHash: prevHash };
	}
}

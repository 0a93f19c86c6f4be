import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { database } from '$lib/server/db';
import { log } from '$lib/server/log';
import type { RequestHandler } from './$types';

/**
 * For load balancers and monitoring: 200 when the database answers, 503 when it does not.
 * Anyone may ask, so it tells nothing more (no version or database kind to look up
 * advisories by): the operator finds the version in the start-up log line.
 */
export const GET: RequestHandler = async () => {
	let databaseStatus: 'ok' | 'error' = 'ok';
	try {
		await sql`select 1`.execute(database());
	} catch (error) {
		log.error({ err: error }, 'health check: database unreachable');
		databaseStatus = 'error';
	}
	const ok = databaseStatus === 'ok';
	return json(
		{ status: ok ? 'ok' : 'error', database: databaseStatus },
		{ status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};

export const HEAD = GET;

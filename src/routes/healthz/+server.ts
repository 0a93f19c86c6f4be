import { json } from '@sveltejs/kit';
import { sql } from 'kysely';
import { database, databaseDialect } from '$lib/server/db';
import { log } from '$lib/server/log';
import { version } from '$lib/server/version';
import type { RequestHandler } from './$types';

/** For load balancers and monitoring: 200 when the database answers, 503 when it does not. */
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
		{ status: ok ? 'ok' : 'error', database: databaseStatus, dialect: databaseDialect(), version },
		{ status: ok ? 200 : 503, headers: { 'cache-control': 'no-store' } }
	);
};

export const HEAD = GET;

import type { Actor } from '../access/actor';
import type { DB } from '../db/types';
import type { AnonymousCtx, Ctx } from '../domain/context';
import { fileStore } from '../storage';

/** A use case's context in a test: the test's database, the actor, and a clock. */
export function ctxOf(db: DB, actor: Actor, now = new Date()): Ctx {
	return { db, actor, now, store: fileStore() };
}

/** The same for a use case nobody signs in for. */
export function anonymousCtxOf(db: DB, now = new Date()): AnonymousCtx {
	return { db, now, store: fileStore() };
}

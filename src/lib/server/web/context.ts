import { database } from '../db';
import type { AnonymousCtx, Ctx, ViewerCtx } from '../domain/context';
import { fileStore } from '../storage';
import { requireActor } from './denied';

/** A use case's context for a request by the signed-in user (sent to sign in otherwise). */
export function actorCtx(locals: App.Locals): Ctx {
	return { db: database(), actor: requireActor(locals), now: new Date(), store: fileStore() };
}

/** A use case's context for a request nobody needs to be signed in for. */
export function anonymousCtx(): AnonymousCtx {
	return { db: database(), now: new Date(), store: fileStore() };
}

/** A use case's context for a page anyone may read: the signed-in user, if any. */
export function viewerCtx(locals: App.Locals): ViewerCtx {
	return { db: database(), actor: locals.actor ?? null, now: new Date(), store: fileStore() };
}

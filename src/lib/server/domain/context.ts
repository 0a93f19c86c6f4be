import type { Actor } from '../access/actor';
import type { DB } from '../db/types';
import type { BlobStore } from '../storage/types';

// What every use case runs with, passed first: `useCase(ctx, input)`. The web boundary
// (web/context.ts), the demo seed, a job or a command-line tool builds it; tests build it
// with a fixed clock.

/** A use case that nobody signed in for (sign-in, setup, an invitation's link). */
export interface AnonymousCtx {
	db: DB;
	/** The moment of the request: one clock for every row a use case writes. */
	now: Date;
	/** Where uploaded files, pictures and editions are kept (disk, or S3 at scale). */
	store: BlobStore;
}

/** A use case done by someone: every rule is checked against `actor`. */
export interface Ctx extends AnonymousCtx {
	actor: Actor;
}

/** A page anyone may read, signed in or not (a publication, the catalog): the actor if any. */
export interface ViewerCtx extends AnonymousCtx {
	actor: Actor | null;
}

/** The same context inside a transaction (or at another moment). */
export const withDb = <C extends AnonymousCtx>(ctx: C, db: DB): C => ({ ...ctx, db });

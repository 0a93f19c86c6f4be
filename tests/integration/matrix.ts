import { actorKinds, type ActorKind, type World } from './world';

// The permission matrix's vocabulary: a row (a route, a use, who gets what), and the outcomes
// most rows share. permissions.test.ts runs every row; each capability keeps its rows in its
// own file (permissions-<capability>.ts) built from these.

/**
 * A row of the permission matrix: a route and action, for every kind of actor, with the
 * status the server must answer. "signin" means a 303 to the sign-in page.
 */
export type Outcome = number | 'signin';
export interface Row {
	route: string;
	/** "GET", "POST" for endpoints, or "?/name" / "default" for a form action. */
	use: string;
	path: (w: World) => string;
	form?: Record<string, string> | ((w: World) => Record<string, string>);
	expect: Record<ActorKind, Outcome>;
}

export const all = (outcome: Outcome) =>
	Object.fromEntries(actorKinds.map((k) => [k, outcome])) as Record<ActorKind, Outcome>;
export const signedIn = (outcome: Outcome) => ({ ...all(outcome), anonymous: 'signin' as const });
export const only = (allowed: Partial<Record<ActorKind, Outcome>>) => ({
	...signedIn(403),
	...allowed
});

export const bogus = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/**
 * A route of the group of school A: anonymous is sent to sign in; those who cannot see the
 * group (another school, the operator, a scientist not in it) are told it does not exist;
 * the others get `outcomes[kind]`, else `rest`.
 */
export const inGroup = (rest: Outcome, outcomes: Partial<Record<ActorKind, Outcome>> = {}) => ({
	...signedIn(rest),
	adminB: 404,
	operator: 404,
	external: 404,
	teacherB: 404,
	...outcomes
});
/** Allowed to those who run the group (the leader, the school's admin): `ok`; other viewers 403. */
export const runners = (ok: Outcome, more: Partial<Record<ActorKind, Outcome>> = {}) =>
	inGroup(403, { adminA: ok, leaderA: ok, ...more });
/** Meetings: members and the admin; staff who are not members are refused. */
export const meetingsOf = (ok: Outcome, more: Partial<Record<ActorKind, Outcome>> = {}) =>
	inGroup(403, { adminA: ok, leaderA: ok, memberA: ok, externalMember: ok, ...more });
export const group = (w: World) => `/groups/${w.groupId}`;
/** Members only (the leader, memberA, the consultant): `ok`; other viewers 403. */
export const members = (ok: Outcome, more: Partial<Record<ActorKind, Outcome>> = {}) =>
	inGroup(403, { leaderA: ok, memberA: ok, externalMember: ok, ...more });
/** Only memberA, the author: `ok`; everyone else who sees the group 403. */
export const author = (ok: Outcome) => inGroup(403, { memberA: ok });
/** C4–C6: the group's own work, seen by members and the admin only. */
export const groupWork = meetingsOf;
/** Only the leader: `ok`; everyone else who sees the group 403. */
export const leader = (ok: Outcome) => inGroup(403, { leaderA: ok });

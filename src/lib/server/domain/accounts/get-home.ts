import { isSchoolAdmin } from '../../access/actor';
import { prepared } from '../../db/prepared';
import type { DB } from '../../db/types';
import type { Ctx } from '../context';

export interface Home {
	schoolName: string | null;
	/** What the user should do next, e.g. fill in the subjects they teach. */
	profileIncomplete: boolean;
	admin: { activeStaff: number; pendingInvitations: number } | null;
	operator: { schools: number } | null;
	/** What waits for the user to act on, each thing named and linked (issue 15). */
	waiting: WaitingItem[];
}

export interface GetHomeInput {
	/** The school's calendar day (the deployment's time zone): what is due or overdue. */
	today?: string;
}

/** Every sign-in lands on the home page: one round trip, compiled once (db/prepared.ts). */
const homeCounts = prepared((db: DB, schoolId: string, userId: string, now: Date) =>
	db.selectNoFrom((eb) => [
		eb.selectFrom('schools').select('name').where('id', '=', schoolId).as('schoolName'),
		eb
			.selectFrom('userSubjects')
			.select(eb.fn.countAll<number>().as('n'))
			.where('userId', '=', userId)
			.as('subjects'),
		eb
			.selectFrom('users')
			.select(eb.fn.countAll<number>().as('n'))
			.where('schoolId', '=', schoolId)
			.where('isActive', '=', true)
			.as('activeStaff'),
		eb
			.selectFrom('invitations')
			.select(eb.fn.countAll<number>().as('n'))
			.where('schoolId', '=', schoolId)
			.where('acceptedAt', 'is', null)
			.where('revokedAt', 'is', null)
			.where('expiresAt', '>', now)
			.as('pendingInvitations'),
		eb.selectFrom('schools').select(eb.fn.countAll<number>().as('n')).as('schools')
	])
);

/**
 * What the home page shows: the user's school, what waits for them (named), and counts for
 * admins and operators.
 */
export async function getHome({ db, actor, now }: Ctx, input: GetHomeInput = {}): Promise<Home> {
	const today =
		input.today && /^\d{4}-\d{2}-\d{2}$/.test(input.today)
			? input.today
			: now.toISOString().slice(0, 10);
	const [[row], waiting] = await Promise.all([
		homeCounts(db, actor.schoolId ?? '', actor.id, now),
		waitingFor(db, actor.id, now, today)
	]);
	if (!row) throw new Error('home counts: no row');
	return {
		schoolName: row.schoolName ?? null,
		profileIncomplete: Number(row.subjects) === 0,
		admin: isSchoolAdmin(actor)
			? { activeStaff: Number(row.activeStaff), pendingInvitations: Number(row.pendingInvitations) }
			: null,
		operator: actor.isOperator ? { schools: Number(row.schools) } : null,
		waiting
	};
}

/** What waits for the person to act, named (the vote's question, the material's title). */
export type WaitingKind =
	'invitation' | 'vote' | 'consent' | 'request' | 'offered' | 'revision' | 'review' | 'plan';

export interface WaitingItem {
	kind: WaitingKind;
	/** The thing's own name: a vote's question, a material's or publication's title, a group. */
	subject: string;
	/** The page where the person acts on it. */
	href: string;
	groupName: string;
	/** A vote's closing time. */
	closesAt: Date | null;
	/** A plan item's day ('YYYY-MM-DD'), and whether it has passed. */
	dueOn: string | null;
	isOverdue: boolean;
	/** Who asks to join (a request, for the leader). */
	person: string | null;
}

/** At most this many of each kind: the home page is a summary; the pages have the rest. */
const PER_KIND = 10;
/** Plan items come up this many days before they are due. */
const PLAN_DAYS_AHEAD = 7;

/** The open groups the user is a current member of (the leader included), with the role. */
const myPlaces = (db: DB, userId: string) =>
	db
		.selectFrom('groupMembers as m')
		.innerJoin('groups as g', 'g.id', 'm.groupId')
		.where('m.userId', '=', userId)
		.where('m.leftAt', 'is', null)
		.where('g.closedAt', 'is', null);

const invitations = prepared((db: DB, userId: string) =>
	db
		.selectFrom('membershipRequests as i')
		.innerJoin('groups as g', 'g.id', 'i.groupId')
		.select(['g.id as groupId', 'g.name as groupName'])
		.where('i.userId', '=', userId)
		.where('i.kind', '=', 'invitation')
		.where('i.status', '=', 'pending')
		.where('g.closedAt', 'is', null)
		.orderBy('i.createdAt')
		.limit(PER_KIND)
);

/** Open votes on the user's roll not yet voted in (external members: while the group lets them). */
const votes = prepared((db: DB, userId: string, now: Date) =>
	myPlaces(db, userId)
		.innerJoin('votes as v', 'v.groupId', 'g.id')
		.innerJoin('voteRoll as r', (j) =>
			j.onRef('r.voteId', '=', 'v.id').onRef('r.userId', '=', 'm.userId')
		)
		.innerJoin('users as u', 'u.id', 'm.userId')
		.select(['v.id', 'v.question', 'v.closesAt', 'g.id as groupId', 'g.name as groupName'])
		.where('v.status', '=', 'open')
		.where((c) => c.or([c('v.closesAt', 'is', null), c('v.closesAt', '>', now)]))
		.where((c) =>
			c.or([c('g.isExternalVoteAllowed', '=', true), c('u.schoolId', '=', c.ref('g.schoolId'))])
		)
		.where((c) =>
			c.not(
				c.exists(
					c
						.selectFrom('ballots as b')
						.select('b.voterId')
						.whereRef('b.voteId', '=', 'v.id')
						.whereRef('b.voterId', '=', 'm.userId')
				)
			)
		)
		// The soonest to close first; those with no deadline last.
		.orderBy((c) => c.case().when('v.closesAt', 'is', null).then(1).else(0).end())
		.orderBy('v.closesAt')
		.orderBy('v.openedAt')
		.limit(PER_KIND)
);

const consents = prepared((db: DB, userId: string) =>
	db
		.selectFrom('publicationConsents as c')
		.innerJoin('publications as p', 'p.id', 'c.publicationId')
		.innerJoin('groups as g', 'g.id', 'p.groupId')
		.select(['p.code', 'p.title', 'g.name as groupName'])
		.where('c.userId', '=', userId)
		.where('c.decision', 'is', null)
		.where('p.status', '=', 'awaiting_consent')
		.orderBy('c.askedAt')
		.limit(PER_KIND)
);

/** Requests to join the groups the user leads. */
const requests = prepared((db: DB, userId: string) =>
	myPlaces(db, userId)
		.innerJoin('membershipRequests as q', 'q.groupId', 'g.id')
		.innerJoin('users as u', 'u.id', 'q.userId')
		.select(['g.id as groupId', 'g.name as groupName', 'u.fullName'])
		.where('m.role', '=', 'leader')
		.where('q.kind', '=', 'request')
		.where('q.status', '=', 'pending')
		.orderBy('q.createdAt')
		.limit(PER_KIND)
);

/** Materials offered to the groups the user leads: the leader's decision is waited for. */
const offered = prepared((db: DB, userId: string) =>
	myPlaces(db, userId)
		.innerJoin('materials as x', 'x.groupId', 'g.id')
		.select(['x.id', 'x.title', 'g.id as groupId', 'g.name as groupName'])
		.where('m.role', '=', 'leader')
		.where('x.status', '=', 'offered')
		.orderBy('x.offeredAt')
		.limit(PER_KIND)
);

/** The user's own materials sent back for revision. */
const revisions = prepared((db: DB, userId: string) =>
	myPlaces(db, userId)
		.innerJoin('materials as x', 'x.groupId', 'g.id')
		.innerJoin('materialAuthors as a', (j) =>
			j.onRef('a.materialId', '=', 'x.id').onRef('a.userId', '=', 'm.userId')
		)
		.select(['x.id', 'x.title', 'g.id as groupId', 'g.name as groupName'])
		.where('x.status', '=', 'revision_requested')
		.orderBy('x.updatedAt')
		.limit(PER_KIND)
);

/** Materials under review in the user's groups, not their own, with no review of theirs yet. */
const reviews = prepared((db: DB, userId: string) =>
	myPlaces(db, userId)
		.innerJoin('materials as x', 'x.groupId', 'g.id')
		.select(['x.id', 'x.title', 'g.id as groupId', 'g.name as groupName'])
		.where('x.status', '=', 'under_review')
		.where((c) =>
			c.not(
				c.exists(
					c
						.selectFrom('materialAuthors as a')
						.select('a.userId')
						.whereRef('a.materialId', '=', 'x.id')
						.whereRef('a.userId', '=', 'm.userId')
				)
			)
		)
		.where((c) =>
			c.not(
				c.exists(
					c
						.selectFrom('reviews as r')
						.select('r.id')
						.whereRef('r.materialId', '=', 'x.id')
						.whereRef('r.versionNumber', '=', 'x.versionNumber')
						.whereRef('r.reviewerId', '=', 'm.userId')
				)
			)
		)
		.orderBy('x.updatedAt')
		.limit(PER_KIND)
);

/** Planned items the user is responsible for, due within a week or overdue. */
const planItems = prepared((db: DB, userId: string, until: string) =>
	myPlaces(db, userId)
		.innerJoin('planItems as p', 'p.groupId', 'g.id')
		.select(['p.id', 'p.title', 'p.dueOn', 'g.id as groupId', 'g.name as groupName'])
		.whereRef('p.responsibleId', '=', 'm.userId')
		.where('p.status', '=', 'planned')
		.where('p.dueOn', '<=', until)
		.orderBy('p.dueOn')
		.limit(PER_KIND)
);

/** A day plus some days, both 'YYYY-MM-DD'. */
function addDays(day: string, days: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

/** Everything waiting for the user, by what it asks of them, each named and linked. */
async function waitingFor(
	db: DB,
	userId: string,
	now: Date,
	today: string
): Promise<WaitingItem[]> {
	const item = (
		kind: WaitingKind,
		subject: string,
		href: string,
		groupName: string,
		more: Partial<WaitingItem> = {}
	): WaitingItem => ({
		kind,
		subject,
		href,
		groupName,
		closesAt: null,
		dueOn: null,
		isOverdue: false,
		person: null,
		...more
	});
	const g = (groupId: string) => `/groups/${groupId}`;
	const [inv, vote, consent, request, offer, revision, review, plan] = await Promise.all([
		invitations(db, userId),
		votes(db, userId, now),
		consents(db, userId),
		requests(db, userId),
		offered(db, userId),
		revisions(db, userId),
		reviews(db, userId),
		planItems(db, userId, addDays(today, PLAN_DAYS_AHEAD))
	]);
	return [
		...inv.map((r) => item('invitation', r.groupName, g(r.groupId), r.groupName)),
		...vote.map((r) =>
			item('vote', r.question, `${g(r.groupId)}/votes/${r.id}`, r.groupName, {
				// A scalar read back on SQLite may be text: normalized here.
				closesAt: r.closesAt ? new Date(r.closesAt) : null
			})
		),
		...consent.map((r) => item('consent', r.title, `/p/${r.code}`, r.groupName)),
		...request.map((r) =>
			item('request', r.groupName, `${g(r.groupId)}/members`, r.groupName, {
				person: r.fullName
			})
		),
		...offer.map((r) => item('offered', r.title, `${g(r.groupId)}/materials/${r.id}`, r.groupName)),
		...revision.map((r) =>
			item('revision', r.title, `${g(r.groupId)}/materials/${r.id}`, r.groupName)
		),
		...review.map((r) => item('review', r.title, `${g(r.groupId)}/materials/${r.id}`, r.groupName)),
		...plan.map((r) =>
			item('plan', r.title, `${g(r.groupId)}/plan/${r.id}`, r.groupName, {
				dueOn: r.dueOn,
				isOverdue: r.dueOn < today
			})
		)
	];
}

import { prepared } from '../../db/prepared';
import type { DB } from '../../db/types';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { addDays, localMinute } from './days';
import { homeDayInput, type HomeDayInput } from './input';

// "Waiting for you" (issue 17): everything that asks the signed-in person to act, across
// their groups, each named, dated and linked, the most urgent first. Every query starts
// from the person's own rows (their memberships, their roll entries, their consents), so
// nothing of a group they are not in reaches them. Whether they voted in a secret vote is
// read from their own ballot row only (ballots keep the voter, the choice is sealed).

export type WaitingKind =
	| 'invitation'
	| 'vote'
	| 'consent'
	| 'request'
	| 'offered'
	| 'revision'
	| 'review'
	| 'plan'
	| 'meeting'
	| 'questionnaire'
	| 'observation';

export interface WaitingItem {
	kind: WaitingKind;
	/** The thing's own name: a vote's question, a material's title, a group's name. */
	subject: string;
	/** A meeting's number (meetings have no title). */
	number: number | null;
	/** The page where the person acts on it. */
	href: string;
	groupName: string;
	/** Who asks to join (a request), or the material's author (to decide, to review). */
	person: string | null;
	/** A vote's closing moment. */
	closesAt: Date | null;
	/** A plan item's or a questionnaire's last day ('YYYY-MM-DD'). */
	dueOn: string | null;
	/** A meeting's day and start ('HH:MM', if set). */
	meetingOn: string | null;
	meetingTime: string | null;
	/** A plan item whose day has passed. */
	isOverdue: boolean;
	/** A plan item for the whole group (nobody named responsible). */
	isForGroup: boolean;
}

/** At most this many of each kind: home is a summary; the group pages have the rest. */
export const PER_KIND = 10;
/** Plan items come up this many days before they are due. */
export const PLAN_DAYS_AHEAD = 7;
/** Meetings come up this many days ahead. */
export const MEETING_DAYS_AHEAD = 7;

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
		// Only the person's own ballot is looked at (by its key), secret votes included.
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
		.innerJoin('users as a', 'a.id', 'x.authorId')
		.select(['x.id', 'x.title', 'a.fullName', 'g.id as groupId', 'g.name as groupName'])
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
		.innerJoin('users as w', 'w.id', 'x.authorId')
		.select(['x.id', 'x.title', 'w.fullName', 'g.id as groupId', 'g.name as groupName'])
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

/** Planned items due within a week or overdue: the user's own, and the group's (nobody named). */
const planItems = prepared((db: DB, userId: string, until: string) =>
	myPlaces(db, userId)
		.innerJoin('planItems as p', 'p.groupId', 'g.id')
		.select([
			'p.id',
			'p.title',
			'p.dueOn',
			'p.responsibleId',
			'g.id as groupId',
			'g.name as groupName'
		])
		.where((c) =>
			c.or([c('p.responsibleId', '=', c.ref('m.userId')), c('p.responsibleId', 'is', null)])
		)
		.where('p.status', '=', 'planned')
		.where('p.dueOn', '<=', until)
		.orderBy('p.dueOn')
		.limit(PER_KIND)
);

/** The groups' meetings from today on, not cancelled, within the next days. */
const meetings = prepared((db: DB, userId: string, from: string, until: string) =>
	myPlaces(db, userId)
		.innerJoin('meetings as e', 'e.groupId', 'g.id')
		.select([
			'e.id',
			'e.number',
			'e.heldOn',
			'e.startTime',
			'g.id as groupId',
			'g.name as groupName'
		])
		.where('e.cancelledAt', 'is', null)
		.where('e.heldOn', '>=', from)
		.where('e.heldOn', '<=', until)
		.orderBy('e.heldOn')
		.orderBy('e.startTime')
		.limit(PER_KIND)
);

/** Open questionnaires of the user's groups they have not sent an answer to (a draft still waits). */
const questionnaires = prepared((db: DB, userId: string, today: string) =>
	myPlaces(db, userId)
		.innerJoin('questionnaires as q', 'q.groupId', 'g.id')
		.select(['q.id', 'q.title', 'q.deadlineOn', 'g.id as groupId', 'g.name as groupName'])
		.where('q.closedAt', 'is', null)
		.where((c) => c.or([c('q.deadlineOn', 'is', null), c('q.deadlineOn', '>=', today)]))
		.where((c) =>
			c.not(
				c.exists(
					c
						.selectFrom('formResponses as r')
						.select('r.id')
						.whereRef('r.questionnaireId', '=', 'q.id')
						.whereRef('r.respondentId', '=', 'm.userId')
						.where('r.status', '=', 'submitted')
				)
			)
		)
		.orderBy((c) => c.case().when('q.deadlineOn', 'is', null).then(1).else(0).end())
		.orderBy('q.deadlineOn')
		.orderBy('q.sentAt')
		.limit(PER_KIND)
);

/** Lessons the leader asked the user to observe, not yet observed by them. */
const observations = prepared((db: DB, userId: string) =>
	myPlaces(db, userId)
		.innerJoin('approbations as a', 'a.groupId', 'g.id')
		.innerJoin('observationRequests as o', (j) =>
			j.onRef('o.approbationId', '=', 'a.id').onRef('o.observerId', '=', 'm.userId')
		)
		.innerJoin('users as w', 'w.id', 'a.authorId')
		.select(['a.id', 'a.title', 'w.fullName', 'g.id as groupId', 'g.name as groupName'])
		.where((c) =>
			c.not(
				c.exists(
					c
						.selectFrom('observations as b')
						.select('b.id')
						.whereRef('b.approbationId', '=', 'a.id')
						.whereRef('b.observerId', '=', 'm.userId')
				)
			)
		)
		.orderBy('o.requestedAt')
		.limit(PER_KIND)
);

/** Kinds without a date, in the order they are shown after the dated ones. */
const undatedOrder: WaitingKind[] = [
	'invitation',
	'request',
	'offered',
	'review',
	'revision',
	'observation',
	'consent',
	'questionnaire',
	'vote'
];

/**
 * Everything waiting for the signed-in person, the most urgent first: what has a deadline or
 * a day by that moment (an overdue plan item first), then the rest by kind.
 */
export async function listWaiting(
	{ db, actor, now }: Ctx,
	input: HomeDayInput
): Promise<WaitingItem[]> {
	const { today, timeZone } = validate(homeDayInput, input);
	const userId = actor.id;
	const [inv, vote, consent, request, offer, revision, review, plan, meeting, form, observe] =
		await Promise.all([
			invitations(db, userId),
			votes(db, userId, now),
			consents(db, userId),
			requests(db, userId),
			offered(db, userId),
			revisions(db, userId),
			reviews(db, userId),
			planItems(db, userId, addDays(today, PLAN_DAYS_AHEAD)),
			meetings(db, userId, today, addDays(today, MEETING_DAYS_AHEAD)),
			questionnaires(db, userId, today),
			observations(db, userId)
		]);
	const g = (groupId: string) => `/groups/${groupId}`;
	const item = (
		kind: WaitingKind,
		subject: string,
		href: string,
		groupName: string,
		more: Partial<WaitingItem> = {}
	): WaitingItem => ({
		kind,
		subject,
		number: null,
		href,
		groupName,
		person: null,
		closesAt: null,
		dueOn: null,
		meetingOn: null,
		meetingTime: null,
		isOverdue: false,
		isForGroup: false,
		...more
	});
	const items = [
		...inv.map((r) => item('invitation', r.groupName, g(r.groupId), r.groupName)),
		...vote.map((r) =>
			item('vote', r.question, `${g(r.groupId)}/votes/${r.id}`, r.groupName, {
				// A timestamp read back on SQLite may be text: normalized here.
				closesAt: r.closesAt ? new Date(r.closesAt) : null
			})
		),
		...consent.map((r) => item('consent', r.title, `/p/${r.code}`, r.groupName)),
		...request.map((r) =>
			item('request', r.groupName, `${g(r.groupId)}/members`, r.groupName, {
				person: r.fullName
			})
		),
		...offer.map((r) =>
			item('offered', r.title, `${g(r.groupId)}/materials/${r.id}`, r.groupName, {
				person: r.fullName
			})
		),
		...revision.map((r) =>
			item('revision', r.title, `${g(r.groupId)}/materials/${r.id}`, r.groupName)
		),
		...review.map((r) =>
			item('review', r.title, `${g(r.groupId)}/materials/${r.id}/review`, r.groupName, {
				person: r.fullName
			})
		),
		...plan.map((r) =>
			item('plan', r.title, `${g(r.groupId)}/plan/${r.id}`, r.groupName, {
				dueOn: r.dueOn,
				isOverdue: r.dueOn < today,
				isForGroup: r.responsibleId === null
			})
		),
		...meeting.map((r) =>
			item('meeting', '', `${g(r.groupId)}/meetings/${r.id}`, r.groupName, {
				number: r.number,
				meetingOn: r.heldOn,
				meetingTime: r.startTime
			})
		),
		...form.map((r) =>
			item('questionnaire', r.title, `${g(r.groupId)}/questionnaires/${r.id}`, r.groupName, {
				dueOn: r.deadlineOn
			})
		),
		...observe.map((r) =>
			item('observation', r.title, `${g(r.groupId)}/approbations/${r.id}/observe`, r.groupName, {
				person: r.fullName
			})
		)
	];
	// A stable sort: within one key, each query's own order stays.
	return items
		.map((entry) => ({ entry, key: urgency(entry, timeZone) }))
		.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
		.map(({ entry }) => entry);
}

/**
 * When the thing is due, as the school's wall clock ('YYYY-MM-DD HH:MM'), so instants and
 * days compare: a day's deadline is its last minute, a meeting its start. Undated things
 * sort after every date, by kind.
 */
function urgency(item: WaitingItem, timeZone: string): string {
	if (item.closesAt) return localMinute(item.closesAt, timeZone);
	if (item.meetingOn) return `${item.meetingOn} ${item.meetingTime ?? '00:00'}`;
	if (item.dueOn) return `${item.dueOn} 23:59`;
	return `~${String(undatedOrder.indexOf(item.kind)).padStart(2, '0')}`;
}

// Every kind of notification, who it goes to, and how it is delivered unless the person chose
// otherwise (their settings). One list: the recipients, the defaults, the settings page and
// the message keys (notify_kind_<kind with _ for .>) all follow it.

/** Who a kind goes to, computed when the event happens (notify.ts). */
export type Audience =
	/** The group's current leader. */
	| 'leader'
	/** The group's current members, the leader included. */
	| 'members'
	/** The material's authors. */
	| 'authors'
	/** The vote's roll: everyone who may vote. */
	| 'voters'
	/** The vote's roll, less those who have voted. */
	| 'non_voters'
	/** The people the event names (the invitee, the one mentioned, the one responsible). */
	| 'named';

export type EmailChoice = 'instant' | 'daily' | 'weekly' | 'off';
export const emailChoices: readonly EmailChoice[] = ['instant', 'daily', 'weekly', 'off'];

interface KindRule {
	audience: Audience;
	/** The email default: what asks the person to act comes at once, news in the daily digest. */
	email: EmailChoice;
	/** Where the settings page lists it. */
	area: NotificationArea;
}

export type NotificationArea =
	| 'membership'
	| 'materials'
	| 'discussions'
	| 'proposals'
	| 'votes'
	| 'meetings'
	| 'plan'
	| 'results'
	/**
	 * Security notices (issue 16): always told, in the inbox and by their own email, so the
	 * settings page does not list the area (it is left out of `notificationAreas`).
	 */
	| 'account';

/** The areas the settings page lists, in its order. */
export const notificationAreas: readonly NotificationArea[] = [
	'membership',
	'materials',
	'discussions',
	'proposals',
	'votes',
	'meetings',
	'plan',
	'results'
];

const rules = {
	'group.invited': { audience: 'named', email: 'instant', area: 'membership' },
	'group.join_requested': { audience: 'leader', email: 'instant', area: 'membership' },
	'group.request_accepted': { audience: 'named', email: 'instant', area: 'membership' },
	'group.request_declined': { audience: 'named', email: 'instant', area: 'membership' },
	'group.leader_appointed': { audience: 'named', email: 'instant', area: 'membership' },
	'group.leader_replaced': { audience: 'named', email: 'instant', area: 'membership' },
	'group.member_joined': { audience: 'leader', email: 'daily', area: 'membership' },
	'group.member_left': { audience: 'leader', email: 'daily', area: 'membership' },
	'material.offered': { audience: 'leader', email: 'instant', area: 'materials' },
	'material.in_review': { audience: 'authors', email: 'daily', area: 'materials' },
	'material.revision_asked': { audience: 'authors', email: 'instant', area: 'materials' },
	'material.accepted': { audience: 'authors', email: 'instant', area: 'materials' },
	'review.received': { audience: 'authors', email: 'instant', area: 'materials' },
	'post.mentioned': { audience: 'named', email: 'instant', area: 'discussions' },
	'post.replied': { audience: 'named', email: 'daily', area: 'discussions' },
	'proposal.analyzed': { audience: 'named', email: 'daily', area: 'proposals' },
	'proposal.in_discussion': { audience: 'members', email: 'daily', area: 'proposals' },
	'proposal.returned': { audience: 'named', email: 'instant', area: 'proposals' },
	'vote.opened': { audience: 'voters', email: 'instant', area: 'votes' },
	'vote.closing': { audience: 'non_voters', email: 'instant', area: 'votes' },
	'vote.closed': { audience: 'members', email: 'daily', area: 'votes' },
	'meeting.scheduled': { audience: 'members', email: 'instant', area: 'meetings' },
	'meeting.changed': { audience: 'members', email: 'instant', area: 'meetings' },
	'meeting.cancelled': { audience: 'members', email: 'instant', area: 'meetings' },
	'plan.due': { audience: 'named', email: 'instant', area: 'plan' },
	'plan.overdue': { audience: 'named', email: 'instant', area: 'plan' },
	'edition.compiled': { audience: 'leader', email: 'daily', area: 'results' },
	'edition.failed': { audience: 'leader', email: 'instant', area: 'results' },
	'publication.consent_asked': { audience: 'named', email: 'instant', area: 'results' },
	'publication.published': { audience: 'named', email: 'daily', area: 'results' },
	// Its email is sent by the use case itself, whatever the person chose (a security notice).
	'account.reset_issued': { audience: 'named', email: 'off', area: 'account' }
} as const satisfies Record<string, KindRule>;

export type NotificationKind = keyof typeof rules;
export const notificationKinds = Object.keys(rules) as NotificationKind[];

export function isNotificationKind(value: string): value is NotificationKind {
	return Object.hasOwn(rules, value);
}

export const kindRule = (kind: NotificationKind): KindRule => rules[kind];

/** The message key of a kind's label: `notify_kind_vote_opened` for 'vote.opened'. */
export const kindMessageKey = (kind: NotificationKind) =>
	`notify_kind_${kind.replace('.', '_')}` as const;

/** Telegram, once linked, brings what comes by instant email unless the person chose otherwise. */
export const defaultTelegram = (kind: NotificationKind): boolean => rules[kind].email === 'instant';

import type { Actor } from '../../access/actor';
import { isStaff } from '../../access/actor';
import type { Audience, PublicationStatus } from '../../db/types';
import { canManageGroup, type GroupPlace } from '../group-access/policy';

// Who may publish and who may read what was published (§3.4). Pure, like every policy.

/** The leader and the school administration publish and take publications down. */
export function canPublish(actor: Actor | null, place: GroupPlace): boolean {
	return canManageGroup(actor, place);
}

export interface PublicationPlace {
	schoolId: string;
	audience: Audience;
	status: PublicationStatus;
	/** The actor runs the group (leader, school admin). */
	isPublisher: boolean;
	/** The actor is asked for consent, or answered. */
	isAsked: boolean;
	/** The actor is a current member of the group. */
	isMember: boolean;
}

/** The audience itself: anyone for the public, the school's staff and the group for staff. */
function isInAudience(actor: Actor | null, place: PublicationPlace): boolean {
	if (place.audience === 'public') return true;
	return isStaff(actor, place.schoolId) || place.isMember || place.isPublisher;
}

/**
 * Published: its audience. Taken down: a tombstone for the same audience. While consent is
 * asked, a preview for the publishers and the authors asked; refused or withdrawn: the
 * publishers and the authors only (they see what happened).
 */
export function canSeePublication(actor: Actor | null, place: PublicationPlace): boolean {
	switch (place.status) {
		case 'published':
		case 'unpublished':
			return isInAudience(actor, place);
		case 'awaiting_consent':
		case 'refused':
		case 'withdrawn':
			return place.isPublisher || place.isAsked;
	}
}

/** Downloads and the full text: only while it is published. */
export function canReadPublication(actor: Actor | null, place: PublicationPlace): boolean {
	if (place.status === 'published') return isInAudience(actor, place);
	return place.status === 'awaiting_consent' && (place.isPublisher || place.isAsked);
}

import type { GroupEventView } from '../domain/groups/history';
import type { MemberView } from '../domain/groups/members';
import { formatDate, formatDateTime } from '../../i18n/format';
import type { Locale } from '../../i18n/locale';
import { translate } from './i18n';
import { categoryName, roleName } from './options';

// How groups' history and members read on a page, in the request's language.

export function eventLine(event: GroupEventView, locale: Locale, timeZone: string) {
	const name = event.userName ?? '—';
	const actor = event.actorName ?? '—';
	let text: string;
	switch (event.kind) {
		case 'leader_changed':
			text = event.previousUserName
				? translate('group_event_leader_replaced', { name, previous: event.previousUserName })
				: translate('group_event_leader_appointed', { name });
			break;
		case 'joined':
		case 'left':
			text = translate(`group_event_${event.kind}`, { name });
			break;
		default:
			text = translate(`group_event_${event.kind}`, { actor });
	}
	return {
		id: event.id,
		kind: event.kind,
		text,
		reason: event.reason,
		at: formatDateTime(event.at, locale, timeZone)
	};
}

export function memberLine(
	member: MemberView,
	subjectName: Map<string, string>,
	locale: Locale,
	timeZone: string
) {
	const facts = [
		member.isExternal ? roleName(member.accountRole) : '',
		member.subjectIds.map((id) => subjectName.get(id) ?? id).join(', '),
		member.experienceYears !== null
			? translate('member_experience', { count: member.experienceYears })
			: '',
		member.qualificationCategory && member.qualificationCategory !== 'none'
			? categoryName(member.qualificationCategory)
			: ''
	].filter(Boolean);
	return {
		userId: member.userId,
		fullName: member.fullName,
		role: member.role,
		isExternal: member.isExternal,
		facts: facts.join(' · '),
		joined: formatDate(member.joinedAt, locale, timeZone),
		left: member.leftAt ? formatDate(member.leftAt, locale, timeZone) : null
	};
}

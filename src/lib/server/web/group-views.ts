import type { GroupFace } from '../domain/groups/get-group-face';
import type { GroupToDo } from '../domain/groups/get-group-home';
import type { GroupEventView } from '../domain/groups/history';
import type { MemberView } from '../domain/groups/members';
import { formatDate, formatDateTime } from '../../i18n/format';
import type { Locale } from '../../i18n/locale';
import { translate } from './i18n';
import { formatDay } from './days';
import { faceOf } from './faces';
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

/** The group's face for its header: people as faces (photo URL or initials). */
export function groupFaceView(face: GroupFace) {
	return {
		id: face.id,
		name: face.name,
		theme: face.theme,
		isClosed: face.isClosed,
		canManage: face.canManage,
		canSeeMeetings: face.canSeeMeetings,
		leader: face.leader ? faceOf(face.leader) : null,
		members: face.members.map(faceOf),
		memberCount: face.memberCount
	};
}

/** What waits for the person in the group, with its labels: named, dated, linked. */
export function toDoView(toDo: GroupToDo, locale: Locale, timeZone: string) {
	return {
		votes: toDo.votes.map((v) => ({
			id: v.id,
			question: v.question,
			deadline: v.closesAt
				? translate('group_todo_deadline', { date: formatDateTime(v.closesAt, locale, timeZone) })
				: translate('group_todo_no_deadline')
		})),
		materials: toDo.materials.map((mt) => ({
			id: mt.id,
			title: mt.title,
			author: mt.authorName ? translate('group_todo_author', { name: mt.authorName }) : ''
		})),
		nextMeeting: toDo.nextMeeting && {
			id: toDo.nextMeeting.id,
			name: translate('group_todo_meeting_name', { number: toDo.nextMeeting.number }),
			when: translate('group_todo_when', {
				date: [formatDay(toDo.nextMeeting.heldOn, locale), toDo.nextMeeting.startTime]
					.filter(Boolean)
					.join(' ')
			}),
			place: toDo.nextMeeting.place
				? translate('group_todo_place', { place: toDo.nextMeeting.place })
				: ''
		}
	};
}

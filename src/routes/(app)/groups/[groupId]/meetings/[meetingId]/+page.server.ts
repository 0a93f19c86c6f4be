import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { getMeeting } from '$lib/server/domain/meetings/get-meeting';
import { maxAgendaItems } from '$lib/server/domain/meetings/input';
import { updateMeeting } from '$lib/server/domain/meetings/update-meeting';
import { collator, formatDateTime } from '$lib/i18n/format';
import { requireActor } from '$lib/server/web/denied';
import { formatDay } from '$lib/server/web/days';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const view = await orHttpError(getMeeting(database(), actor, params.groupId, params.meetingId));
	const order = collator(locals.locale);
	const { meeting } = view;
	const attendees = view.attendees.sort((a, b) => order.compare(a.fullName, b.fullName));
	const values: Record<string, string> = {
		heldOn: meeting.heldOn,
		startTime: meeting.startTime ?? '',
		place: meeting.place,
		onlineLink: meeting.onlineLink,
		chairId: meeting.chairId ?? '',
		secretaryId: meeting.secretaryId ?? '',
		invited: meeting.invited,
		notes: meeting.notes,
		decisions: meeting.decisions
	};
	view.agenda.forEach((item, i) => {
		for (const [field, value] of Object.entries(item)) values[`agenda.${i}.${field}`] = value;
	});
	for (const a of attendees) values[`attendance.${a.userId}`] = a.status ?? 'present';
	return {
		meeting: {
			id: meeting.id,
			number: meeting.number,
			heldOn: formatDay(meeting.heldOn, locals.locale),
			startTime: meeting.startTime,
			place: meeting.place,
			onlineLink: meeting.onlineLink,
			invited: meeting.invited,
			notes: meeting.notes,
			decisions: meeting.decisions,
			chairName: view.chairName,
			secretaryName: view.secretaryName,
			updatedAt: formatDateTime(meeting.updatedAt, locals.locale, config().timeZone)
		},
		agenda: view.agenda,
		attendees: attendees.map((a) => ({ userId: a.userId, fullName: a.fullName, status: a.status })),
		canEdit: view.canEdit,
		maxAgendaItems,
		values,
		members: attendees
			.filter((a) => view.attendees.find((x) => x.userId === a.userId)?.isCurrentMember)
			.map((a) => ({ value: a.userId, label: a.fullName }))
	};
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await updateMeeting(database(), actor, params.groupId, params.meetingId, values);
			return { saved: true as const };
		});
	}
};

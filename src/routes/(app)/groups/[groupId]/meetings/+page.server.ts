import { config } from '$lib/server/config.js';
import { asId, type GroupId } from '$lib/server/domain/ids';
import { createMeeting } from '$lib/server/domain/meetings/create-meeting';
import {
	createMeetingInput,
	maxAgendaItems,
	maxAgendaTitle
} from '$lib/server/domain/meetings/input';
import { listMeetings } from '$lib/server/domain/meetings/list-meetings';
import { collator } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { formatDay, today } from '$lib/server/web/days';
import { formInput } from '$lib/server/web/form-input';
import { redirectConfirmed } from '$lib/server/web/form-results';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const list = await orHttpError(
		listMeetings(actorCtx(locals), { groupId: asId<GroupId>(params.groupId) })
	);
	const order = collator(locals.locale);
	return {
		today: today(config().timeZone),
		canCall: list.canCall,
		maxAgendaItems,
		maxAgendaTitle,
		meetings: list.meetings.map((m) => ({ ...m, heldOn: formatDay(m.heldOn, locals.locale) })),
		members: list.members
			.sort((a, b) => order.compare(a.fullName, b.fullName))
			.map((m) => ({ value: m.id, label: m.fullName }))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const ctx = actorCtx(event.locals);
		const groupId = asId<GroupId>(event.params.groupId);
		// Redirected from inside: answered with the meeting's page and the confirmation.
		return runForm(event, async (values) => {
			const { meetingId } = await createMeeting(
				ctx,
				formInput(createMeetingInput, values, { groupId })
			);
			return redirectConfirmed(
				event,
				`/groups/${groupId}/meetings/${meetingId}`,
				'decisions_meeting_scheduled'
			);
		});
	}
};

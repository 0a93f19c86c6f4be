import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { createMeeting } from '$lib/server/domain/meetings/create-meeting';
import { listMeetings } from '$lib/server/domain/meetings/list-meetings';
import { collator } from '$lib/i18n/format';
import { requireActor } from '$lib/server/web/denied';
import { formatDay, today } from '$lib/server/web/days';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const list = await orHttpError(listMeetings(database(), actor, params.groupId));
	const order = collator(locals.locale);
	return {
		today: today(config().timeZone),
		canCall: list.canCall,
		meetings: list.meetings.map((m) => ({ ...m, heldOn: formatDay(m.heldOn, locals.locale) })),
		members: list.members
			.sort((a, b) => order.compare(a.fullName, b.fullName))
			.map((m) => ({ value: m.id, label: m.fullName }))
	};
};

export const actions: Actions = {
	create: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		const result = await runForm(request, (values) =>
			createMeeting(database(), actor, params.groupId, values)
		);
		if ('meetingId' in result)
			redirect(303, `/groups/${params.groupId}/meetings/${result.meetingId}`);
		return result;
	}
};

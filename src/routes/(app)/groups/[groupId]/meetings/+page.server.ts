import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { asId, type GroupId } from '$lib/server/domain/ids';
import { createMeeting } from '$lib/server/domain/meetings/create-meeting';
import { createMeetingInput } from '$lib/server/domain/meetings/input';
import { listMeetings } from '$lib/server/domain/meetings/list-meetings';
import { collator } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { formatDay, today } from '$lib/server/web/days';
import { formInput } from '$lib/server/web/form-input';
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
		const result = await runForm(event, (values) =>
			createMeeting(ctx, formInput(createMeetingInput, values, { groupId }))
		);
		if ('meetingId' in result) redirect(303, `/groups/${groupId}/meetings/${result.meetingId}`);
		return result;
	}
};

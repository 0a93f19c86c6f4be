import { config } from '$lib/server/config.js';
import { asId, type GroupId, type MeetingId } from '$lib/server/domain/ids';
import { getMeeting } from '$lib/server/domain/meetings/get-meeting';
import { cancelMeeting } from '$lib/server/domain/meetings/cancel-meeting';
import {
	cancelMeetingInput,
	maxAgendaItems,
	maxAgendaTitle
} from '$lib/server/domain/meetings/input';
import { updateMeeting } from '$lib/server/domain/meetings/update-meeting';
import { meetingDecisions } from '$lib/server/domain/votes/list-decisions';
import { collator, formatDateTime } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { formatDay } from '$lib/server/web/days';
import { runForm } from '$lib/server/web/forms';
import { translate } from '$lib/server/web/i18n';
import { formInput } from '$lib/server/web/form-input';
import { orHttpError } from '$lib/server/web/load';
import { meetingFormInput, onFormRows } from '$lib/server/web/meeting-form';
import { decisionCard } from '$lib/server/web/vote-views';
import { faceOf } from '$lib/server/web/faces';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const ctx = actorCtx(locals);
	const view = await orHttpError(
		getMeeting(ctx, {
			groupId: asId<GroupId>(params.groupId),
			meetingId: asId<MeetingId>(params.meetingId)
		})
	);
	// Read-only here: the leader links a decision to these minutes on the vote's page.
	const decisions = await meetingDecisions(ctx.db, params.groupId, params.meetingId);
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
	for (const a of attendees) values[`attendance.${a.userId}`] = a.status ?? '';
	return {
		/**
		 * The page's step (agenda → attendance → minutes): one shows at a time so the one being
		 * worked on is in the first screen; an address, so it works without JavaScript.
		 */
		step: meetingStep(url.searchParams.get('step')),
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
			updatedAt: formatDateTime(meeting.updatedAt, locals.locale, config().timeZone),
			/** Changes with every save: the agenda rows are keyed by it. */
			version: meeting.updatedAt.getTime(),
			cancelled: meeting.cancelledAt
				? {
						at: formatDateTime(meeting.cancelledAt, locals.locale, config().timeZone),
						reason: meeting.cancelReason ?? ''
					}
				: null
		},
		canCancel: view.canCancel,
		/** Back from cancelling (303): the page says it was done. */
		justCancelled: url.searchParams.has('cancelled') && meeting.cancelledAt !== null,
		agenda: view.agenda,
		votedDecisions: decisions.map((d) => decisionCard(d, locals.locale, config().timeZone)),
		attendees: attendees.map((a) => ({
			userId: a.userId,
			fullName: a.fullName,
			status: a.status,
			face: faceOf({ id: a.userId, ...a })
		})),
		canEdit: view.canEdit,
		maxAgendaItems,
		maxAgendaTitle,
		values,
		members: [
			...attendees
				.filter((a) => a.isCurrentMember)
				.map((a) => ({ value: a.userId, label: a.fullName })),
			// A chair or secretary who has left stays on the minutes they signed.
			...[
				[meeting.chairId, view.chairName],
				[meeting.secretaryId, view.secretaryName]
			]
				.filter(([id]) => id && !attendees.some((a) => a.userId === id && a.isCurrentMember))
				.map(([id, name]) => ({
					value: id!,
					label: translate('former_member', { name: name ?? '' })
				}))
				.filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i)
		]
	};
};

const steps = ['agenda', 'attendance', 'minutes'] as const;
const meetingStep = (asked: string | null) =>
	steps.find((step) => step === asked) ?? ('agenda' as const);

export const actions: Actions = {
	save: async (event) => {
		const ctx = actorCtx(event.locals);
		const ids = {
			groupId: asId<GroupId>(event.params.groupId),
			meetingId: asId<MeetingId>(event.params.meetingId)
		};
		return runForm(event, async (values) => {
			const { input, rows } = meetingFormInput(values, ids);
			await updateMeeting(ctx, input).catch((error: unknown) => {
				throw onFormRows(error, rows);
			});
			return { saved: true as const };
		});
	},
	cancel: async (event) => {
		const ctx = actorCtx(event.locals);
		const { groupId, meetingId } = event.params;
		const result = await runForm(event, async (values) => {
			await cancelMeeting(
				ctx,
				formInput(cancelMeetingInput, values, {
					groupId: asId<GroupId>(groupId),
					meetingId: asId<MeetingId>(meetingId)
				})
			);
			return null;
		});
		if (result) return result;
		// A reload never posts the cancel again.
		redirect(303, `/groups/${groupId}/meetings/${meetingId}?cancelled=1`);
	}
};

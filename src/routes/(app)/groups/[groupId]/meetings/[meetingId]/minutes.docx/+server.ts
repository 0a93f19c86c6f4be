import { asId, type GroupId, type MeetingId } from '$lib/server/domain/ids';
import { getMeeting } from '$lib/server/domain/meetings/get-meeting';
import { meetingDecisions } from '$lib/server/domain/votes/list-decisions';
import { minutesDocx } from '$lib/server/export/minutes-docx';
import { actorCtx } from '$lib/server/web/context';
import { formatDay } from '$lib/server/web/days';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import { minutesVote } from '$lib/server/web/vote-views';
import { collator } from '$lib/i18n/format';
import type { RequestHandler } from './$types';

/** The official minutes ("протокол") as a Word document, in the user's language. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const ctx = actorCtx(locals);
	const view = await orHttpError(
		getMeeting(ctx, {
			groupId: asId<GroupId>(params.groupId),
			meetingId: asId<MeetingId>(params.meetingId)
		})
	);
	const { meeting } = view;
	const votes = await meetingDecisions(ctx.db, params.groupId, params.meetingId);
	const order = collator(locals.locale);
	const names = (status: string) =>
		view.attendees
			.filter((a) => a.status === status)
			.map((a) => a.fullName)
			.sort(order.compare);
	const document = await minutesDocx(
		{
			language: locals.locale,
			schoolName: view.schoolName,
			city: view.city,
			date: formatDay(meeting.heldOn, locals.locale),
			time: meeting.startTime,
			place: meeting.place || null,
			onlineLink: meeting.onlineLink || null,
			chair: view.chairName,
			secretary: view.secretaryName,
			present: names('present'),
			absent: names('absent'),
			excused: names('excused'),
			invited: meeting.invited || null,
			agenda: view.agenda.map((item) => ({ ...item, speaker: item.speaker || null })),
			notes: meeting.notes,
			decisions: meeting.decisions,
			votes: votes.map(minutesVote)
		},
		{
			title: translate('minutes_number', { number: meeting.number }),
			groupLine: translate('minutes_group_line', { group: view.groupName }),
			date: translate('minutes_date'),
			place: translate('meeting_place'),
			online: translate('meeting_online_link'),
			chair: translate('minutes_chair'),
			secretary: translate('minutes_secretary'),
			present: translate('minutes_present'),
			absent: translate('minutes_absent'),
			excused: translate('minutes_excused'),
			invited: translate('minutes_invited'),
			agenda: translate('minutes_agenda'),
			speaker: translate('minutes_speaker'),
			heard: translate('minutes_heard').toUpperCase(),
			spoke: translate('minutes_spoke').toUpperCase(),
			decided: translate('minutes_decided').toUpperCase(),
			notes: translate('minutes_notes'),
			decisions: translate('minutes_decisions'),
			signature: translate('minutes_signature'),
			votes: translate('minutes_decisions_by_vote'),
			voteTitle: (number) => translate('decision_title', { number }),
			voteWording: translate('minutes_decisions_wording'),
			voteOutcome: translate('minutes_decisions_outcome'),
			voteTally: translate('minutes_decisions_tally'),
			voteQuorum: translate('minutes_decisions_quorum')
		}
	);
	const filename = `${translate('minutes_file', { number: meeting.number })}-${meeting.heldOn}.docx`;
	return new Response(new Uint8Array(document), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
			'content-disposition': `attachment; filename="minutes-${meeting.number}.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};

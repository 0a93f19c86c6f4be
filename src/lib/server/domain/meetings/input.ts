import { z } from 'zod';
import { day, flag, longText, reason, text } from '../../validation';
import { groupId, meetingId, userId } from '../ids';

export const attendanceStatuses = ['present', 'absent', 'excused'] as const;
/** Agenda items one meeting may have. */
export const maxAgendaItems = 20;
/** Characters an agenda item's title may have. */
export const maxAgendaTitle = 300;

/**
 * Agenda items typed one a line (scheduling a meeting; adding several at once on its page):
 * each line trimmed, blank lines none. A line too long is named by its number; more items
 * than `max` are refused as a whole (the count is checked before any line is saved).
 */
export const agendaLines = (max = maxAgendaItems) =>
	z
		.union([z.string(), z.array(z.string())])
		.default('')
		.transform((typed) =>
			(typeof typed === 'string' ? typed.split(/\r?\n/) : typed)
				.map((line) => line.trim())
				.filter((line) => line !== '')
		)
		.superRefine((lines, ctx) => {
			if (lines.length > max)
				ctx.addIssue({ code: 'custom', message: 'decisions_agenda_too_many', params: { max } });
			else {
				const line = lines.findIndex((title) => title.length > maxAgendaTitle);
				if (line >= 0)
					ctx.addIssue({
						code: 'custom',
						message: 'decisions_agenda_line_too_long',
						params: { line: line + 1, max: maxAgendaTitle }
					});
			}
		});

/** Left blank (or only spaces): none. */
const blankIsNone = <T extends z.ZodType<unknown, string>>(schema: T) =>
	z
		.string()
		.trim()
		.optional()
		.transform((v) => (v === '' ? undefined : v))
		.pipe(schema.optional());

/** A time of day, 'HH:MM'. */
const time = blankIsNone(
	z.string().refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'error_time')
);

const link = blankIsNone(
	z
		.string()
		.max(500)
		.pipe(z.url({ protocol: /^https?$/ }))
);

/** Date, place and people of a meeting: when calling it and when keeping its minutes. */
const meetingDetails = z.object({
	heldOn: day,
	startTime: time,
	place: longText(200),
	onlineLink: link,
	/** A current member (or the one already on the minutes); none when left out. */
	chairId: userId.optional(),
	secretaryId: userId.optional(),
	invited: longText(1000)
});

export const listMeetingsInput = z.object({ groupId });
export type ListMeetingsInput = z.input<typeof listMeetingsInput>;

export const createMeetingInput = meetingDetails.extend({
	groupId,
	/** The agenda, one item a line: called with the meeting, told with it. */
	agenda: agendaLines()
});
export type CreateMeetingInput = z.input<typeof createMeetingInput>;

export const getMeetingInput = z.object({ groupId, meetingId });
export type GetMeetingInput = z.input<typeof getMeetingInput>;

/** One item of the agenda with what was HEARD, SPOKEN and DECIDED on it. */
export const agendaItem = z.object({
	title: text(maxAgendaTitle),
	speaker: longText(200),
	heard: longText(),
	spoke: longText(),
	decided: longText()
});
export type AgendaItemInput = z.input<typeof agendaItem>;

export const updateMeetingInput = meetingDetails.extend({
	groupId,
	meetingId,
	notes: longText(8000),
	decisions: longText(4000),
	/** The agenda in order; it replaces the one saved before. */
	agenda: z.array(agendaItem).max(maxAgendaItems),
	/** Who was present, absent or excused; someone left out is not recorded. */
	attendance: z.record(userId, z.enum(attendanceStatuses))
});
export type UpdateMeetingInput = z.input<typeof updateMeetingInput>;

/** Calling a meeting off: why, in a few words (≤ 500 characters), told to the members. */
export const cancelMeetingInput = z.object({
	groupId,
	meetingId,
	reason,
	/** The one cancelling ticked that the members will be told: it cannot be undone. */
	confirmed: flag.refine((v) => v, 'error_meeting_confirm')
});
export type CancelMeetingInput = z.input<typeof cancelMeetingInput>;

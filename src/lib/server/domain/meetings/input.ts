import { z } from 'zod';
import { optionalText, text } from '../../validation';
import { day, longText } from '../../validation';

export const attendanceStatuses = ['present', 'absent', 'excused'] as const;
/** Agenda items one meeting may have. */
export const maxAgendaItems = 20;

const time = z.preprocess(
	(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
	z
		.string()
		.trim()
		.refine((v) => /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'error_time')
		.optional()
);

const link = z.preprocess(
	(v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
	z
		.string()
		.trim()
		.max(500)
		.pipe(z.url({ protocol: /^https?$/ }))
		.optional()
);

export const meetingDetailsInput = z.object({
	heldOn: day,
	startTime: time,
	place: longText(200),
	onlineLink: link,
	chairId: optionalText(64),
	secretaryId: optionalText(64),
	invited: longText(1000)
});

const agendaItem = z.object({
	title: text(300),
	speaker: longText(200),
	heard: longText(),
	spoke: longText(),
	decided: longText()
});

export const meetingInput = meetingDetailsInput.extend({
	notes: longText(8000),
	decisions: longText(4000),
	agenda: z.array(agendaItem).max(maxAgendaItems),
	attendance: z.record(z.string().max(64), z.enum(attendanceStatuses))
});

const agendaKey = /^agenda\.(\d{1,2})\.(title|speaker|heard|spoke|decided|remove)$/;
const attendanceKey = /^attendance\.(.{1,64})$/;

/**
 * The meeting form as plain fields ("agenda.0.title", "attendance.<userId>") → the shape
 * above. A blank row (the empty one offered for a new item) and rows marked "remove" drop
 * out, so the form works without JavaScript.
 */
export function meetingFormToInput(values: Record<string, unknown>): {
	input: Record<string, unknown>;
	/** For each agenda item kept, its row number in the form (errors point back to it). */
	rows: number[];
} {
	const rows = new Map<number, Record<string, string>>();
	const attendance: Record<string, unknown> = {};
	const rest: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(values)) {
		const item = agendaKey.exec(key);
		const who = attendanceKey.exec(key);
		if (item) {
			const row = rows.get(Number(item[1])) ?? {};
			row[item[2]!] = typeof value === 'string' ? value : '';
			rows.set(Number(item[1]), row);
		} else if (who) {
			// An empty choice means "not recorded": no row.
			if (value !== '') attendance[who[1]!] = value;
		} else rest[key] = value;
	}
	const kept = [...rows.entries()]
		.sort(([a], [b]) => a - b)
		.filter(([, row]) => !row.remove)
		.filter(([, row]) =>
			['title', 'speaker', 'heard', 'spoke', 'decided'].some((f) => (row[f] ?? '').trim() !== '')
		);
	const agenda = kept
		.map(([, row]) => row)
		.map((row) => ({
			title: row.title ?? '',
			speaker: row.speaker ?? '',
			heard: row.heard ?? '',
			spoke: row.spoke ?? '',
			decided: row.decided ?? ''
		}));
	return { input: { ...rest, agenda, attendance }, rows: kept.map(([index]) => index) };
}

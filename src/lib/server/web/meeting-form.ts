import type { GroupId, MeetingId } from '../domain/ids';
import {
	updateMeetingInput,
	type AgendaItemInput,
	type UpdateMeetingInput
} from '../domain/meetings/input';
import { ValidationError } from '../validation';
import { formInput } from './form-input';

// The meeting form sends its agenda and attendance as plain fields ("agenda.0.title",
// "agenda.0.remove", "attendance.<userId>") so that it works without JavaScript. Here they
// become the use case's agenda list and attendance record, and the use case's errors point
// back at the rows of the form. The row for new items is one textarea, one item a line
// ("agenda.<n>.lines" marks it): several items are added in one save.

type FormValues = Record<string, string | string[]>;

const agendaKey = /^agenda\.(\d{1,2})\.(title|speaker|heard|spoke|decided|remove|lines)$/;
const attendanceKey = /^attendance\.(.{1,64})$/;
const agendaFields = ['title', 'speaker', 'heard', 'spoke', 'decided'] as const;

/**
 * The meeting form as the use case's input. A blank row (the empty one offered for a new
 * item) and rows marked "remove" drop out; an empty attendance choice means "not recorded".
 */
export function meetingFormInput(
	values: FormValues,
	ids: { groupId: GroupId; meetingId: MeetingId }
): {
	input: UpdateMeetingInput;
	/** For each agenda item kept, its row number in the form (errors point back to it). */
	rows: number[];
} {
	const rows = new Map<number, Record<string, string>>();
	const attendance: FormValues = {};
	const rest: FormValues = {};
	for (const [key, value] of Object.entries(values)) {
		const item = agendaKey.exec(key);
		const who = attendanceKey.exec(key);
		if (item) {
			const row = rows.get(Number(item[1])) ?? {};
			row[item[2]!] = typeof value === 'string' ? value : '';
			rows.set(Number(item[1]), row);
		} else if (who) {
			if (value !== '') attendance[who[1]!] = value;
		} else rest[key] = value;
	}
	const kept = [...rows.entries()]
		.sort(([a], [b]) => a - b)
		.filter(([, row]) => !row.remove)
		.filter(([, row]) => agendaFields.some((f) => (row[f] ?? '').trim() !== ''));
	const items = kept.flatMap(([index, row]) =>
		// The new items' row: each line an item (the row's other fields, if any, go with the first).
		(row.lines ? splitLines(row.title ?? '') : [row.title ?? '']).map((title, line) => ({
			index,
			item: {
				title,
				speaker: line === 0 ? (row.speaker ?? '') : '',
				heard: line === 0 ? (row.heard ?? '') : '',
				spoke: line === 0 ? (row.spoke ?? '') : '',
				decided: line === 0 ? (row.decided ?? '') : ''
			} satisfies AgendaItemInput
		}))
	);
	const agenda = items.map((i) => i.item);
	return {
		input: formInput(updateMeetingInput, rest, {
			...ids,
			agenda,
			// The use case checks each choice and that each person is a member.
			attendance: attendance as UpdateMeetingInput['attendance']
		}),
		rows: items.map((i) => i.index)
	};
}

/** Lines typed in a textarea, trimmed, blank ones dropped ('' when none: a blank row). */
function splitLines(typed: string): string[] {
	const lines = typed
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '');
	return lines.length ? lines : [''];
}

/** The use case's error with each agenda field named by its row of the form. */
export function onFormRows(error: unknown, rows: number[]): unknown {
	if (!(error instanceof ValidationError)) return error;
	return new ValidationError(
		error.issues.map((issue) => ({
			...issue,
			field: issue.field.replace(/^agenda\.(\d+)\./, (_, i: string) => `agenda.${rows[Number(i)]}.`)
		}))
	);
}

import { beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { ctxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import { useTestDatabase } from '../../test/vitest';
import type { ValidationError } from '../../validation';
import { formInput } from '../../web/form-input';
import { meetingFormInput } from '../../web/meeting-form';
import { createMeeting } from './create-meeting';
import { getMeeting } from './get-meeting';
import { createMeetingInput, maxAgendaItems, maxAgendaTitle } from './input';
import { updateMeeting } from './update-meeting';

// Issue 17: a meeting is scheduled with its agenda (one item a line), and its page adds
// several items in one save. The limits: at most 20 items, each at most 300 characters.

const t = useTestDatabase();
let w: GroupWorld;
beforeEach(async () => {
	w = await makeGroupWorld(t.db);
});
const as = (actor: Actor) => ctxOf(t.db, actor);
/** The "schedule a meeting" form as a browser sends it. */
const schedule = (agenda: string) =>
	createMeeting(
		as(w.leader),
		formInput(createMeetingInput, { heldOn: '2026-12-04', agenda }, { groupId: w.groupId })
	);
const agendaOf = async (meetingId: string) =>
	(
		await getMeeting(as(w.leader), {
			groupId: w.groupId,
			meetingId: meetingId as never
		})
	).agenda.map((item) => item.title);
const meetingCount = async () =>
	(await t.db.selectFrom('meetings').select('id').where('groupId', '=', w.groupId).execute())
		.length;
const refusal = async (promise: Promise<unknown>) =>
	((await appError(promise)) as ValidationError).issues.map((i) => ({
		field: i.field,
		key: i.key,
		params: i.params
	}));

describe('the agenda typed one item a line (issue 17)', () => {
	it('scheduling with three lines creates three items, in order, trimmed, blank lines none', async () => {
		const { meetingId } = await schedule(
			'  Иш планы жөнүндө \r\n\r\nАчык сабактар жөнүндө\n   \nМетодикалык күн жөнүндө\n'
		);
		expect(await agendaOf(meetingId)).toEqual([
			'Иш планы жөнүндө',
			'Ачык сабактар жөнүндө',
			'Методикалык күн жөнүндө'
		]);
		// No agenda typed: none, as before.
		expect(await agendaOf((await schedule('')).meetingId)).toEqual([]);
	});

	it('limits: 20 items of 300 characters pass; one more item, or one more character, is refused before anything is saved', async () => {
		expect([maxAgendaItems, maxAgendaTitle]).toEqual([20, 300]);
		const lines = (n: number) => Array.from({ length: n }, (_, i) => `Маселе ${i + 1}`);
		const full = await schedule(
			[...lines(maxAgendaItems - 1), 'ө'.repeat(maxAgendaTitle)].join('\n')
		);
		expect(await agendaOf(full.meetingId)).toHaveLength(maxAgendaItems);
		const before = await meetingCount();

		expect(await refusal(schedule(lines(maxAgendaItems + 1).join('\n')))).toEqual([
			{ field: 'agenda', key: 'decisions_agenda_too_many', params: { max: maxAgendaItems } }
		]);
		expect(
			await refusal(schedule(['Кыска', 'ө'.repeat(maxAgendaTitle + 1), 'Дагы бир'].join('\n')))
		).toEqual([
			{
				field: 'agenda',
				key: 'decisions_agenda_line_too_long',
				params: { line: 2, max: maxAgendaTitle }
			}
		]);
		expect(await meetingCount()).toBe(before);
	});

	it("the meeting's page adds several items in one save, after those there are; the total stays within the limit", async () => {
		const { meetingId } = await schedule('Иш планы жөнүндө');
		const ids = { groupId: w.groupId, meetingId };
		const save = (values: Record<string, string>) => {
			const { input } = meetingFormInput({ heldOn: '2026-12-04', ...values }, ids);
			return updateMeeting(as(w.leader), input);
		};
		await save({
			'agenda.0.title': 'Иш планы жөнүндө',
			'agenda.0.decided': 'Бекитилсин',
			'agenda.1.lines': '1',
			'agenda.1.title': 'Ачык сабактар жөнүндө\n\nМетодикалык күн жөнүндө\nКитепкана жөнүндө'
		});
		const view = await getMeeting(as(w.leader), ids);
		expect(view.agenda.map((item) => [item.title, item.decided])).toEqual([
			['Иш планы жөнүндө', 'Бекитилсин'],
			['Ачык сабактар жөнүндө', ''],
			['Методикалык күн жөнүндө', ''],
			['Китепкана жөнүндө', '']
		]);

		// 4 there + 17 new lines = 21: refused as a whole, the agenda unchanged.
		const kept = Object.fromEntries(
			view.agenda.map((item, i) => [`agenda.${i}.title`, item.title] as const)
		);
		const more = Array.from({ length: 17 }, (_, i) => `Жаңы ${i + 1}`).join('\n');
		expect(
			(await appError(save({ ...kept, 'agenda.4.lines': '1', 'agenda.4.title': more }))).field
		).toBe('agenda');
		expect(await agendaOf(meetingId)).toHaveLength(4);
	});
});

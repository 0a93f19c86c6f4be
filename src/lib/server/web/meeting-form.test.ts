import { describe, expect, it } from 'vitest';
import { asId, type GroupId, type MeetingId } from '../domain/ids';
import { ValidationError } from '../validation';
import { meetingFormInput, onFormRows } from './meeting-form';

const ids = { groupId: asId<GroupId>('g'), meetingId: asId<MeetingId>('m') };

describe('the meeting form', () => {
	it('reads the agenda rows of a form in order, dropping blank and removed ones', () => {
		expect(
			meetingFormInput(
				{
					'attendance.u2': '',
					'agenda.10.title': 'Онунчу',
					'agenda.2.title': 'Экинчи',
					'agenda.3.title': ' ',
					'agenda.4.title': 'Алынып салынат',
					'agenda.4.remove': 'on',
					'attendance.u1': 'present',
					heldOn: '2026-11-13',
					startTime: '',
					chairId: ''
				},
				ids
			)
		).toEqual({
			input: {
				...ids,
				heldOn: '2026-11-13',
				attendance: { u1: 'present' },
				agenda: [
					{ title: 'Экинчи', speaker: '', heard: '', spoke: '', decided: '' },
					{ title: 'Онунчу', speaker: '', heard: '', spoke: '', decided: '' }
				]
			},
			rows: [2, 10]
		});
	});

	it('names the row of the form an error came from, after removed and blank rows', () => {
		const { rows } = meetingFormInput(
			{
				'agenda.0.title': 'Алынат',
				'agenda.0.remove': 'on',
				'agenda.1.title': '',
				'agenda.1.heard': 'Аталышы жок маселе',
				'agenda.2.title': ''
			},
			ids
		);
		expect(rows).toEqual([1]);
		const error = onFormRows(
			new ValidationError([
				{ field: 'agenda.0.title', key: 'error_required' },
				{ field: 'agenda', key: 'error_too_many' },
				{ field: 'heldOn', key: 'error_date' }
			]),
			rows
		) as ValidationError;
		expect(error.issues.map((i) => i.field)).toEqual(['agenda.1.title', 'agenda', 'heldOn']);
		const other = new Error('database down');
		expect(onFormRows(other, rows)).toBe(other);
	});
});

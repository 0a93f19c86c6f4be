import { describe, expect, it } from 'vitest';
import type { DecisionLogEntry } from '../domain/votes/list-decisions';
import { minutesHeading, protocolVote } from './minutes-document';

const plain = (text: string) => text.replaceAll('\u00a0', ' ');

describe('the minutes heading', () => {
	it('is one Kyrgyz genitive chain, the number last; Russian and English put it first', () => {
		expect(minutesHeading('Функционалдык сабаттуулук', 3, 'ky')).toEqual([
			'«Функционалдык сабаттуулук» чыгармачыл тобунун отурумунун',
			'№3 ПРОТОКОЛУ'
		]);
		expect(minutesHeading('Функционалдык сабаттуулук', 3, 'ru')).toEqual([
			'ПРОТОКОЛ №3',
			'заседания творческой группы «Функционалдык сабаттуулук»'
		]);
		expect(minutesHeading('Functional literacy', 3, 'en')).toEqual([
			'MINUTES No. 3',
			'of the meeting of the creative group “Functional literacy”'
		]);
	});

	it('declines a name that already says it is a group instead of doubling the noun', () => {
		expect(minutesHeading('Башталгыч класстардын мугалимдеринин чыгармачыл тобу', 2, 'ky')).toEqual(
			['Башталгыч класстардын мугалимдеринин чыгармачыл тобунун отурумунун', '№2 ПРОТОКОЛУ']
		);
		expect(minutesHeading('«Илхам» тобу', 2, 'ky')[0]).toBe('«Илхам» тобунун отурумунун');
		// Quotes typed around the whole name are not doubled either.
		expect(minutesHeading('«Сабаттуулук»', 2, 'ky')[0]).toBe(
			'«Сабаттуулук» чыгармачыл тобунун отурумунун'
		);
		expect(minutesHeading('Творческая группа учителей математики', 2, 'ru')).toEqual([
			'ПРОТОКОЛ №2',
			'заседания творческой группы учителей математики'
		]);
		expect(minutesHeading('Primary teachers’ group', 2, 'en')[1]).toBe(
			'of the meeting of the Primary teachers’ group'
		);
	});
});

const entry = (over: Partial<DecisionLogEntry>): DecisionLogEntry => ({
	id: 'd1',
	number: 4,
	text: 'Ачык сабактардын графиги бекитилсин.',
	outcome: 'accepted',
	lines: [
		{ optionId: 'y', code: 'yes', label: '', count: 3 },
		{ optionId: 'n', code: 'no', label: '', count: 1 },
		{ optionId: 'a', code: 'abstain', label: '', count: 0 }
	],
	rollCount: 6,
	participantCount: 4,
	quorumPercent: 50,
	isQuorumMet: true,
	isClosedByDeadline: false,
	decidedAt: new Date('2026-09-23T09:00:00Z'),
	meeting: null,
	voteId: 'v1',
	voteNumber: 2,
	question: 'Графикти бекитебизби?',
	isSecret: false,
	proposal: null,
	...over
});

describe('a decision by vote in the minutes', () => {
	it('states the count in protocol style, the turnout, the quorum and the outcome', () => {
		const ky = protocolVote(entry({}), 'ky');
		expect(plain(ky.tally)).toBe(
			'Добуш берүүнүн жыйынтыгы: «макул» — 3, «каршы» — 1, «калыс» — 0.'
		);
		expect(ky.turnout).toBe(
			'Добуш берүү укугу барлар — 6, добуш бергендер — 4. Кворум бар (кеминде 50% катышуу керек).'
		);
		expect(ky.outcome).toBe('Чечим кабыл алынды.');
		const ru = protocolVote(entry({}), 'ru');
		expect(ru.tally).toBe('Голосовали: «за» — 3, «против» — 1, «воздержались» — 0.');
		expect(plain(ru.turnout)).toBe(
			'Имели право голоса — 6, проголосовали — 4. Кворум имеется (необходимо не менее 50 %).'
		);
		expect(ru.outcome).toBe('Решение принято.');
		for (const vote of [ky, ru])
			expect(`${vote.tally} ${vote.turnout} ${vote.outcome}`).not.toMatch(/:.*:/);
	});

	it('names a choice’s options in quotes and the chosen ones, with one colon only', () => {
		const choice = protocolVote(
			entry({
				outcome: 'chosen',
				quorumPercent: null,
				lines: [
					{ optionId: 'a', code: null, label: 'Сын ойлом', count: 3 },
					{ optionId: 'b', code: null, label: 'Долбоордук окутуу', count: 1 }
				]
			}),
			'ky'
		);
		expect(choice.tally).toBe(
			'Добуш берүүнүн жыйынтыгы: «Сын ойлом» — 3, «Долбоордук окутуу» — 1.'
		);
		expect(choice.turnout).toBe('Добуш берүү укугу барлар — 6, добуш бергендер — 4.');
		expect(choice.outcome).toBe('Көпчүлүк добуш менен тандалды: «Сын ойлом».');
	});

	it('says when nothing was decided: no quorum, a secret count withheld', () => {
		const none = protocolVote(entry({ outcome: 'no_quorum', isQuorumMet: false }), 'ky');
		expect(none.turnout).toContain('Кворум болгон жок (кеминде 50% катышуу керек).');
		expect(none.outcome).toBe('Кворум болбогондуктан чечим кабыл алынган жок.');
		const withheld = protocolVote(entry({ outcome: 'no_quorum', lines: [], isSecret: true }), 'ru');
		expect(withheld.tally).not.toContain('«за»');
		expect(withheld.turnout).toBe('Имели право голоса — 6, проголосовали — 4.');
	});
});

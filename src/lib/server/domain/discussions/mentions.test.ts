import { describe, expect, it } from 'vitest';
import { findMentions, mentionParts } from './mentions';

const people = [
	{ id: 'aigul', fullName: 'Айгүл Өмүрбекова' },
	{ id: 'nurlan', fullName: 'Нурлан Үсөнов' },
	{ id: 'nurlanA', fullName: 'Нурлан Абдыкеримов' },
	{ id: 'umut', fullName: 'Үмүт Саңкибаева' }
];
const who = (text: string) => findMentions(text, people).map((m) => m.userId);

describe('mentions (@name, Kyrgyz letters)', () => {
	it('finds a full name, a unique word of it, whatever the case', () => {
		expect(who('@Айгүл Өмүрбекова, макулмун')).toEqual(['aigul']);
		expect(who('@өмүрбекова эмне дейсиз?')).toEqual(['aigul']);
		expect(who('Сураныч @ҮМҮТ жана @Саңкибаева')).toEqual(['umut', 'umut']);
		expect(who('@Үсөнов')).toEqual(['nurlan']);
	});

	it('a word two members share names nobody, unless the rest of the name follows', () => {
		expect(who('@Нурлан келиңиз')).toEqual([]);
		expect(who('@Нурлан Абдыкеримов келиңиз')).toEqual(['nurlanA']);
		expect(who('@Нурлан   Үсөнов')).toEqual(['nurlan']);
	});

	it('is not fooled by e-mail addresses, partial words or unknown names', () => {
		expect(who('жазыңыз: aigul@mektep.kg')).toEqual([]);
		expect(who('@Айгүлчө')).toEqual([]);
		expect(who('@Бакыт')).toEqual([]);
		expect(who('@')).toEqual([]);
	});

	it('splits the text so the page can highlight the mentions, losing nothing', () => {
		const text = 'Рахмат, @Айгүл Өмүрбекова! @Нурлан   Үсөнов да.';
		const parts = mentionParts(text, people);
		expect(parts.map((p) => p.text).join('')).toBe(text);
		expect(parts.filter((p) => 'mention' in p)).toEqual([
			{ text: '@Айгүл Өмүрбекова', mention: 'aigul' },
			{ text: '@Нурлан   Үсөнов', mention: 'nurlan' }
		]);
	});
});

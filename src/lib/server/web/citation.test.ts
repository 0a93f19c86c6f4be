import { describe, expect, it } from 'vitest';
import { apaCitation, gostCitation, type CitationSource } from './citation';

const source: CitationSource = {
	title: 'Оюн аркылуу окуу',
	subtitle: '',
	authors: ['Гүлмира Асанбекова', 'Бакыт Жумабаев'],
	typeName: 'сабактын планы',
	schoolName: 'Каракол шаарындагы №5 мектеп',
	city: 'Каракол',
	year: 2026,
	url: 'https://ustat.example/p/abc2345',
	language: 'ky'
};
const accessed = new Date('2026-12-07T10:00:00Z');

describe('GOST R 7.0.100-2018', () => {
	it('heads the description with the first of up to three authors', () => {
		expect(gostCitation(source, accessed)).toBe(
			'Асанбекова, Г. Оюн аркылуу окуу : сабактын планы / Г. Асанбекова, Б. Жумабаев. – ' +
				'Каракол : Каракол шаарындагы №5 мектеп, 2026. – URL: https://ustat.example/p/abc2345 ' +
				'(кайрылган күнү: 07.12.2026). – Текст : электрондук.'
		);
	});

	it('names four authors after the slash with no heading', () => {
		const four = { ...source, authors: ['А Бекова', 'Б Токоев', 'В Усенова', 'Г Маматов'] };
		expect(gostCitation(four, accessed)).toMatch(
			/^Оюн аркылуу окуу : сабактын планы \/ А\. Бекова, Б\. Токоев, В\. Усенова, Г\. Маматов\. – /
		);
	});

	it('cuts five or more to three and "et al." in the citation\'s language', () => {
		const five = {
			...source,
			language: 'ru' as const,
			authors: ['Анна Иванова', 'Борис Петров', 'Вера Сидорова', 'Галина Орлова', 'Дина Ким']
		};
		const text = gostCitation(five, accessed);
		expect(text).toContain('/ А. Иванова, Б. Петров, В. Сидорова [и др.].');
		expect(text).toContain('(дата обращения: 07.12.2026). – Текст : электронный.');
		expect(text).not.toContain('Орлова');
	});

	it('writes patronymics as initials too', () => {
		const one = { ...source, authors: ['Гүлмира Токтогуловна Асанбекова'] };
		expect(gostCitation(one, accessed)).toMatch(/^Асанбекова, Г\. Т\. Оюн/);
	});
});

describe('APA 7', () => {
	it('lists authors surname first with an ampersand before the last', () => {
		expect(apaCitation(source)).toBe(
			'Асанбекова, Г., & Жумабаев, Б. (2026). Оюн аркылуу окуу [сабактын планы]. ' +
				'Каракол шаарындагы №5 мектеп. https://ustat.example/p/abc2345'
		);
	});

	it('puts the title first when there is no author', () => {
		expect(apaCitation({ ...source, authors: [] })).toBe(
			'Оюн аркылуу окуу [сабактын планы]. (2026). Каракол шаарындагы №5 мектеп. ' +
				'https://ustat.example/p/abc2345'
		);
	});

	it('joins three authors with commas', () => {
		const three = { ...source, authors: ['А Бекова', 'Б Токоев', 'В Усенова'] };
		expect(apaCitation(three)).toMatch(/^Бекова, А\., Токоев, Б\., & Усенова, В\. \(2026\)/);
	});
});

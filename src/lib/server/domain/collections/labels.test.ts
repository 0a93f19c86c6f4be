import { describe, expect, it } from 'vitest';
import { approvalNote, collectionLabels, shortName } from './labels';

const nb = (text: string) => text.replace(/ /g, '\u00a0');

describe('shortName', () => {
	it('gives surname and initials, whichever way round the name is written', () => {
		expect(shortName('Айгүл Өмүрбекова')).toBe(nb('Өмүрбекова А.'));
		expect(shortName('Омурбекова Умут Асановна')).toBe(nb('Омурбекова У. А.'));
		expect(shortName('Өмүрбекова Айгүл Кубанычбековна')).toBe(nb('Өмүрбекова А. К.'));
		expect(shortName('Асанов Бакыт Асан уулу')).toBe(nb('Асанов Б. А.'));
		expect(shortName('Нурлан Үсөнов')).toBe(nb('Үсөнов Н.'));
		expect(shortName('Ильина Марина Петровна')).toBe(nb('Ильина М. П.'));
		expect(shortName('Токтосун')).toBe('Токтосун');
	});
});

describe('the authors index order', () => {
	it('is Kyrgyz: Ң after Н, Ө after О, Ү after У', () => {
		const names = [
			'Үмөтова Ж.',
			'Уланов Б.',
			'Өмүрбекова А.',
			'Орозов К.',
			'Ңаа Т.',
			'Нуров С.',
			'Пазылов Э.'
		];
		expect(names.sort(new Intl.Collator('ky').compare)).toEqual([
			'Нуров С.',
			'Ңаа Т.',
			'Орозов К.',
			'Өмүрбекова А.',
			'Пазылов Э.',
			'Уланов Б.',
			'Үмөтова Ж.'
		]);
	});
});

describe('approvalNote', () => {
	const parts = { group: 'Функционалдык сабаттуулук', body: 'methodical_council' as const };
	it('is in the passive, naming the body, its protocol and date', () => {
		expect(approvalNote('ky', { ...parts, protocol: '2', date: '2026-09-23' })).toBe(
			'Жыйынды «Функционалдык сабаттуулук» чыгармачыл тобу тарабынан даярдалып, мектептин методикалык кеңешинин 2026-жылдын\u00a023-сентябрындагы №2 протоколу менен басмага сунушталды.'
		);
		expect(approvalNote('ky', { ...parts, protocol: '', date: '2026-04-02' })).toContain(
			'2026-жылдын\u00a02-апрелиндеги чечими менен'
		);
		expect(approvalNote('ky', { ...parts, protocol: '5', date: null })).toContain(
			'кеңешинин №5 протоколу менен'
		);
		expect(
			approvalNote('ky', { group: 'Математика тобу', body: 'group', protocol: '', date: null })
		).toBe('Жыйынды Математика тобу тарабынан даярдалып, топтун чечими менен басмага сунушталды.');
		expect(approvalNote('ru', { ...parts, protocol: '2', date: '2026-09-23' })).toBe(
			'Сборник подготовлен творческой группой «Функционалдык сабаттуулук» и рекомендован к печати методическим советом школы (протокол № 2 от 23\u00a0сентября 2026\u00a0г.).'
		);
		expect(approvalNote('en', { ...parts, protocol: '', date: null })).toBe(
			'Prepared by the creative group “Функционалдык сабаттуулук” and recommended for publication by the school’s methodological council.'
		);
	});
});

describe('collectionLabels', () => {
	it('prints no number on a first edition, and labels people by count', () => {
		expect(collectionLabels('ky', 'Г', 1).edition).toBe('');
		expect(collectionLabels('ky', 'Г', 2).edition).toBe('2-басылыш');
		const one = collectionLabels('ky', 'Г', 1, { editors: 1, reviewers: 1 });
		expect([one.editors, one.reviewers, one.authorsOne]).toEqual(['Түзгөн', 'Рецензент', 'Автору']);
		const many = collectionLabels('ky', 'Г', 1, { editors: 3, reviewers: 2 });
		expect([many.editors, many.reviewers, many.authors]).toEqual([
			'Түзгөндөр',
			'Рецензенттер',
			'Авторлору'
		]);
	});
});

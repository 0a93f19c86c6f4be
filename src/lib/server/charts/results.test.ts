import { describe, expect, it } from 'vitest';
import type { IndicatorResults } from '../domain/approbations/results-model';
import { resultsChartSvg } from './results';

const text = {
	title: 'Билим сапаты: чейин жана кийин',
	description: 'Ар бир класстын көрсөткүчү <чейин & кийин>.',
	before: 'Чейин',
	after: 'Кийин',
	confirmed: 'Тастыкталган',
	selfReported: 'Автор өзү билдирген'
};
const quality: IndicatorResults = {
	key: 'knowledge_quality',
	name: '',
	unit: '%',
	points: [
		{
			approbationId: 'a1',
			classLabel: '5-Б',
			grade: 5,
			pupils: 25,
			before: 48,
			after: 60,
			confirmed: true
		},
		{
			approbationId: 'a2',
			classLabel: '6-А',
			grade: 6,
			pupils: 27,
			before: 37,
			after: 44.4,
			confirmed: false
		}
	]
};

describe('results chart', () => {
	it('is a self-contained accessible SVG with its title, description and numbers', () => {
		const svg = resultsChartSvg(quality, text, 'ky');
		expect(svg).toMatch(
			/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="640" height="\d+" viewBox="0 0 640 \d+" role="img" aria-labelledby="(\w+)-t \1-d"/
		);
		expect(svg).toContain('<title id=');
		expect(svg).toContain('Билим сапаты: чейин жана кийин</title>');
		expect(svg).toContain('&lt;чейин &amp; кийин&gt;.</desc>');
		for (const n of ['48%', '60%', '37%', '44,4%', '5-Б', '6-А']) expect(svg).toContain(`>${n}<`);
		expect(svg).toContain("'PT Sans'");
		// Self-reported bars are hatched with a pattern; confirmed ones solid.
		expect(svg).toMatch(/<pattern id="\w+-ha"/);
		expect(svg).toMatch(/fill="url\(#\w+-ha\)"/);
		expect(svg).toContain('fill="#0b5cab"');
		expect(svg).toContain('>Автор өзү билдирген<');
		// Nothing a converter cannot resolve: no CSS variables, no external references.
		expect(svg).not.toMatch(/var\(--|href=|<style|@import/);
	});

	it('writes numbers the locale way and keeps the average mark on 0–5', () => {
		const average: IndicatorResults = {
			key: 'average_mark',
			name: '',
			unit: '',
			points: [{ ...quality.points[0]!, before: 3.72, after: 3.3 }]
		};
		const ru = resultsChartSvg(average, text, 'ru');
		expect(ru).toContain('>3,72<');
		expect(ru).toContain('>3,3<');
		expect(resultsChartSvg(average, text, 'en')).toContain('>3.72<');
		expect(ru).toContain('>5<');
	});

	it('draws a custom indicator with its unit, negative values too', () => {
		const custom: IndicatorResults = {
			key: 'custom',
			name: 'Окуу ылдамдыгы',
			unit: 'сөз/мүн',
			points: [{ ...quality.points[0]!, before: -4, after: 72 }]
		};
		const svg = resultsChartSvg(custom, { ...text, unit: 'сөз/мүн' }, 'ky');
		expect(svg).toContain('>72 сөз/мүн<');
		expect(svg).toContain('>-4 сөз/мүн<');
	});
});

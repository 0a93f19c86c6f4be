import { describe, expect, it } from 'vitest';
import { distributionSvg } from './distribution';

describe('distribution chart', () => {
	it('is an accessible SVG with every label and count written', () => {
		const svg = distributionSvg(
			[
				{ label: 'Калыптандыруучу баалоо', count: 12 },
				{ label: 'Өңүт <ү>', count: 1234 },
				{ label: '3', count: 0 }
			],
			{ title: 'Темалар', description: 'Ар бир вариантты тандагандар' },
			'ru'
		);
		expect(svg.startsWith('<svg')).toBe(true);
		expect(svg).toContain('role="img"');
		expect(svg).toMatch(/aria-labelledby="(dc\w+)-t \1-d"/);
		expect(svg).toContain('<title id=');
		expect(svg).toContain('>Темалар</title>');
		expect(svg).toContain('Калыптандыруучу баалоо');
		expect(svg).toContain('Өңүт &lt;ү&gt;');
		expect(svg).toContain('>12</text>');
		expect(svg).toContain('>1\u00a0234</text>');
		expect(svg).toContain('>0</text>');
		expect(svg.match(/<rect /g)).toHaveLength(3);
	});
});

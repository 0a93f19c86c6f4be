import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import MaterialPrint from '../../../components/MaterialPrint.svelte';
import type { MaterialDocumentModel } from './model';
import { materialPrintView } from './print-view';

const key = 'a'.repeat(64);
const model: MaterialDocumentModel = {
	materialId: 'm',
	groupId: 'g',
	versionNumber: 2,
	versionDate: new Date('2026-11-25T10:00:00Z'),
	locale: 'ky',
	language: 'ky',
	title: 'Ысык-Көл — ажайып көл',
	abstract: 'Оюн аркылуу окуу.\nЭкинчи абзац.',
	bodyHtml: `<h2>Сабактын максаты</h2><p>Окуучулар өз оюн айтышат.</p><img src="edition-image:${key}" alt="көл"><img src="https://evil.example/x.png"><script>alert(1)</script>`,
	images: [{ key, mime: 'image/png' }],
	authors: ['Нурлан Үсөнов', 'Айгүл Өмүрбекова'],
	type: 'lesson_plan',
	typeName: 'Сабактын планы',
	subjects: ['Кыргыз тили'],
	grades: [3, 4],
	tags: [],
	school: 'Ош шаарындагы №5 мектеп',
	group: 'Функционалдык сабаттуулук',
	attachments: [{ id: 'a', name: 'Үлгү.pdf', kind: 'pdf', size: 1024 }],
	details: [
		{ label: 'Түрү', value: 'Сабактын планы' },
		{ label: 'Версиясы', value: '2' }
	],
	labels: {
		authors: 'Авторлору',
		abstract: 'Кыскача мазмуну',
		attachments: 'Тиркелген файлдар',
		emptyBody: 'Материалдын тексти жок.'
	},
	attachmentLines: ['Үлгү.pdf — PDF, 1 КБ']
};

describe('the print view (MaterialPrint.svelte)', () => {
	it('shows the title block, the body with its pictures and the attached files; nothing else', () => {
		const view = materialPrintView(model, (k) => `/groups/g/materials/m/images/${k}`);
		const { body } = render(MaterialPrint, { props: { view } });
		const text = body.replace(/<!--.*?-->/g, '');
		expect(text).toMatch(/<h1 lang="ky"[^>]*>Ысык-Көл — ажайып көл<\/h1>/);
		expect(text).toContain('Нурлан Үсөнов, Айгүл Өмүрбекова');
		expect(text).toMatch(/<dt[^>]*>Түрү:<\/dt>\s*<dd[^>]*>Сабактын планы<\/dd>/);
		expect(text).toContain('Оюн аркылуу окуу.');
		expect(text).toContain('Экинчи абзац.');
		expect(text).toContain(`src="/groups/g/materials/m/images/${key}"`);
		expect(text).not.toContain('evil.example');
		expect(text).not.toContain('<script');
		expect(text).toContain('<li>Үлгү.pdf — PDF, 1 КБ</li>');
		// A document: nothing to press.
		expect(text).not.toMatch(/<(button|form|input)\b/);
	});

	it('says so when the body is empty', () => {
		const view = materialPrintView({ ...model, bodyHtml: '' }, (k) => k);
		expect(render(MaterialPrint, { props: { view } }).body).toContain('Материалдын тексти жок.');
	});
});

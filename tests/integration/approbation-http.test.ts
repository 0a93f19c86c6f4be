import { describe, expect, it } from 'vitest';
import * as m from '../../src/lib/paraglide/messages.js';
import { call, type TestServer } from '../../src/lib/server/test/server';
import { useWorld, type World } from './world';

// The approbation pages over HTTP with JavaScript off: bad figures come back translated with
// what was typed; a colleague files the observation sheet; the material's results show the
// confirmed result as a chart with the same figures in a table.

let server: TestServer;
let w: World;
useWorld((s, world) => {
	server = s;
	w = world;
});
const group = () => `/groups/${w.groupId}`;
// Everyone's profile language is Kyrgyz: the pages answer in it.
const as = (kind: keyof World['cookies']) => w.cookies[kind];

describe('approbation pages', () => {
	it('refuses more 5s than pupils and dates in the wrong order, keeping what was typed', async () => {
		const response = await call(server, `${group()}/approbations/new?material=${w.materialId}`, {
			cookie: as('memberA'),
			form: {
				materialId: w.materialId,
				title: 'Апробация в 5-Б',
				startsOn: '2026-11-20',
				endsOn: '2026-11-01',
				c0_name: '5-Б',
				c0_grade: '5',
				c0_pupils: '20',
				c0_before_fives: '25',
				c0_before_fours: '0',
				c0_before_threes: '0',
				c0_before_twos: '0',
				c1_name: '',
				c1_grade: '',
				c1_pupils: ''
			}
		});
		expect(response.status).toBe(400);
		const html = await response.text();
		const ky = { locale: 'ky' as const };
		expect(html).toContain(m.approbation_error_count_over_pupils({ pupils: 20 }, ky));
		expect(html).toContain(m.approbation_error_counts_sum({ sum: 25, pupils: 20 }, ky));
		expect(html).toContain(m.approbation_error_period({}, ky));
		expect(html).toMatch(
			/name="c0_before_fives"[^>]*value="25"|value="25"[^>]*name="c0_before_fives"/
		);
		expect(html).toContain('Апробация в 5-Б');
	});

	it('an author is told why they cannot observe their own approbation', async () => {
		const response = await call(server, `${group()}/approbations/${w.approbationId}/observe`, {
			cookie: as('leaderA')
		});
		expect(response.status).toBe(403);
		expect(await response.text()).toContain(m.approbation_error_observe_own({}, { locale: 'ky' }));
	});

	it('a colleague observes; the results page shows the confirmed result as chart and table', async () => {
		const before = await call(server, `${group()}/materials/${w.materialId}/results`, {
			cookie: as('memberA')
		});
		expect(await before.text()).toContain(m.approbation_self_reported({}, { locale: 'ky' }));
		const scores = Object.fromEntries(
			[
				'goals',
				'content',
				'methods',
				'activity',
				'practice',
				'organisation',
				'assessment',
				'style'
			].map((k) => [`answer_${k}`, '4'])
		);
		const observed = await call(server, `${group()}/approbations/${w.approbationId}/observe`, {
			cookie: as('externalMember'),
			form: {
				observedOn: '2026-10-20',
				answer_lessonDate: '2026-10-20',
				answer_conclusion: 'Сабак максатына жетти.',
				...scores,
				comments: '',
				conclusion: ''
			}
		});
		expect(observed.status).toBe(303);
		expect(observed.headers.get('location')).toBe(
			`${group()}/approbations/${w.approbationId}?observed=1`
		);
		const response = await call(server, `${group()}/materials/${w.materialId}/results`, {
			cookie: as('memberA')
		});
		expect(response.status).toBe(200);
		const html = await response.text();
		// Knowledge quality of 3-А: (4 + 8) / 24 = 50 % before, (6 + 10) / 24 = 66,7 % after.
		const chart = html.match(/<svg[^]*?<\/svg>/g)?.find((s) => s.includes('Билим сапаты'));
		expect(chart).toBeDefined();
		expect(chart).toMatch(/role="img" aria-labelledby="\w+-t \w+-d"/);
		expect(chart).toContain('>50%<');
		expect(chart).toContain('>66,7%<');
		expect(chart).toContain('<desc id=');
		expect(html).toContain('<table');
		expect(html).toContain('Билим сапаты: маалыматтар таблицасы');
		expect(html).toMatch(/<td[^>]*>50%<\/td>\s*<td[^>]*>66,7%<\/td>\s*<td[^>]*>\+16,7%<\/td>/);
		expect(html).toContain('Тастыкталган');
		expect(html).toContain('<figcaption');
	});
});

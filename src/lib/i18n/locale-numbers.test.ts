import fs from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../server/access/actor';
import { recordApprobation } from '../server/domain/approbations/record-approbation';
import { materialResults } from '../server/domain/approbations/material-results';
import type { MaterialId } from '../server/domain/ids';
import { getMaterial } from '../server/domain/materials/get-material';
import { castBallot } from '../server/domain/votes/cast-ballot';
import { getVote } from '../server/domain/votes/get-vote';
import { openVote } from '../server/domain/votes/open-vote';
import { makeGroupWorld, type GroupWorld } from '../server/test/groups';
import {
	ctxWithStore,
	offeredMaterial,
	reviewEveryCriterion,
	tempStore
} from '../server/test/materials';
import { useTestDatabase } from '../server/test/vitest';
import { testSeal, voteOptionsByCode } from '../server/test/votes';
import { changeText, indicatorChart, valueText } from '../server/web/approbation-views';
import { translate } from '../server/web/i18n';
import { reviewAverageRows } from '../server/web/material-views';
import { quorumLine, tallyBars } from '../server/web/vote-views';
import { formatDecimal, formatNumber, formatPercent } from './format';
import type { Locale } from './locale';

// Numbers follow the locale (the language review): «4,5» in Kyrgyz and Russian, «4.5» in
// English. The helpers, and the real places that turn an average or a share into text, on
// the real database: a material's review averages, a vote's tally, approbation results.

const NBSP = '\u00a0';
/** A digit, a point, a digit: an English decimal where ky and ru need a comma. */
const pointDecimal = /\d\.\d/;

describe('the number helpers', () => {
	it('write a decimal with the locale separator', () => {
		// Node's ICU has Kyrgyz data: its decimal separator is the comma, as in Russian.
		expect(formatDecimal(4.5, 'ky', 1)).toBe('4,5');
		expect(formatDecimal(4.5, 'ru', 1)).toBe('4,5');
		expect(formatDecimal(4.5, 'en', 1)).toBe('4.5');
		// A column of averages keeps its digit: «4,0» beside «4,5».
		expect(formatDecimal(4, 'ky', 1, 1)).toBe('4,0');
		expect(formatDecimal(3.456, 'ru', 2)).toBe('3,46');
		expect(formatNumber(12345.6, 'ky')).toBe(`12${NBSP}345,6`);
	});

	it('write a percentage as the locale does: one spacing per language', () => {
		expect(formatPercent(58.4, 'ky', 1)).toBe('58,4%');
		expect(formatPercent(58.4, 'ru', 1)).toBe(`58,4${NBSP}%`);
		expect(formatPercent(58.4, 'en', 1)).toBe('58.4%');
		expect(formatPercent(80, 'ru')).toBe(`80${NBSP}%`);
	});

	it('a message given a fraction prints it the locale way', () => {
		// An upload limit of 2.5 MB, as receive.ts passes it: the message itself uses String().
		expect(translate('error_file_too_large', { name: 'a.pdf', max: 2.5 }, 'ky')).toContain('2,5');
		expect(translate('error_file_too_large', { name: 'a.pdf', max: 2.5 }, 'ru')).toContain('2,5');
		expect(translate('error_file_too_large', { name: 'a.pdf', max: 2.5 }, 'en')).toContain('2.5');
		// Whole numbers stay as they are: no «2 026».
		expect(translate('error_file_too_large', { name: 'a.pdf', max: 2026 }, 'ru')).toContain('2026');
	});
});

describe('numbers on the pages, from the real database', () => {
	const t = useTestDatabase();
	const { store, root } = tempStore();
	afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
	let w: GroupWorld;
	let materialId: MaterialId;
	const as = (actor: Actor) => ctxWithStore(t.db, actor, store);
	beforeEach(async () => {
		w = await makeGroupWorld(t.db);
		materialId = await offeredMaterial(t.db, store, w.member, w.groupId);
	});

	const review = (actor: Actor, score: number) =>
		reviewEveryCriterion(as(actor), { groupId: w.groupId, materialId, score });

	it("a material's review average reads «4,5» in ky and ru, «4.5» in en", async () => {
		await review(w.leader, 5);
		await review(w.scientist, 4);
		const view = await getMaterial(as(w.admin), { groupId: w.groupId, materialId });
		const averages = (locale: Locale) =>
			reviewAverageRows(view.reviews.averages, locale)
				.filter((a) => a.count > 0)
				.map((a) => a.average);
		expect(averages('ky')).toEqual(Array(5).fill('4,5'));
		expect(averages('ru')).toEqual(Array(5).fill('4,5'));
		expect(averages('en')).toEqual(Array(5).fill('4.5'));
	});

	it('a vote tally gives each option its share the locale way', async () => {
		const seal = testSeal();
		const ctx = (actor: Actor) => ({ ...as(actor), seal });
		const { voteId } = await openVote(as(w.leader), {
			groupId: w.groupId,
			question: 'Сунушту кабыл алабызбы?',
			kind: 'yes_no',
			quorumPercent: 50
		});
		const { yes, no } = await voteOptionsByCode(t.db, voteId);
		await castBallot(ctx(w.leader), { groupId: w.groupId, voteId, choices: [yes!], seal });
		await castBallot(ctx(w.member), { groupId: w.groupId, voteId, choices: [no!], seal });
		const view = await getVote(ctx(w.leader), { groupId: w.groupId, voteId, seal });
		const tally = view.tally!;
		const shares = (locale: Locale) =>
			tallyBars(tally.lines, tally.participantCount, locale)
				.filter((b) => b.count > 0)
				.map((b) => b.text.split(', ').at(-1));
		expect(shares('ky')).toEqual(['50%', '50%']);
		expect(shares('ru')).toEqual([`50${NBSP}%`, `50${NBSP}%`]);
		expect(shares('en')).toEqual(['50%', '50%']);
		// The quorum line: Russian sets the sign apart with a non-breaking space, as Intl does.
		expect(translate('vote_quorum_met', { percent: 50 }, 'ru')).toContain(`50${NBSP}%`);
		expect(quorumLine({ ...tally, quorumPercent: 50 })).toContain('50%');
	});

	it('approbation results: averages, shares and changes by locale', async () => {
		await recordApprobation(as(w.leader), {
			groupId: w.groupId,
			materialId,
			title: 'Оюн аркылуу окуу',
			startsOn: '2026-10-01',
			endsOn: '2026-11-15',
			plan: 'Ар жумада эки сабак.',
			observations: 'Окуучулар активдүү.',
			conclusion: 'Билим сапаты өстү.',
			classes: [
				{
					name: '6-А',
					grade: 6,
					pupils: 27,
					// Average mark 85 / 27 = 3.15 → 89 / 27 = 3.30; quality 8 / 27 = 29.6 % → 37 %.
					before: { fives: 2, fours: 6, threes: 13, twos: 6 },
					after: { fives: 3, fours: 7, threes: 12, twos: 5 },
					indicators: [{ name: 'Окуу ылдамдыгы', unit: 'сөз/мүн', before: 62.5, after: 71 }]
				}
			]
		});
		const results = await materialResults(t.db, materialId);
		const byKey = (key: string) => results.indicators.find((i) => i.key === key)!;
		const quality = byKey('knowledge_quality');
		const mark = byKey('average_mark');
		const speed = byKey('custom');

		const rows = (locale: Locale) => ({
			quality: indicatorChart(quality, new Map(), locale).rows[0],
			mark: indicatorChart(mark, new Map(), locale).rows[0],
			speed: indicatorChart(speed, new Map(), locale).rows[0]
		});
		const ky = rows('ky');
		expect([ky.quality!.before, ky.quality!.after, ky.quality!.change]).toEqual([
			'29,6%',
			'37%',
			'+7,4%'
		]);
		expect([ky.mark!.before, ky.mark!.after]).toEqual(['3,15', '3,3']);
		expect([ky.speed!.before, ky.speed!.change]).toEqual(['62,5 сөз/мүн', '+8,5 сөз/мүн']);
		const ru = rows('ru');
		expect([ru.quality!.before, ru.mark!.after, ru.speed!.before]).toEqual([
			`29,6${NBSP}%`,
			'3,3',
			'62,5 сөз/мүн'
		]);
		const en = rows('en');
		expect([en.quality!.before, en.mark!.after, en.speed!.change]).toEqual([
			'29.6%',
			'3.3',
			'+8.5 сөз/мүн'
		]);
		// The chart's own labels follow suit.
		const svg = indicatorChart(quality, new Map(), 'ky').svg;
		expect(svg).toContain('>29,6%<');
		expect(svg.replace(/<[^>]*>/g, ' ')).not.toMatch(pointDecimal);
		expect(indicatorChart(quality, new Map(), 'ru').svg).toContain(`>29,6${NBSP}%<`);
		// The same helpers the approbation and group results pages call.
		expect(valueText('average_mark', 3.48, '', 'ky')).toBe('3,48');
		expect(changeText('knowledge_quality', -2.5, '%', 'ru')).toBe(`−2,5${NBSP}%`);
	});

	it('no formatted ky or ru figure on these paths has a point decimal', async () => {
		await review(w.leader, 5);
		await review(w.scientist, 4);
		const view = await getMaterial(as(w.admin), { groupId: w.groupId, materialId });
		for (const locale of ['ky', 'ru'] as const) {
			const text = JSON.stringify(reviewAverageRows(view.reviews.averages, locale));
			expect(text).not.toMatch(pointDecimal);
			expect(text).toMatch(/4,5/);
		}
		expect(JSON.stringify(reviewAverageRows(view.reviews.averages, 'en'))).toMatch(pointDecimal);
	});
});

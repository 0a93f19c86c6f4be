import { describe, expect, it } from 'vitest';
import { classBlocks, decodeApprobation, formFieldOf } from './approbation-views';

describe('the approbation form without JavaScript', () => {
	const posted = {
		title: ' Апробация ',
		startsOn: '2026-10-01',
		endsOn: '2026-11-01',
		c0_id: 'class-a',
		c0_name: '5-Б',
		c0_grade: '5',
		c0_pupils: '25',
		c0_remove: 'on',
		// Block 1 left empty, block 2 filled: its problems must come back on block 2.
		c1_name: '',
		c1_grade: '',
		c1_pupils: '',
		c2_name: '6-А',
		c2_grade: '6',
		c2_pupils: '27',
		c2_before_fives: '3',
		c2_before_fours: '7',
		c2_before_threes: '12',
		c2_before_twos: '5',
		c2_ind0_name: '',
		c2_ind0_unit: '',
		c2_ind0_before: '',
		c2_ind0_after: '',
		c2_ind1_name: 'Окуу ылдамдыгы',
		c2_ind1_unit: 'сөз/мүн',
		c2_ind1_before: '62,5',
		c2_ind1_after: 'көп'
	};

	it('leaves out removed and empty blocks and rows, and reads numbers as typed', () => {
		const decoded = decodeApprobation(posted);
		expect(decoded.fields.title).toBe('Апробация');
		expect(decoded.fields.classes).toEqual([
			{
				name: '6-А',
				grade: 6,
				pupils: 27,
				before: { fives: 3, fours: 7, threes: 12, twos: 5 },
				indicators: [{ name: 'Окуу ылдамдыгы', unit: 'сөз/мүн', before: 62.5, after: 'көп' }]
			}
		]);
		expect(decoded.blocks).toEqual([{ block: 2, rows: [1] }]);
		expect(formFieldOf('classes.0.before.fives', decoded)).toBe('c2_before_fives');
		expect(formFieldOf('classes.0.before', decoded)).toBe('c2_before');
		expect(formFieldOf('classes.0.indicators.0.after', decoded)).toBe('c2_ind1_after');
		expect(formFieldOf('classes', decoded)).toBe('classes');
		expect(formFieldOf('endsOn', decoded)).toBe('endsOn');
	});

	it('shows the blocks there are and spare ones, up to the limit', () => {
		expect(classBlocks({}, 2).map((b) => [b.index, b.isSpare, b.rows])).toEqual([
			[0, false, [0, 1]],
			[1, true, [0, 1]]
		]);
		const blocks = classBlocks(posted, 1);
		expect(blocks.map((b) => [b.index, b.isExisting, b.isSpare])).toEqual([
			[0, true, false],
			[1, false, false],
			[2, false, false],
			[3, false, true]
		]);
		// Block 2 has one filled row of two sent: two empty rows to type into.
		expect(blocks[2]!.rows).toEqual([0, 1, 2]);
	});
});

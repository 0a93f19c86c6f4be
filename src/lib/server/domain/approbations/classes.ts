import type { z } from 'zod';
import { newId } from '../../db/ids';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import type { classInput } from './input';

type ClassValue = z.output<typeof classInput>;

const counts = (
	when: 'before' | 'after',
	c: ClassValue[typeof when]
): Record<string, number | null> => ({
	[`${when}Fives`]: c?.fives ?? null,
	[`${when}Fours`]: c?.fours ?? null,
	[`${when}Threes`]: c?.threes ?? null,
	[`${when}Twos`]: c?.twos ?? null
});

/**
 * Writes an approbation's classes as typed: a class with an id is updated in place (an
 * observation may point at it), one without is new, and an existing class the form no longer
 * sends is removed (its observations keep their record, without the class). Custom indicators
 * are rewritten each time: nothing points at them.
 */
export async function writeClasses(
	trx: DB,
	approbationId: string,
	classes: ClassValue[]
): Promise<void> {
	const existing = await trx
		.selectFrom('approbationClasses')
		.select('id')
		.where('approbationId', '=', approbationId)
		.execute();
	const existingIds = new Set(existing.map((c) => c.id));
	const kept = new Set<string>();
	for (const [position, c] of classes.entries()) {
		const values = {
			position,
			name: c.name,
			grade: c.grade,
			pupils: c.pupils,
			...counts('before', c.before),
			...counts('after', c.after)
		};
		let classId: string;
		if (c.id !== undefined) {
			// An id from another approbation is a forged form: refused, nothing written.
			if (!existingIds.has(c.id)) throw new AppError('not_found', 'approbation_error_not_found');
			if (kept.has(c.id)) throw new AppError('invalid', 'error_invalid');
			classId = c.id;
			kept.add(classId);
			await trx.updateTable('approbationClasses').set(values).where('id', '=', classId).execute();
			await trx.deleteFrom('approbationIndicators').where('classId', '=', classId).execute();
		} else {
			classId = newId();
			await trx
				.insertInto('approbationClasses')
				.values({ id: classId, approbationId, ...values })
				.execute();
		}
		if (c.indicators.length > 0)
			await trx
				.insertInto('approbationIndicators')
				.values(
					c.indicators.map((i, p) => ({
						id: newId(),
						classId,
						position: p,
						name: i.name,
						unit: i.unit ?? '',
						beforeValue: i.before,
						afterValue: i.after
					}))
				)
				.execute();
	}
	const removed = [...existingIds].filter((id) => !kept.has(id));
	if (removed.length > 0) {
		await trx
			.updateTable('observations')
			.set({ classId: null })
			.where('classId', 'in', removed)
			.execute();
		await trx.deleteFrom('approbationIndicators').where('classId', 'in', removed).execute();
		await trx.deleteFrom('approbationClasses').where('id', 'in', removed).execute();
	}
}

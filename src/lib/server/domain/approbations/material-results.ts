import type { DB } from '../../db/types';
import { countsOf, markIndicators } from './indicators';
import { isConfirmed } from './policy';
import { classesOf, observationCounts } from './queries';
import {
	markIndicators as markKeys,
	type IndicatorResults,
	type MaterialResults,
	type ResultPoint
} from './results-model';

/**
 * Every approbation of a material as plain results: the default indicators per class (from
 * the mark counts typed before and after) and the custom ones, each class marked confirmed
 * or self-reported. No actor: the caller has checked access (the results page) or is
 * freezing an edition of the collection.
 */
export async function materialResults(db: DB, materialId: string): Promise<MaterialResults> {
	const approbations = await db
		.selectFrom('approbations as a')
		.innerJoin('groups as g', 'g.id', 'a.groupId')
		.select(['a.id', 'g.requiredObservations'])
		.where('a.materialId', '=', materialId)
		.orderBy('a.startsOn')
		.orderBy('a.createdAt')
		.execute();
	const ids = approbations.map((a) => a.id);
	const [counts, classes] = await Promise.all([observationCounts(db, ids), classesOf(db, ids)]);
	const confirmed = new Map(
		approbations.map((a) => [
			a.id,
			isConfirmed(counts.get(a.id) ?? 0, Number(a.requiredObservations))
		])
	);
	const order = new Map(ids.map((id, i) => [id, i]));
	classes.sort(
		(x, y) =>
			(order.get(x.approbationId) ?? 0) - (order.get(y.approbationId) ?? 0) ||
			Number(x.position) - Number(y.position)
	);

	const defaults = new Map<string, ResultPoint[]>(markKeys.map((k) => [k, []]));
	const custom = new Map<string, IndicatorResults>();
	for (const c of classes) {
		const base = {
			approbationId: c.approbationId,
			classLabel: c.name,
			grade: c.grade,
			pupils: c.pupils,
			confirmed: confirmed.get(c.approbationId) ?? false
		};
		const before = countsOf({
			fives: c.beforeFives,
			fours: c.beforeFours,
			threes: c.beforeThrees,
			twos: c.beforeTwos
		});
		const after = countsOf({
			fives: c.afterFives,
			fours: c.afterFours,
			threes: c.afterThrees,
			twos: c.afterTwos
		});
		const b = before && markIndicators(before);
		const a = after && markIndicators(after);
		if (b && a)
			for (const key of markKeys)
				defaults.get(key)!.push({ ...base, before: b[key], after: a[key] });
		for (const i of c.indicators) {
			// The same indicator typed in several classes is one chart: by name and unit.
			const id = `${i.name.trim().toLocaleLowerCase()}\u0000${i.unit.trim()}`;
			let results = custom.get(id);
			if (!results) {
				results = { key: 'custom', name: i.name.trim(), unit: i.unit.trim(), points: [] };
				custom.set(id, results);
			}
			results.points.push({ ...base, before: i.beforeValue, after: i.afterValue });
		}
	}
	const indicators: IndicatorResults[] = [
		...markKeys
			.filter((key) => defaults.get(key)!.length > 0)
			.map((key) => ({
				key,
				name: '',
				unit: key === 'average_mark' ? '' : '%',
				points: defaults.get(key)!
			})),
		...custom.values()
	];
	return {
		materialId,
		approbations: approbations.length,
		confirmedApprobations: [...confirmed.values()].filter(Boolean).length,
		indicators
	};
}

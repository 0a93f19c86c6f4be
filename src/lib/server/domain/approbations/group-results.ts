import { validate } from '../../validation';
import type { Ctx } from '../context';
import { change } from './indicators';
import { groupResultsInput, type GroupResultsInput } from './input';
import { isConfirmed } from './policy';
import { approbationsAccess, observationCounts, requiredOf } from './queries';
import { materialResults } from './material-results';
import { markIndicators, type MarkIndicator } from './results-model';

export interface MaterialResultsLine {
	materialId: string;
	title: string;
	approbations: number;
	confirmed: number;
	classes: number;
	/** The mean change after − before over the classes with mark counts; null without any. */
	changes: Record<MarkIndicator, number | null>;
}

/** The group's results overview: each tried material, its approbations and average changes. */
export async function getGroupResults({ db, actor }: Ctx, input: GroupResultsInput) {
	const access = await approbationsAccess(db, actor, input.groupId);
	const { groupId } = validate(groupResultsInput, input);
	const materials = await db
		.selectFrom('materials as m')
		.innerJoin('approbations as a', 'a.materialId', 'm.id')
		.select(['m.id', 'm.title'])
		.where('m.groupId', '=', groupId)
		.groupBy(['m.id', 'm.title'])
		.orderBy('m.title')
		.execute();
	const all = await db
		.selectFrom('approbations')
		.select(['id', 'proposalId'])
		.where('groupId', '=', groupId)
		.execute();
	const counts = await observationCounts(
		db,
		all.map((a) => a.id)
	);
	const required = requiredOf(access.group);
	const lines: MaterialResultsLine[] = [];
	for (const m of materials) {
		const results = await materialResults(db, m.id);
		const changes = Object.fromEntries(
			markIndicators.map((key) => {
				const points = results.indicators.find((i) => i.key === key)?.points ?? [];
				if (points.length === 0) return [key, null];
				const mean = points.reduce((s, p) => s + (p.after - p.before), 0) / points.length;
				return [key, change(key, 0, mean)];
			})
		) as Record<MarkIndicator, number | null>;
		const classes = new Set(
			results.indicators.flatMap((i) => i.points.map((p) => `${p.approbationId}:${p.classLabel}`))
		);
		lines.push({
			materialId: m.id,
			title: m.title,
			approbations: results.approbations,
			confirmed: results.confirmedApprobations,
			classes: classes.size,
			changes
		});
	}
	return {
		materials: lines,
		total: all.length,
		ofProposals: all.filter((a) => a.proposalId !== null).length,
		confirmed: all.filter((a) => isConfirmed(counts.get(a.id) ?? 0, required)).length
	};
}

import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed } from '../group-access/access';
import { ofApprobation, type OfApprobation } from './input';
import { canEditApprobation } from './policy';
import { approbationAccess, assertOpenGroup, classesOf } from './queries';
import { reportFormOf, responseAnswers } from './report';

/** The edit form of an approbation, for its author: the record as stored. */
export async function getApprobationForEdit({ db, actor }: Ctx, input: OfApprobation) {
	const access = await approbationAccess(db, actor, input.groupId, input.approbationId);
	assertAllowed(canEditApprobation(actor, access));
	assertOpenGroup(access);
	const { groupId } = validate(ofApprobation, input);
	const a = access.approbation;
	const [classes, reportForm] = await Promise.all([
		classesOf(db, [a.id]),
		reportFormOf(db, groupId)
	]);
	const counts = (c: (typeof classes)[number], when: 'before' | 'after') => {
		const v =
			when === 'before'
				? [c.beforeFives, c.beforeFours, c.beforeThrees, c.beforeTwos]
				: [c.afterFives, c.afterFours, c.afterThrees, c.afterTwos];
		return v.some((n) => n === null)
			? undefined
			: { fives: Number(v[0]), fours: Number(v[1]), threes: Number(v[2]), twos: Number(v[3]) };
	};
	return {
		title: a.title,
		values: {
			title: a.title,
			startsOn: a.startsOn,
			endsOn: a.endsOn,
			plan: a.plan,
			observations: a.observations,
			conclusion: a.conclusion,
			classes: classes.map((c) => ({
				id: c.id,
				name: c.name,
				grade: c.grade,
				pupils: c.pupils,
				before: counts(c, 'before'),
				after: counts(c, 'after'),
				indicators: c.indicators.map((i) => ({
					name: i.name,
					unit: i.unit,
					before: i.beforeValue,
					after: i.afterValue
				}))
			}))
		},
		reportForm,
		reportAnswers: a.reportResponseId ? await responseAnswers(db, a.reportResponseId) : null
	};
}

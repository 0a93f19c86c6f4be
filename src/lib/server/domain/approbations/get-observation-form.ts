import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { ofApprobation, type OfApprobation } from './input';
import { canObserve } from './policy';
import { approbationAccess, assertOpenGroup, classesOf } from './queries';
import { sheetFormFor } from './report';

/** The observation page: the approbation's classes and the group's observation sheet. */
export async function getObservationForm(
	{ db, actor }: Ctx,
	input: OfApprobation & { locale: 'ky' | 'ru' | 'en' }
) {
	const access = await approbationAccess(db, actor, input.groupId, input.approbationId);
	if (!canObserve(actor, access))
		throw new AppError(
			'forbidden',
			access.isAuthor || access.isMaterialAuthor
				? 'approbation_error_observe_own'
				: 'error_forbidden'
		);
	assertOpenGroup(access);
	const { groupId } = validate(ofApprobation, input);
	const classes = await classesOf(db, [access.approbation.id]);
	return {
		title: access.approbation.title,
		classes: classes.map((c) => ({ id: c.id, name: c.name })),
		sheet: await sheetFormFor(db, groupId, input.locale)
	};
}

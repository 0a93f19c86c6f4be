import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { ValidationError, validate } from '../../validation';
import type { Ctx } from '../context';
import { asId, type ObservationId } from '../ids';
import { observeLessonInput, type ObserveLessonInput } from './input';
import { canObserve } from './policy';
import { approbationAccess, assertOpenGroup } from './queries';
import { saveSheet } from './report';

/**
 * §5.4 objective monitoring: a member who is neither the approbation's author nor an author
 * of the material observes a lesson and files the group's observation sheet. The author is
 * refused with a message of its own, never a bare "forbidden".
 */
export async function observeLesson(
	ctx: Ctx,
	input: ObserveLessonInput
): Promise<{ observationId: ObservationId }> {
	const { db, actor, now } = ctx;
	const access = await approbationAccess(db, actor, input.groupId, input.approbationId);
	if (!canObserve(actor, access))
		throw new AppError(
			'forbidden',
			access.isAuthor || access.isMaterialAuthor
				? 'approbation_error_observe_own'
				: 'error_forbidden'
		);
	assertOpenGroup(access);
	const value = validate(observeLessonInput, input);
	if (value.classId !== undefined) {
		const found = await db
			.selectFrom('approbationClasses')
			.select('id')
			.where('id', '=', value.classId)
			.where('approbationId', '=', value.approbationId)
			.executeTakeFirst();
		if (!found) throw new ValidationError([{ field: 'classId', key: 'error_choice' }]);
	}
	const observationId = asId<ObservationId>(newId());
	await inTransaction(db, async (trx) => {
		const responseId = await saveSheet(ctx, trx, {
			groupId: value.groupId,
			answers: input.sheet,
			locale: input.locale ?? 'ky'
		});
		await trx
			.insertInto('observations')
			.values({
				id: observationId,
				approbationId: value.approbationId,
				classId: value.classId ?? null,
				observerId: actor.id,
				observedOn: value.observedOn,
				responseId,
				comments: value.comments,
				conclusion: value.conclusion,
				createdAt: now,
				updatedAt: now
			})
			.execute();
	});
	return { observationId };
}

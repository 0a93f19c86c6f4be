import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { answerConsentInput, type AnswerConsentInput } from './input';
import { endPublication, goLive, loadPublication } from './queries';

/**
 * An author asked about a publication to interested parties answers once: consenting, or
 * refusing (which stops it; the publisher reads the reason). With the last consent it goes
 * live. Only the author asked may answer; anyone else is told it does not exist.
 */
export async function answerConsent(
	{ db, actor, now }: Ctx,
	input: AnswerConsentInput
): Promise<{ status: string }> {
	return inTransaction(db, async (trx) => {
		const publication = await loadPublication(trx, { id: input.publicationId });
		const own = await trx
			.selectFrom('publicationConsents')
			.select(['decision'])
			.where('publicationId', '=', publication.id)
			.where('userId', '=', actor.id)
			.executeTakeFirst();
		if (!own) throw new AppError('not_found', 'error_publication_not_found');
		const answer = validate(answerConsentInput, input);
		if (publication.status !== 'awaiting_consent' || own.decision !== null)
			throw new AppError('conflict', 'error_publication_answered');
		await trx
			.updateTable('publicationConsents')
			.set({
				decision: answer.decision,
				reason: answer.reason === '' ? null : answer.reason,
				decidedAt: now
			})
			.where('publicationId', '=', publication.id)
			.where('userId', '=', actor.id)
			.execute();
		if (answer.decision === 'refused') {
			await endPublication(trx, publication, {
				status: 'refused',
				by: actor.id,
				reason: answer.reason === '' ? null : answer.reason,
				now
			});
			return { status: 'refused' };
		}
		const waiting = await trx
			.selectFrom('publicationConsents')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('publicationId', '=', publication.id)
			.where('decision', 'is', null)
			.executeTakeFirstOrThrow();
		if (Number(waiting.n) > 0) return { status: 'awaiting_consent' };
		await goLive(trx, publication, now, actor.id);
		return { status: 'published' };
	});
}

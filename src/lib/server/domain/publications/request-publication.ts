import { newId } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import { AppError } from '../../errors';
import { links, notify } from '../../notify';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, groupAccess } from '../group-access/access';
import type { PublicationId } from '../ids';
import { asId } from '../ids';
import { newPublicationCode } from './code';
import { requestPublicationInput, type RequestPublicationInput } from './input';
import { canPublish } from './policy';
import { goLive, loadPublication } from './queries';
import { freezeTarget } from './snapshot';

/**
 * §3.4: the leader or the school administration makes an approved edition, an accepted
 * material or the group's results known to the teaching staff (at once) or to interested
 * parties, which needs every author's consent first: each is asked, and the publisher, when
 * an author, has consented by asking. `resultsTitle` is the label a results page's title
 * starts with, in the publisher's language.
 */
export async function requestPublication(
	{ db, actor, now }: Ctx,
	input: RequestPublicationInput & { resultsTitle: string }
): Promise<{ publicationId: PublicationId; code: string; status: string }> {
	const access = await groupAccess(db, actor, input.groupId);
	assertAllowed(canPublish(actor, access));
	const request = validate(requestPublicationInput, input);
	const school = await db
		.selectFrom('schools')
		.select(['name', 'slug', 'city', 'region'])
		.where('id', '=', access.group.schoolId)
		.executeTakeFirstOrThrow();
	return inTransaction(db, async (trx) => {
		const frozen = await freezeTarget(
			trx,
			{ groupId: request.groupId, groupName: access.group.name, school, now },
			request.target,
			// A label, then the group's name: «Апробациянын натыйжалары: …».
			`${input.resultsTitle}: ${access.group.name}`
		);
		const active = await trx
			.selectFrom('publications')
			.select('id')
			.where('groupId', '=', request.groupId)
			.where('kind', '=', request.target.kind)
			.where('audience', '=', request.audience)
			.where('status', 'in', ['awaiting_consent', 'published'])
			.$call((q) =>
				frozen.editionId
					? q.where('editionId', '=', frozen.editionId)
					: frozen.materialId
						? q.where('materialId', '=', frozen.materialId)
						: q
			)
			.executeTakeFirst();
		if (active) throw new AppError('conflict', 'error_publication_exists');

		const id = asId<PublicationId>(newId());
		const { meta } = frozen.snapshot;
		// Staff publications stay inside the school: no consent is asked for them.
		const asked = request.audience === 'public' ? meta.authors.map((a) => a.id) : [];
		// 31^7 codes: a clash is unlikely enough that the unique index alone guards it.
		const code = newPublicationCode();
		await trx
			.insertInto('publications')
			.values({
				id,
				code,
				schoolId: access.group.schoolId,
				groupId: request.groupId,
				kind: request.target.kind,
				editionId: frozen.editionId,
				materialId: frozen.materialId,
				materialVersion: frozen.materialVersion,
				audience: request.audience,
				licence: request.licence,
				status: 'awaiting_consent',
				title: meta.title,
				snapshot: JSON.stringify(frozen.snapshot),
				language: meta.language,
				year: meta.year,
				requestedBy: actor.id,
				requestedAt: now
			})
			.execute();
		if (asked.length > 0)
			await trx
				.insertInto('publicationConsents')
				.values(
					asked.map((userId) => ({
						publicationId: id,
						userId,
						// Asking for it is the publisher's own consent.
						decision: userId === actor.id ? ('consented' as const) : null,
						reason: null,
						askedAt: now,
						decidedAt: userId === actor.id ? now : null
					}))
				)
				.execute();
		const waiting = asked.filter((userId) => userId !== actor.id).length;
		if (asked.length > 0)
			await notify(
				{ db: trx, now, actor },
				{
					kind: 'publication.consent_asked',
					key: id,
					groupId: request.groupId,
					subject: meta.title,
					link: links.consents(),
					userIds: asked
				}
			);
		if (waiting === 0) await goLive(trx, await loadPublication(trx, { id }), now, actor.id);
		return { publicationId: id, code, status: waiting === 0 ? 'published' : 'awaiting_consent' };
	});
}

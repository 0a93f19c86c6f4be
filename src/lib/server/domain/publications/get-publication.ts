import { z } from 'zod';
import type { ConsentDecision } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { ViewerCtx } from '../context';
import type { PublicationInput } from './input';
import { canReadPublication, canSeePublication } from './policy';
import { consentsOf, loadPublication, publicationPlace } from './queries';
import { parseSnapshot } from './snapshot';
import { subjectNames, type Locale } from './subjects';

const locale = z.enum(['ky', 'ru', 'en']);

/**
 * A publication at its permanent address. Its audience reads it; a tombstone once it is taken
 * down; a preview for the publishers and the authors asked while consent is waited for.
 * Staff publications ask a signed-out visitor to sign in; anything else hidden is not found.
 */
export async function getPublication(
	{ db, actor }: ViewerCtx,
	input: PublicationInput & { locale: Locale }
) {
	const publication = await loadPublication(db, { code: input.code });
	const place = await publicationPlace(db, actor, publication);
	if (!canSeePublication(actor, place)) {
		if (actor === null && publication.audience === 'staff' && publication.status === 'published')
			throw new AppError('unauthenticated', 'error_sign_in_first');
		throw new AppError('not_found', 'error_publication_not_found');
	}
	const snapshot = parseSnapshot(publication.snapshot);
	const showConsents = place.isPublisher || place.isAsked;
	const consents = showConsents ? await consentsOf(db, [publication.id]) : [];
	const mine = consents.find((c) => c.userId === actor?.id);
	const edition =
		publication.editionId === null
			? null
			: await db
					.selectFrom('collectionEditions')
					.select(['docxSize', 'pdfSize', 'pdfPages'])
					.where('id', '=', publication.editionId)
					.executeTakeFirst();
	return {
		id: publication.id,
		code: publication.code,
		groupId: publication.groupId,
		kind: publication.kind,
		audience: publication.audience,
		licence: publication.licence,
		status: publication.status,
		title: publication.title,
		requestedAt: publication.requestedAt,
		publishedAt: publication.publishedAt,
		endedAt: publication.endedAt,
		endReason: publication.endReason,
		canRead: canReadPublication(actor, place),
		isPublisher: place.isPublisher,
		subjects: await subjectNames(db, snapshot.meta.subjectIds, validate(locale, input.locale)),
		snapshot,
		edition: edition
			? { docxSize: edition.docxSize, pdfSize: edition.pdfSize, pdfPages: edition.pdfPages }
			: null,
		consents: consents.map((c) => ({
			name: c.fullName,
			decision: c.decision,
			reason: c.reason,
			decidedAt: c.decidedAt
		})),
		/** The reader's own answer when asked: null while not answered. */
		myConsent: mine ? { decision: mine.decision as ConsentDecision | null } : null
	};
}

export type PublicationView = Awaited<ReturnType<typeof getPublication>>;

import type { Publication } from '../../db/types';
import { AppError } from '../../errors';
import type { ViewerCtx } from '../context';
import { canReadPublication, canSeePublication } from './policy';
import { loadPublication, publicationPlace } from './queries';

/**
 * A publication whose content the viewer may read (downloads, full text, pictures): published
 * to their audience, or a preview for the publishers and authors asked. A tombstone's files
 * are gone (410); a staff publication asks a signed-out visitor to sign in.
 */
export async function readablePublication(
	{ db, actor }: ViewerCtx,
	code: string
): Promise<Publication> {
	const publication = await loadPublication(db, { code });
	const place = await publicationPlace(db, actor, publication);
	if (canReadPublication(actor, place)) return publication;
	if (canSeePublication(actor, place) && publication.status === 'unpublished')
		throw new AppError('gone', 'error_publication_unpublished');
	if (actor === null && publication.audience === 'staff' && publication.status === 'published')
		throw new AppError('unauthenticated', 'error_sign_in_first');
	throw new AppError('not_found', 'error_publication_not_found');
}

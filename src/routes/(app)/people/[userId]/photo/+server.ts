import { error } from '@sveltejs/kit';
import { Readable } from 'node:stream';
import { getPhoto } from '$lib/server/domain/accounts/get-photo';
import { asId, type UserId } from '$lib/server/domain/ids';
import { BlobNotFoundError } from '$lib/server/storage';
import { actorCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import type { RequestHandler } from './$types';

/** A year: the address changes with the photo (`?v=`), so a cached copy is never stale. */
const IMMUTABLE = 'private, max-age=31536000, immutable';

/**
 * A person's profile photo (WebP), to those who may see the person; 404 otherwise. `?size=small`
 * is the 96 px one for lists. Cached by the browser only (private) and only under the
 * current version's address; an old or missing `?v=` is revalidated.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const ctx = actorCtx(locals);
	const size = url.searchParams.get('size') === 'small' ? 'small' : 'large';
	const photo = await orHttpError(getPhoto(ctx, { userId: asId<UserId>(params.userId), size }));
	let stream: Readable;
	try {
		stream = await ctx.store.read(photo.blobKey);
	} catch (err) {
		if (err instanceof BlobNotFoundError) error(404);
		throw err;
	}
	const current = url.searchParams.get('v') === photo.version;
	return new Response(Readable.toWeb(stream) as ReadableStream<Uint8Array>, {
		headers: {
			'content-type': 'image/webp',
			'content-length': String(photo.size),
			'cache-control': current ? IMMUTABLE : 'private, no-cache',
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox",
			etag: `"${photo.blobKey}"`
		}
	});
};

import { error, redirect } from '@sveltejs/kit';
import { AppError } from '../errors';
import { translate } from './i18n';

/**
 * For load functions: an expected domain error (not found, forbidden, gone…) becomes that HTTP
 * status with a translated message instead of a 500.
 */
export async function orHttpError<T>(work: Promise<T>): Promise<T> {
	try {
		return await work;
	} catch (err) {
		if (err instanceof AppError)
			error(err.status, { message: translate(err.messageKey, err.params) });
		throw err;
	}
}

/**
 * For pages anyone may open whose content needs an account (a staff publication): a
 * signed-out visitor is sent to sign in and brought back; other errors go on.
 */
export function signInFirst(url: URL) {
	return (err: unknown): never => {
		if (err instanceof AppError && err.code === 'unauthenticated')
			redirect(303, `/signin?next=${encodeURIComponent(url.pathname)}`);
		throw err;
	};
}

import { error } from '@sveltejs/kit';
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

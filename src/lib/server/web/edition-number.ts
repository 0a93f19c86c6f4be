import { error } from '@sveltejs/kit';
import { translate } from './i18n';

/** An edition's number from the URL: a positive whole number, else 404. */
export function editionNumber(param: string): number {
	const number = /^[1-9]\d{0,5}$/.test(param) ? Number(param) : NaN;
	if (!Number.isSafeInteger(number)) error(404, { message: translate('error_edition_not_found') });
	return number;
}

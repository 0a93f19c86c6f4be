import { regions } from '../domain/schools/regions';
import { qualificationCategories } from '../domain/accounts/input';
import { translate } from './i18n';

// Options for select fields, labelled in the request's language.

export function regionOptions() {
	return regions.map((code) => ({ value: code, label: regionName(code) }));
}

export function regionName(code: string): string {
	return translate(`region_${code.toLowerCase().replace('-', '_')}` as never);
}

export function categoryOptions() {
	return qualificationCategories.map((value) => ({ value, label: categoryName(value) }));
}

export function categoryName(value: string): string {
	return translate(`category_${value}` as never);
}

export function roleName(role: string | null): string {
	return role ? translate(`role_${role}` as never) : '';
}

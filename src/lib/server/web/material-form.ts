import { collator } from '../../i18n/format';
import type { Locale } from '../../i18n/locale';
import type { SubjectOption } from '../domain/subjects/list-subjects';
import { languageOptions, typeOptions } from './material-views';

/** The choices of the material form in the reader's language. */
export function materialFormOptions(
	subjects: SubjectOption[],
	members: { id: string; fullName: string }[],
	locale: Locale
) {
	const order = collator(locale);
	return {
		types: typeOptions(),
		languages: languageOptions(),
		subjects,
		members: [...members]
			.sort((a, b) => order.compare(a.fullName, b.fullName))
			.map((m) => ({ value: m.id, label: m.fullName }))
	};
}

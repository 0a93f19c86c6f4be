import { collator } from '../../i18n/format';
import type { Locale } from '../../i18n/locale';
import { asId, type CriterionId } from '../domain/ids';
import type { SubjectOption } from '../domain/subjects/list-subjects';
import {
	criterionRow,
	criterionScore,
	type SaveReviewInput,
	type SetCriteriaInput
} from '../domain/reviews/input';
import { formInput } from './form-input';
import { languageOptions, typeOptions } from './material-views';

type FormValues = Record<string, string | string[]>;

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

/**
 * The material form's values with its tags as a list: the form has one field for them,
 * "лексика, 5-класс; оюн", separated by commas, semicolons or lines.
 */
export function materialFormValues(values: FormValues): FormValues {
	const typed = values.tags === undefined ? [] : [values.tags].flat();
	return { ...values, tags: typed.flatMap((t) => t.split(/[,;\n]/)) };
}

/** The ids a repeated field names: `score_<id>`, `note_<id>` → the ids after `prefix`. */
function idsOf(values: FormValues, prefixes: string[]): string[] {
	const ids = new Set<string>();
	for (const key of Object.keys(values))
		for (const prefix of prefixes) if (key.startsWith(prefix)) ids.add(key.slice(prefix.length));
	return [...ids].filter(Boolean);
}

/** The review form's fields per criterion (`score_<id>`, `note_<id>`) as the review's scores. */
export function reviewScores(values: FormValues): NonNullable<SaveReviewInput['scores']> {
	return Object.fromEntries(
		idsOf(values, ['score_', 'note_']).map((id) => [
			asId<CriterionId>(id),
			formInput(criterionScore, {
				score: values[`score_${id}`] ?? '',
				note: values[`note_${id}`] ?? ''
			})
		])
	);
}

/** The criteria form's rows (`name_<id>`, `active_<id>`) as the criteria to set. */
export function criteriaRows(values: FormValues): NonNullable<SetCriteriaInput['criteria']> {
	return Object.fromEntries(
		idsOf(values, ['name_', 'active_']).map((id) => {
			const row: FormValues = { name: values[`name_${id}`] ?? '' };
			const active = values[`active_${id}`];
			if (active !== undefined) row.isActive = active;
			return [asId<CriterionId>(id), formInput(criterionRow, row)];
		})
	);
}

import type { PublicationTarget } from '../domain/publications/input';

/**
 * The publish form's one select, "edition:<id>", "material:<id>" or "results", as the use
 * case's target. Anything else is passed on as it is, for the schema to name the error.
 */
export function publicationTarget(value: unknown): PublicationTarget {
	if (value === 'results') return { kind: 'results' };
	if (typeof value === 'string') {
		const [kind, id] = value.split(':', 2);
		if (kind === 'edition' && id) return { kind, editionId: id } as PublicationTarget;
		if (kind === 'material' && id) return { kind, materialId: id } as PublicationTarget;
	}
	return value as PublicationTarget;
}

// The catalog's filters as index terms: a publication of grade 5 in Russian carries the terms
// «zzgrade5» and «zzlangru» beside its words, so a search with filters is one look-up in the
// full-text index (FTS5's own column, or PostgreSQL's tsvector) instead of a pass over rows.
// Letters and digits only, so both engines keep them whole. Never put in the vocabulary.

export type TagKind = 'subject' | 'grade' | 'lang' | 'type' | 'school' | 'region' | 'year';

export function tag(kind: TagKind, value: string | number): string {
	return `zz${kind}${String(value)
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '')}`;
}

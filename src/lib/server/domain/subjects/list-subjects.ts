import { validate } from '../../validation';
import type { AnonymousCtx } from '../context';
import { listSubjectsInput, type ListSubjectsInput } from './input';

export interface SubjectOption {
	id: string;
	name: string;
}

/** Subjects in the seed order, named in the reader's language. */
export async function listSubjects(
	{ db }: AnonymousCtx,
	input: ListSubjectsInput
): Promise<SubjectOption[]> {
	const { locale } = validate(listSubjectsInput, input);
	const rows = await db.selectFrom('subjects').selectAll().orderBy('position').execute();
	const pick = { ky: 'nameKy', ru: 'nameRu', en: 'nameEn' } as const;
	return rows.map((row) => ({ id: row.id, name: row[pick[locale]] }));
}

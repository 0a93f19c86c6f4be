import { isUniqueViolation } from '../../db/errors';
import { newId } from '../../db/ids';
import { ValidationError, validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed } from '../group-access/access';
import { asId, type SubjectId } from '../ids';
import { canManageSchools } from '../schools/policy';
import { addSubjectInput, type AddSubjectInput } from './input';

/**
 * The operator adds a subject to the seed list (REFERENCE.md), named in all three
 * languages; it is offered in profiles and materials from then on. Nothing is removed, so
 * materials and profiles never lose a subject.
 */
export async function addSubject(
	{ db, actor }: Ctx,
	input: AddSubjectInput
): Promise<{ id: SubjectId }> {
	assertAllowed(canManageSchools(actor));
	const subject = validate(addSubjectInput, input);
	const existing = await db.selectFrom('subjects').select(['nameKy', 'nameRu', 'nameEn']).execute();
	const same = (a: string, b: string) => a.toLocaleLowerCase('ky') === b.toLocaleLowerCase('ky');
	if (existing.some((s) => same(s.nameKy, subject.nameKy)))
		throw new ValidationError([{ field: 'nameKy', key: 'error_subject_exists' }]);
	const last = await db
		.selectFrom('subjects')
		.select((eb) => eb.fn.max('position').as('position'))
		.executeTakeFirst();
	const id = asId<SubjectId>(`custom-${newId()}`);
	try {
		await db
			.insertInto('subjects')
			.values({ id, ...subject, position: Number(last?.position ?? 0) + 1 })
			.execute();
	} catch (error) {
		// The same name sent twice at once: the unique index keeps one.
		if (isUniqueViolation(error))
			throw new ValidationError([{ field: 'nameKy', key: 'error_subject_exists' }]);
		throw error;
	}
	return { id };
}

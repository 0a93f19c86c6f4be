import { z } from 'zod';
import type { Actor } from '../../access/actor';
import { isUniqueViolation } from '../../db/errors';
import { newId } from '../../db/ids';
import type { DB } from '../../db/types';
import { ValidationError, text, validate } from '../../validation';
import { assertAllowed } from '../group-access/access';
import { canManageSchools } from '../schools/policy';

export const subjectInput = z.object({
	nameKy: text(80, 2),
	nameRu: text(80, 2),
	nameEn: text(80, 2)
});

/**
 * The operator adds a subject to the seed list (REFERENCE.md), named in all three
 * languages; it is offered in profiles and materials from then on. Nothing is removed, so
 * materials and profiles never lose a subject.
 */
export async function addSubject(db: DB, actor: Actor, rawInput: unknown): Promise<{ id: string }> {
	assertAllowed(canManageSchools(actor));
	const input = validate(subjectInput, rawInput);
	const existing = await db.selectFrom('subjects').select(['nameKy', 'nameRu', 'nameEn']).execute();
	const same = (a: string, b: string) => a.toLocaleLowerCase('ky') === b.toLocaleLowerCase('ky');
	if (existing.some((s) => same(s.nameKy, input.nameKy)))
		throw new ValidationError([{ field: 'nameKy', key: 'error_subject_exists' }]);
	const last = await db
		.selectFrom('subjects')
		.select((eb) => eb.fn.max('position').as('position'))
		.executeTakeFirst();
	const id = `custom-${newId()}`;
	try {
		await db
			.insertInto('subjects')
			.values({ id, ...input, position: Number(last?.position ?? 0) + 1 })
			.execute();
	} catch (error) {
		// The same name sent twice at once: the unique index keeps one.
		if (isUniqueViolation(error))
			throw new ValidationError([{ field: 'nameKy', key: 'error_subject_exists' }]);
		throw error;
	}
	return { id };
}

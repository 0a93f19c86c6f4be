import type { Kysely } from 'kysely';
import type { Actor } from '../../access/actor';
import type { Database } from '../../db/types';
import { validate, ValidationError } from '../../validation';
import { profileInput } from './input';
import type { Locale } from '../../../i18n/locale';

/** Name, subjects taught, years of experience, qualification category and language. */
export async function updateProfile(
	db: Kysely<Database>,
	actor: Actor,
	rawInput: unknown,
	now = new Date()
): Promise<{ locale: Locale }> {
	const input = validate(profileInput, rawInput);
	const subjectIds = [...new Set(input.subjects)];
	await db.transaction().execute(async (trx) => {
		if (subjectIds.length > 0) {
			const known = await trx
				.selectFrom('subjects')
				.select('id')
				.where('id', 'in', subjectIds)
				.execute();
			if (known.length !== subjectIds.length)
				throw new ValidationError([{ field: 'subjects', key: 'error_choice' }]);
		}
		await trx
			.updateTable('users')
			.set({
				fullName: input.fullName,
				experienceYears: input.experienceYears ?? null,
				qualificationCategory: input.qualificationCategory ?? null,
				locale: input.locale,
				updatedAt: now
			})
			.where('id', '=', actor.id)
			.execute();
		await trx.deleteFrom('userSubjects').where('userId', '=', actor.id).execute();
		if (subjectIds.length > 0)
			await trx
				.insertInto('userSubjects')
				.values(subjectIds.map((subjectId) => ({ userId: actor.id, subjectId })))
				.execute();
	});
	return { locale: input.locale };
}

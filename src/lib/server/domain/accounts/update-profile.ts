import type { Locale } from '../../../i18n/locale';
import { validate, ValidationError } from '../../validation';
import type { Ctx } from '../context';
import { updateProfileInput, type UpdateProfileInput } from './input';

/** Name, subjects taught, years of experience, qualification category and language. */
export async function updateProfile(
	{ db, actor, now }: Ctx,
	input: UpdateProfileInput
): Promise<{ locale: Locale }> {
	const profile = validate(updateProfileInput, input);
	const subjectIds = [...new Set(profile.subjects)];
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
				fullName: profile.fullName,
				experienceYears: profile.experienceYears ?? null,
				qualificationCategory: profile.qualificationCategory ?? null,
				locale: profile.locale,
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
	return { locale: profile.locale };
}

import { AppError } from '../../errors';
import { validate } from '../../validation';
import { findSchool } from '../accounts/queries';
import type { Ctx } from '../context';
import { updateSchoolInput, type UpdateSchoolInput } from './input';
import { canEditSchool } from './policy';

/** Name, region and city of a school, by its admin or an operator. */
export async function updateSchool(
	{ db, actor, now }: Ctx,
	input: UpdateSchoolInput
): Promise<void> {
	if (!canEditSchool(actor, input.schoolId) || !(await findSchool(db, input.schoolId)))
		throw new AppError('not_found', 'error_not_found');
	const school = validate(updateSchoolInput, input);
	await db
		.updateTable('schools')
		.set({ name: school.name, region: school.region, city: school.city, updatedAt: now })
		.where('id', '=', school.schoolId)
		.execute();
}

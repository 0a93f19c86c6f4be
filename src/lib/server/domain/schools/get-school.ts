import type { School } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { findSchool } from '../accounts/queries';
import type { Ctx } from '../context';
import { getSchoolInput, type GetSchoolInput } from './input';
import { canEditSchool } from './policy';

/** A school's record, for its admin or an operator; others get "not found". */
export async function getSchool({ db, actor }: Ctx, input: GetSchoolInput): Promise<School> {
	const school = canEditSchool(actor, input.schoolId)
		? await findSchool(db, input.schoolId)
		: undefined;
	if (!school) throw new AppError('not_found', 'error_not_found');
	validate(getSchoolInput, input);
	return school;
}

import type { Actor } from '../../access/actor';
import type { DB, School } from '../../db/types';
import { AppError } from '../../errors';
import { canEditSchool } from './policy';
import { findSchool } from '../accounts/queries';

/** A school's record, for its admin or an operator; others get "not found". */
export async function getSchool(db: DB, actor: Actor, schoolId: string): Promise<School> {
	const school = canEditSchool(actor, schoolId) ? await findSchool(db, schoolId) : undefined;
	if (!school) throw new AppError('not_found', 'error_not_found');
	return school;
}

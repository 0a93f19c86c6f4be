import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { schoolInput } from './input';
import { canEditSchool } from './policy';
import { findSchool } from '../accounts/queries';

/** Name, region and city of a school, by its admin or an operator. */
export async function updateSchool(
	db: DB,
	actor: Actor,
	schoolId: string,
	rawInput: unknown,
	now = new Date()
): Promise<void> {
	if (!canEditSchool(actor, schoolId) || !(await findSchool(db, schoolId)))
		throw new AppError('not_found', 'error_not_found');
	const input = validate(schoolInput, rawInput);
	await db
		.updateTable('schools')
		.set({ name: input.name, region: input.region, city: input.city, updatedAt: now })
		.where('id', '=', schoolId)
		.execute();
}

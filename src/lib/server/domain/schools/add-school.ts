import { newId } from '../../db/ids';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { newSchoolSlug } from './slug';
import {
	createInvitation,
	mailInvitation,
	type CreatedInvitation
} from '../accounts/create-invitation';
import type { Ctx } from '../context';
import { asId, type SchoolId } from '../ids';
import { addSchoolInput, type AddSchoolInput } from './input';
import { canManageSchools } from './policy';

/** District deployment: the operator adds a school and invites its first admin. */
export async function addSchool(
	{ db, actor, now }: Ctx,
	input: AddSchoolInput
): Promise<{ schoolId: SchoolId; invitation: CreatedInvitation; emailed: boolean }> {
	if (!canManageSchools(actor)) throw new AppError('forbidden', 'error_forbidden');
	const school = validate(addSchoolInput, input);
	const schoolId = asId<SchoolId>(newId());
	const invitation = await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('schools')
			.values({
				id: schoolId,
				name: school.name,
				slug: await newSchoolSlug(trx, school.name),
				region: school.region,
				city: school.city,
				createdAt: now,
				updatedAt: now
			})
			.execute();
		try {
			return await createInvitation(
				trx,
				{
					schoolId,
					email: school.adminEmail,
					role: 'admin',
					invitedBy: actor.id,
					locale: actor.locale
				},
				now
			);
		} catch (error) {
			if (error instanceof AppError && error.field === 'email')
				throw new AppError(error.code, error.messageKey, { field: 'adminEmail' });
			throw error;
		}
	});
	const emailed = await mailInvitation(invitation, school.adminEmail, school.name, actor.locale);
	return { schoolId, invitation, emailed };
}

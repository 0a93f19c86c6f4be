import type { Kysely } from 'kysely';
import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import type { Database } from '../../db/types';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import {
	createInvitation,
	mailInvitation,
	type CreatedInvitation
} from '../accounts/create-invitation';
import { addSchoolInput } from './input';
import { canManageSchools } from './policy';

/** District deployment: the operator adds a school and invites its first admin. */
export async function addSchool(
	db: Kysely<Database>,
	actor: Actor,
	rawInput: unknown,
	now = new Date()
): Promise<{ schoolId: string; invitation: CreatedInvitation; emailed: boolean }> {
	if (!canManageSchools(actor)) throw new AppError('forbidden', 'error_forbidden');
	const input = validate(addSchoolInput, rawInput);
	const schoolId = newId();
	const invitation = await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('schools')
			.values({
				id: schoolId,
				name: input.name,
				region: input.region,
				city: input.city,
				createdAt: now,
				updatedAt: now
			})
			.execute();
		try {
			return await createInvitation(
				trx,
				{
					schoolId,
					email: input.adminEmail,
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
	const emailed = await mailInvitation(invitation, input.adminEmail, input.name, actor.locale);
	return { schoolId, invitation, emailed };
}

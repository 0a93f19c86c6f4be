import { newId } from '../../db/ids';
import { isUniqueViolation } from '../../db/errors';
import type { Database } from '../../db/types';
import type { Kysely } from 'kysely';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { hashPassword } from '../accounts/password';
import { createSession, type NewSession } from '../accounts/sessions';
import { setupInput } from './input';

/**
 * First run (C1): creates the school and its first admin, who is also the deployment's
 * operator (can add further schools later). Only once: the `deployment` row has a fixed
 * primary key, so two people submitting at the same moment cannot both succeed.
 */
export async function setupDeployment(
	db: Kysely<Database>,
	rawInput: unknown,
	meta: { ip?: string; userAgent?: string } = {},
	now = new Date()
): Promise<{ userId: string; schoolId: string; session: NewSession }> {
	const input = validate(setupInput, rawInput);
	const passwordHash = await hashPassword(input.password);
	const schoolId = newId();
	const userId = newId();
	try {
		return await db.transaction().execute(async (trx) => {
			await trx.insertInto('deployment').values({ id: 1, setupAt: now }).execute();
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
			await trx
				.insertInto('users')
				.values({
					id: userId,
					schoolId,
					email: input.email,
					passwordHash,
					fullName: input.fullName,
					role: 'admin',
					isOperator: true,
					isActive: true,
					locale: input.locale,
					experienceYears: null,
					qualificationCategory: null,
					createdAt: now,
					updatedAt: now,
					deactivatedAt: null
				})
				.execute();
			const session = await createSession(trx, userId, meta, now);
			return { userId, schoolId, session };
		});
	} catch (error) {
		if (isUniqueViolation(error)) throw new AppError('conflict', 'error_setup_done');
		throw error;
	}
}

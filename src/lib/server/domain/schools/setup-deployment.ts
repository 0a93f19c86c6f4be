import { isUniqueViolation } from '../../db/errors';
import { newId } from '../../db/ids';
import { AppError } from '../../errors';
import { validate } from '../../validation';
import { newSchoolSlug } from './slug';
import { assertNewPassword, hashPassword } from '../accounts/password';
import { createSession, type NewSession } from '../accounts/sessions';
import type { AnonymousCtx } from '../context';
import { asId, type SchoolId, type UserId } from '../ids';
import { setupDeploymentInput, type SetupDeploymentInput } from './input';

/**
 * First run (C1): creates the school and its first admin, who is also the deployment's
 * operator (can add further schools later). Only once: the `deployment` row has a fixed
 * primary key, so two people submitting at the same moment cannot both succeed.
 */
export async function setupDeployment(
	{ db, now }: AnonymousCtx,
	input: SetupDeploymentInput
): Promise<{ userId: UserId; schoolId: SchoolId; session: NewSession }> {
	const setup = validate(setupDeploymentInput, input);
	assertNewPassword(setup.password, setup.email);
	const meta = { ip: input.ip, userAgent: input.userAgent };
	const passwordHash = await hashPassword(setup.password);
	const schoolId = asId<SchoolId>(newId());
	const userId = asId<UserId>(newId());
	try {
		return await db.transaction().execute(async (trx) => {
			await trx.insertInto('deployment').values({ id: 1, setupAt: now }).execute();
			await trx
				.insertInto('schools')
				.values({
					id: schoolId,
					name: setup.name,
					slug: await newSchoolSlug(trx, setup.name),
					region: setup.region,
					city: setup.city,
					createdAt: now,
					updatedAt: now
				})
				.execute();
			await trx
				.insertInto('users')
				.values({
					id: userId,
					schoolId,
					email: setup.email,
					passwordHash,
					fullName: setup.fullName,
					role: 'admin',
					isOperator: true,
					isActive: true,
					locale: setup.locale,
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

import type { QualificationCategory } from '../../db/types';
import { AppError } from '../../errors';
import type { Ctx } from '../context';
import { findUserById, subjectIdsOf } from './queries';

export interface Profile {
	fullName: string;
	email: string;
	subjects: string[];
	experienceYears: number | null;
	qualificationCategory: QualificationCategory | null;
	locale: string;
}

/** The signed-in user's own profile. */
export async function getProfile({ db, actor }: Ctx): Promise<Profile> {
	const user = await findUserById(db, actor.id);
	if (!user) throw new AppError('not_found', 'error_not_found');
	return {
		fullName: user.fullName,
		email: user.email,
		subjects: await subjectIdsOf(db, actor.id),
		experienceYears: user.experienceYears,
		qualificationCategory: user.qualificationCategory,
		locale: user.locale
	};
}

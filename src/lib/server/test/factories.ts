import { asId, type SchoolId, type UserId } from '../domain/ids';
import { newSchoolSlug } from '../domain/schools/slug';
import type { Actor } from '../access/actor';
import { newId } from '../db/ids';
import type { AccountRole, DB, User } from '../db/types';
import { hashPassword } from '../domain/accounts/password';
import { createSession } from '../domain/accounts/sessions';

/** The password every factory-made user has. */
export const testPassword = 'ала-тоонун үстүндө үч булут';
let testHash: Promise<string> | undefined;

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function makeSchool(
	db: DB,
	overrides: { name?: string } = {}
): Promise<{ id: SchoolId }> {
	const id = asId<SchoolId>(newId());
	const now = new Date();
	const name = overrides.name ?? `Мектеп №${unique()}`;
	await db
		.insertInto('schools')
		.values({
			id,
			name,
			slug: await newSchoolSlug(db, name),
			region: 'KG-C',
			city: 'Токмок',
			createdAt: now,
			updatedAt: now
		})
		.execute();
	return { id };
}

/** A user row whose ids are typed (a UserId, a SchoolId). */
export type TestUser = User & { id: UserId; schoolId: SchoolId | null };

export async function makeUser(
	db: DB,
	options: {
		schoolId: string | null;
		role?: AccountRole | null;
		isOperator?: boolean;
		isActive?: boolean;
		fullName?: string;
		email?: string;
		locale?: string;
	}
): Promise<TestUser> {
	testHash ??= hashPassword(testPassword);
	const now = new Date();
	const user: TestUser = {
		id: asId<UserId>(newId()),
		schoolId: options.schoolId === null ? null : asId<SchoolId>(options.schoolId),
		email: options.email ?? `u${unique()}@test.kg`,
		passwordHash: await testHash,
		fullName: options.fullName ?? 'Үмүт Өмүрбекова',
		role: options.role === undefined ? 'teacher' : options.role,
		isOperator: options.isOperator ?? false,
		isActive: options.isActive ?? true,
		locale: options.locale ?? 'ky',
		experienceYears: null,
		qualificationCategory: null,
		createdAt: now,
		updatedAt: now,
		deactivatedAt: options.isActive === false ? now : null,
		erasedAt: null,
		photoKey: null,
		photoUpdatedAt: null
	};
	await db.insertInto('users').values(user).execute();
	return user;
}

export function actorOf(user: User): Actor {
	return {
		id: asId<UserId>(user.id),
		email: user.email,
		fullName: user.fullName,
		schoolId: user.schoolId === null ? null : asId<SchoolId>(user.schoolId),
		role: user.role,
		isOperator: user.isOperator,
		locale: user.locale === 'ru' || user.locale === 'en' ? user.locale : 'ky'
	};
}

/** A session cookie value for the user, without going through the sign-in form. */
export async function sessionTokenFor(db: DB, user: User): Promise<string> {
	return (await createSession(db, user.id)).token;
}

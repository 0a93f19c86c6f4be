import type { DB } from '../../db/types';
import { ValidationError, type FieldIssue } from '../../validation';
import type { MaterialFields } from './input';

/**
 * Checks what the form chose against the database: subjects from the list, co-authors
 * among the group's current members (never the author themself). All issues at once.
 */
export async function checkChoices(
	db: DB,
	groupId: string,
	authorId: string,
	input: MaterialFields
): Promise<void> {
	const issues: FieldIssue[] = [];
	if (input.subjects.length > 0) {
		const known = await db
			.selectFrom('subjects')
			.select('id')
			.where('id', 'in', input.subjects)
			.execute();
		if (known.length !== new Set(input.subjects).size)
			issues.push({ field: 'subjects', key: 'error_choice' });
	}
	const coauthors = [...new Set(input.coauthors)].filter((id) => id !== authorId);
	if (coauthors.length > 0) {
		const members = await db
			.selectFrom('groupMembers')
			.select('userId')
			.where('groupId', '=', groupId)
			.where('leftAt', 'is', null)
			.where('userId', 'in', coauthors)
			.execute();
		if (members.length !== coauthors.length)
			issues.push({ field: 'coauthors', key: 'error_coauthor_not_member' });
	}
	if (issues.length > 0) throw new ValidationError(issues);
}

/** Replaces subjects, grades and co-authors; the main author stays as they are. */
export async function writeDetails(
	db: DB,
	materialId: string,
	authorId: string,
	input: MaterialFields
): Promise<void> {
	await db.deleteFrom('materialSubjects').where('materialId', '=', materialId).execute();
	await db.deleteFrom('materialGrades').where('materialId', '=', materialId).execute();
	await db
		.deleteFrom('materialAuthors')
		.where('materialId', '=', materialId)
		.where('isMain', '=', false)
		.execute();
	const subjects = [...new Set(input.subjects)];
	if (subjects.length > 0)
		await db
			.insertInto('materialSubjects')
			.values(subjects.map((subjectId) => ({ materialId, subjectId })))
			.execute();
	const grades = [...new Set(input.grades)];
	if (grades.length > 0)
		await db
			.insertInto('materialGrades')
			.values(grades.map((grade) => ({ materialId, grade })))
			.execute();
	const coauthors = [...new Set(input.coauthors)].filter((id) => id !== authorId);
	if (coauthors.length > 0)
		await db
			.insertInto('materialAuthors')
			.values(coauthors.map((userId) => ({ materialId, userId, isMain: false })))
			.execute();
}

import type { DB } from '../../db/types';
import { ValidationError } from '../../validation';

/** The chosen editors, each a current member of the group, else a field error. */
export async function checkEditors(db: DB, groupId: string, editors: string[]): Promise<string[]> {
	const unique = [...new Set(editors)];
	if (unique.length === 0) return [];
	const members = await db
		.selectFrom('groupMembers')
		.select('userId')
		.where('groupId', '=', groupId)
		.where('leftAt', 'is', null)
		.where('userId', 'in', unique)
		.execute();
	if (members.length !== unique.length)
		throw new ValidationError([{ field: 'editors', key: 'error_collection_editor' }]);
	return unique;
}

/** Replaces the collection's chosen editors, in the given order. */
export async function writeEditors(db: DB, collectionId: string, editors: string[]): Promise<void> {
	await db.deleteFrom('collectionEditors').where('collectionId', '=', collectionId).execute();
	if (editors.length > 0)
		await db
			.insertInto('collectionEditors')
			.values(editors.map((userId, position) => ({ collectionId, userId, position })))
			.execute();
}

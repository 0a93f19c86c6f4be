import { newId } from '../../db/ids';
import { nextNumber } from '../../db/next-number';
import type { DB } from '../../db/types';
import { charterFields, type Charter, type CharterField } from './input';

/** The charter part of a group row. */
export function charterOf(group: Charter): Charter {
	return Object.fromEntries(charterFields.map((f) => [f, group[f]])) as Charter;
}

/** Fields whose text differs between two charters. */
export function changedFields(before: Charter | null, after: Charter): CharterField[] {
	return charterFields.filter((f) => (before?.[f] ?? '') !== after[f]);
}

/** Keeps the whole charter after a change as the next numbered revision. */
export async function addRevision(
	db: DB,
	input: { groupId: string; authorId: string; charter: Charter; changed: CharterField[] },
	now: Date
): Promise<number> {
	const number = await nextNumber(db, 'groupRevisions', input.groupId);
	await db
		.insertInto('groupRevisions')
		.values({
			id: newId(),
			groupId: input.groupId,
			number,
			authorId: input.authorId,
			createdAt: now,
			snapshot: JSON.stringify(input.charter),
			changed: JSON.stringify(input.changed)
		})
		.execute();
	return number;
}

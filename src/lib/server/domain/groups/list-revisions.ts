import { AppError } from '../../errors';
import type { Ctx } from '../context';
import { charterFields, type Charter, type CharterField, type GroupInput } from './input';
import { groupAccess } from '../group-access/access';

export interface RevisionView {
	number: number;
	at: Date;
	authorName: string | null;
	changed: CharterField[];
	charter: Charter;
}

/** Every revision of the charter, newest first: members and staff see who changed what, when. */
export async function listRevisions(
	{ db, actor }: Ctx,
	input: GroupInput
): Promise<{ groupName: string; revisions: RevisionView[] }> {
	const access = await groupAccess(db, actor, input.groupId);
	const groupId = access.group.id;
	const rows = await db
		.selectFrom('groupRevisions as r')
		.leftJoin('users as u', 'u.id', 'r.authorId')
		.select(['r.number', 'r.createdAt', 'r.snapshot', 'r.changed', 'u.fullName'])
		.where('r.groupId', '=', groupId)
		.orderBy('r.number', 'desc')
		.execute();
	return {
		groupName: access.group.name,
		revisions: rows.map((r) => ({
			number: r.number,
			at: r.createdAt,
			authorName: r.fullName,
			changed: JSON.parse(r.changed) as CharterField[],
			charter: JSON.parse(r.snapshot) as Charter
		}))
	};
}

export interface FieldComparison {
	field: CharterField;
	before: string;
	after: string;
	isChanged: boolean;
}

/** Two revisions side by side, field by field (older first). */
export function compareRevisions(
	revisions: RevisionView[],
	from: number,
	to: number
): { from: RevisionView; to: RevisionView; fields: FieldComparison[] } {
	const older = revisions.find((r) => r.number === Math.min(from, to));
	const newer = revisions.find((r) => r.number === Math.max(from, to));
	if (!older || !newer) throw new AppError('not_found', 'error_revision_not_found');
	return {
		from: older,
		to: newer,
		fields: charterFields.map((field) => ({
			field,
			before: older.charter[field],
			after: newer.charter[field],
			isChanged: older.charter[field] !== newer.charter[field]
		}))
	};
}

import type { Actor } from '../../access/actor';
import type { DB, Material } from '../../db/types';
import { AppError } from '../../errors';
import { groupAccess, type GroupAccess } from '../group-access/access';
import { currentMemberNames } from '../group-access/members';
import { canSeeMaterial, editable, type MaterialPlace } from './policy';

export interface MaterialAccess extends GroupAccess, MaterialPlace {
	material: Material;
}

/**
 * The material and the actor's place: 404 when the group or the material cannot be seen,
 * so a draft is as invisible to others as another school's group.
 */
export async function materialAccess(
	db: DB,
	actor: Actor,
	groupId: string,
	materialId: string
): Promise<MaterialAccess> {
	const access = await groupAccess(db, actor, groupId);
	const material = await db
		.selectFrom('materials')
		.selectAll()
		.where('id', '=', materialId)
		.where('groupId', '=', groupId)
		.executeTakeFirst();
	if (!material) throw new AppError('not_found', 'error_material_not_found');
	const isAuthor = await isAuthorOf(db, materialId, actor.id);
	const place: MaterialAccess = { ...access, material, isAuthor };
	// Another's draft does not exist for them; offered work is the group's (403 to the staff).
	if (!canSeeMaterial(actor, place, material.status))
		throw material.status === 'draft'
			? new AppError('not_found', 'error_material_not_found')
			: new AppError('forbidden', 'error_forbidden');
	return place;
}

export async function isAuthorOf(db: DB, materialId: string, userId: string): Promise<boolean> {
	const row = await db
		.selectFrom('materialAuthors')
		.select('userId')
		.where('materialId', '=', materialId)
		.where('userId', '=', userId)
		.executeTakeFirst();
	return row !== undefined;
}

/** Authors in order: the main author first, then co-authors by name. */
export function authorsOf(db: DB, materialId: string) {
	return db
		.selectFrom('materialAuthors as a')
		.innerJoin('users as u', 'u.id', 'a.userId')
		.select(['u.id', 'u.fullName', 'a.isMain'])
		.where('a.materialId', '=', materialId)
		.orderBy('a.isMain', 'desc')
		.orderBy('u.fullName')
		.execute();
}

export async function subjectsOf(db: DB, materialId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('materialSubjects')
		.select('subjectId')
		.where('materialId', '=', materialId)
		.orderBy('subjectId')
		.execute();
	return rows.map((r) => r.subjectId);
}

export async function gradesOf(db: DB, materialId: string): Promise<number[]> {
	const rows = await db
		.selectFrom('materialGrades')
		.select('grade')
		.where('materialId', '=', materialId)
		.orderBy('grade')
		.execute();
	return rows.map((r) => Number(r.grade));
}

/** Attachments still on the material, oldest first. */
export function currentAttachments(db: DB, materialId: string) {
	return db
		.selectFrom('materialAttachments')
		.selectAll()
		.where('materialId', '=', materialId)
		.where('removedAt', 'is', null)
		.orderBy('uploadedAt')
		.orderBy('id')
		.execute();
}

/** For writes: decided materials and closed groups are read-only. */
export function assertEditable(allowed: boolean, access: MaterialAccess): void {
	if (access.isClosed) throw new AppError('conflict', 'error_group_closed');
	if (!allowed) {
		const decided = access.material.status === 'accepted' || access.material.status === 'archived';
		throw decided && access.isAuthor
			? new AppError('conflict', 'error_material_decided')
			: new AppError('forbidden', 'error_forbidden');
	}
}

/** The form showed `shown`; a newer version since means the actor has not read it yet. */
export function assertSameVersion(shown: number | undefined, current: number): void {
	if (shown !== undefined && shown !== current)
		throw new AppError('conflict', 'error_material_new_version', { params: { version: current } });
}

/**
 * Inside a write: marks the material changed, but only while it may still change. A decision
 * taken since the actor loaded it makes this a conflict instead of a change to a decided
 * material.
 */
export async function touchEditable(db: DB, materialId: string, now: Date): Promise<void> {
	const touched = await db
		.updateTable('materials')
		.set({ updatedAt: now })
		.where('id', '=', materialId)
		.where('status', 'in', editable)
		.executeTakeFirst();
	if (Number(touched.numUpdatedRows) === 0)
		throw new AppError('conflict', 'error_material_decided');
}

/** Who may be named co-author: the group's current members but the main author. */
export async function coauthorChoices(db: DB, groupId: string, mainAuthorId: string) {
	const members = await currentMemberNames(db, groupId);
	return members.filter((m) => m.id !== mainAuthorId);
}

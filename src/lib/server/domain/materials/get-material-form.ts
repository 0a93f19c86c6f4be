import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { assertAllowed, assertOpen, groupAccess } from '../group-access/access';
import { currentMemberNames } from '../group-access/members';
import { canCreateMaterial, canEditMaterial } from './policy';
import { assertEditable, authorsOf, gradesOf, materialAccess, subjectsOf } from './queries';

/** Who may be named co-author: the group's current members but the main author. */
async function coauthorChoices(db: DB, groupId: string, mainAuthorId: string) {
	const members = await currentMemberNames(db, groupId);
	return members.filter((m) => m.id !== mainAuthorId);
}

/** The empty form of a new material, for a member of an open group. */
export async function getNewMaterialForm(db: DB, actor: Actor, groupId: string) {
	const access = await groupAccess(db, actor, groupId);
	assertAllowed(canCreateMaterial(actor, access));
	assertOpen(access);
	return { members: await coauthorChoices(db, groupId, actor.id) };
}

/** The saved material as form values, for its authors while it may still change. */
export async function getMaterialForEdit(
	db: DB,
	actor: Actor,
	groupId: string,
	materialId: string
) {
	const access = await materialAccess(db, actor, groupId, materialId);
	assertEditable(canEditMaterial(actor, access, access.material.status), access);
	const { material } = access;
	const [authors, subjects, grades] = await Promise.all([
		authorsOf(db, materialId),
		subjectsOf(db, materialId),
		gradesOf(db, materialId)
	]);
	const members = await coauthorChoices(db, groupId, material.authorId);
	// A co-author who has left stays credited; they are listed so the box stays ticked.
	for (const a of authors)
		if (!a.isMain && !members.some((m) => m.id === a.id))
			members.push({ id: a.id, fullName: a.fullName });
	return {
		material: {
			id: material.id,
			title: material.title,
			status: material.status,
			versionNumber: material.versionNumber
		},
		values: {
			type: material.type,
			title: material.title,
			language: material.language,
			abstract: material.abstract,
			body: material.bodyHtml,
			tags: (JSON.parse(material.tags) as string[]).join(', '),
			subjects,
			grades: grades.map(String),
			coauthors: authors.filter((a) => !a.isMain).map((a) => a.id)
		} as Record<string, string | string[]>,
		members
	};
}

// Checked before a large form body is read (pasted pictures, a Word file, uploads), so that
// nobody can make the server hold megabytes for a form they may not send.

export async function assertCanCreate(db: DB, actor: Actor, groupId: string): Promise<void> {
	const access = await groupAccess(db, actor, groupId);
	assertAllowed(canCreateMaterial(actor, access));
	assertOpen(access);
}

export async function assertCanEdit(
	db: DB,
	actor: Actor,
	groupId: string,
	materialId: string
): Promise<void> {
	const access = await materialAccess(db, actor, groupId, materialId);
	assertEditable(canEditMaterial(actor, access, access.material.status), access);
}

import { validate } from '../../validation';
import type { Ctx } from '../context';
import { getMaterialForEditInput, type GetMaterialForEditInput } from './input';
import { canEditMaterial } from './policy';
import {
	assertEditable,
	authorsOf,
	coauthorChoices,
	gradesOf,
	materialAccess,
	subjectsOf
} from './queries';

/** The saved material as form values, for its authors while it may still change. */
export async function getMaterialForEdit({ db, actor }: Ctx, input: GetMaterialForEditInput) {
	const access = await materialAccess(db, actor, input.groupId, input.materialId);
	assertEditable(canEditMaterial(actor, access, access.material.status), access);
	const { groupId, materialId } = validate(getMaterialForEditInput, input);
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

import { validate } from '../../validation';
import type { Ctx } from '../context';
import { materialFileInput, type MaterialFileInput } from './input';
import { materialFile, type MaterialFile } from './material-file';
import { acceptedMaterial } from './queries';

/** The accepted version's DOCX or PDF, for those who may read the material. */
export async function getMaterialFile(
	{ db, actor, store }: Ctx,
	input: MaterialFileInput
): Promise<MaterialFile> {
	const { versionNumber } = await acceptedMaterial(db, actor, input.groupId, input.materialId);
	const { materialId, format } = validate(materialFileInput, input);
	return materialFile({ db, store }, { materialId, versionNumber, format });
}

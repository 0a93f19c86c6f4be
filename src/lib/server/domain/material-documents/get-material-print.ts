import { validate } from '../../validation';
import type { Ctx } from '../context';
import { materialPrintInput, type MaterialPrintInput } from './input';
import { materialDocumentModel, type MaterialDocumentModel } from './model';
import { acceptedMaterial } from './queries';

/**
 * The accepted version as its print view shows it, for those who may read the material: the
 * document's texts, labels in the material's own language (as its DOCX and PDF).
 */
export async function getMaterialPrint(
	{ db, actor }: Ctx,
	input: MaterialPrintInput
): Promise<MaterialDocumentModel> {
	const { versionNumber } = await acceptedMaterial(db, actor, input.groupId, input.materialId);
	const { materialId } = validate(materialPrintInput, input);
	return materialDocumentModel(db, { materialId, versionNumber });
}

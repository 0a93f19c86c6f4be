import { z } from 'zod';
import { groupId, materialId } from '../ids';

/** The print view of a material (its accepted version). */
export const materialPrintInput = z.object({ groupId, materialId });
export type MaterialPrintInput = z.input<typeof materialPrintInput>;

/** A material's own DOCX or PDF (its accepted version). */
export const materialFileInput = z.object({
	groupId,
	materialId,
	format: z.enum(['docx', 'pdf'])
});
export type MaterialFileInput = z.input<typeof materialFileInput>;

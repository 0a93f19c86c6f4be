import { z } from 'zod';
import { locales } from '../../../i18n/locale';
import { text } from '../../validation';

// Inputs of the subjects use cases. Field names match the form fields.

export const addSubjectInput = z.object({
	nameKy: text(80, 2),
	nameRu: text(80, 2),
	nameEn: text(80, 2)
});
export type AddSubjectInput = z.input<typeof addSubjectInput>;

export const listSubjectsInput = z.object({
	/** The reader's language: each subject is named in it. */
	locale: z.enum(locales)
});
export type ListSubjectsInput = z.input<typeof listSubjectsInput>;

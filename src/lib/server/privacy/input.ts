import { z } from 'zod';
import { text } from '../validation';
import { userId } from '../domain/ids';

// Inputs of the personal-data use cases. Field names match the form fields.

export const exportPersonalDataInput = z.object({ userId });
export type ExportPersonalDataInput = z.input<typeof exportPersonalDataInput> & { ip?: string };

/** The name kept as the author of what stays in the group's record (initials by default). */
export const keptName = text(120, 1);

export const erasePersonalDataInput = z.object({
	userId,
	keptName,
	/** The person's email address, typed again: the admin erases the person they mean. */
	confirmEmail: z.string().trim().toLowerCase().min(1).max(254),
	/** The admin's own password: erasure cannot be undone. */
	password: z.string().min(1).max(128)
});
export type ErasePersonalDataInput = z.input<typeof erasePersonalDataInput> & { ip?: string };

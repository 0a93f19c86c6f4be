import { z } from 'zod';
import { list } from '../../validation';
import { userId } from '../ids';

// Inputs of the profile photo use cases (issue 17).

/** The upload, already streamed to a temporary file by the web layer (never user-typed). */
export interface PhotoUpload {
	/** The temporary file. */
	path: string;
	size: number;
}

export const setPhotoInput = z.object({ userId });
/** Whose photo (only one's own) and the received file, or null when the input was empty. */
export type SetPhotoInput = z.input<typeof setPhotoInput> & { file: PhotoUpload | null };

export const removePhotoInput = z.object({ userId });
export type RemovePhotoInput = z.input<typeof removePhotoInput>;

export const getPhotoInput = z.object({
	userId,
	size: z.enum(['large', 'small']).default('large')
});
export type GetPhotoInput = z.input<typeof getPhotoInput>;

export const getFacesInput = z.object({ userIds: list(userId, 1000) });
export type GetFacesInput = z.input<typeof getFacesInput>;

import { z } from 'zod';
import { materialStatuses, materialTypes } from '../../db/types';
import type { ReceivedFile } from '../../files/receive';
import { list, longText, optionalText, text, wholeNumber } from '../../validation';
import { attachmentId, commentId, groupId, materialId, subjectId, userId } from '../ids';

// Inputs of the materials use cases, one schema each. Field names match the form fields.

export const MAX_TAGS = 15;
export const MAX_COAUTHORS = 20;
/** The body as sent by the editor, pasted pictures included (base64); the form takes 25 MB. */
export const MAX_BODY_CHARS = 24_000_000;
/** The body once its pictures are stored apart: text and markup. */
export const MAX_BODY_TEXT_CHARS = 2_000_000;

/** Tags as typed: trimmed, without a leading '#', blanks dropped, each once. */
const tags = z
	.array(z.string())
	.default([])
	.transform((values) => [
		...new Set(values.map((t) => t.trim().replace(/^#/, '')).filter(Boolean))
	])
	.pipe(z.array(z.string().max(40)).max(MAX_TAGS));

const isGrade = (g: number) => Number.isInteger(g) && g >= 1 && g <= 12;

/** A material's fields, as its authors fill them in. */
export const materialFields = z.object({
	type: z.enum(materialTypes),
	title: text(200, 3),
	language: z.enum(['ky', 'ru', 'en']),
	abstract: longText(2000),
	/** Plain text or HTML from the editor, pasted pictures as data: URIs. */
	body: z.string().max(MAX_BODY_CHARS).default(''),
	subjects: list(subjectId, 10),
	/** School grades 1–12. */
	grades: list(z.number(), 12).refine((grades) => grades.every(isGrade), 'error_choice'),
	tags,
	/** Current members of the group (co-authors already credited may have left). */
	coauthors: list(userId, MAX_COAUTHORS)
});
/** The fields as a caller gives them. */
export type MaterialFieldsInput = z.input<typeof materialFields>;
/** The fields once checked: what is written to the material. */
export type MaterialFields = z.output<typeof materialFields>;

export const createMaterialInput = materialFields.extend({ groupId });
export type CreateMaterialInput = z.input<typeof createMaterialInput>;

/**
 * The "new material" page with its files: a Word file to start the body from (the form's
 * `docx` field) and files to attach, streamed to temporary files by the caller.
 */
export type CreateMaterialWithFilesInput = CreateMaterialInput &
	AttachLimits & {
		word: ReceivedFile | null;
		files: ReceivedFile[];
		/** Whether this deployment converts Word 97–2003 files (configuration LIBREOFFICE). */
		convertsLegacy: boolean;
	};

/** The page of a .doc being converted for a new material: the conversion job. */
export const getLegacyImportInput = z.object({ groupId, jobId: z.string().min(1).max(64) });
export type GetLegacyImportInput = z.input<typeof getLegacyImportInput>;

export const updateMaterialInput = materialFields.extend({ groupId, materialId });
export type UpdateMaterialInput = z.input<typeof updateMaterialInput>;

export const getMaterialInput = z.object({ groupId, materialId });
export type GetMaterialInput = z.input<typeof getMaterialInput>;

export const listVersionsInput = z.object({ groupId, materialId });
export type ListVersionsInput = z.input<typeof listVersionsInput>;

export const getNewMaterialFormInput = z.object({ groupId });
export type GetNewMaterialFormInput = z.input<typeof getNewMaterialFormInput>;

export const getMaterialForEditInput = z.object({ groupId, materialId });
export type GetMaterialForEditInput = z.input<typeof getMaterialForEditInput>;

/** Checked before a large form body is read: may the actor start a material here? */
export const assertCanCreateInput = z.object({ groupId });
export type AssertCanCreateInput = z.input<typeof assertCanCreateInput>;

/** Checked before a large form body is read: may the actor change this material? */
export const assertCanEditInput = z.object({ groupId, materialId });
export type AssertCanEditInput = z.input<typeof assertCanEditInput>;

export const offerMaterialInput = z.object({ groupId, materialId });
export type OfferMaterialInput = z.input<typeof offerMaterialInput>;

/** The group's space for files (configuration MAX_GROUP_FILES_MB), given by the caller. */
export interface AttachLimits {
	/** All files of one group together. */
	maxGroupBytes: number;
}

export const attachFilesInput = z.object({ groupId, materialId });
/** The files arrive already received: streamed to temporary files by the caller. */
export type AttachFilesInput = z.input<typeof attachFilesInput> &
	AttachLimits & { files: ReceivedFile[] };

export const importWordInput = z.object({ groupId, materialId });
/** The Word file as read whole (the form's `docx` field); null when none was chosen. */
export type ImportWordInput = z.input<typeof importWordInput> & {
	docx: { bytes: Uint8Array; name?: string } | null;
};

export const removeAttachmentInput = z.object({ groupId, materialId, attachmentId });
export type RemoveAttachmentInput = z.input<typeof removeAttachmentInput>;

export const getAttachmentInput = z.object({ groupId, materialId, attachmentId });
export type GetAttachmentInput = z.input<typeof getAttachmentInput>;

export const previewAttachmentInput = z.object({ groupId, materialId, attachmentId });
export type PreviewAttachmentInput = z.input<typeof previewAttachmentInput>;

/** A picture of the body, by its key in the file store. */
export const getBodyImageInput = z.object({ groupId, materialId, key: z.string().max(128) });
export type GetBodyImageInput = z.input<typeof getBodyImageInput>;

/** Where the leader may move a material, and whether a reason is required (§3.3). */
export const decisionTargets = [
	'under_review',
	'revision_requested',
	'accepted',
	'archived'
] as const;
export type DecisionTarget = (typeof decisionTargets)[number];

export const decideMaterialInput = z
	.object({
		groupId,
		materialId,
		to: z.enum(decisionTargets),
		/** The version the leader was looking at. */
		version: wholeNumber(0, 1_000_000).optional(),
		reason: optionalText(2000)
	})
	.refine((d) => d.to === 'under_review' || (d.reason?.length ?? 0) >= 3, {
		message: 'error_reason_required',
		path: ['reason']
	});
export type DecideMaterialInput = z.input<typeof decideMaterialInput>;

export const addCommentInput = z.object({
	groupId,
	materialId,
	body: text(5000),
	/** The comment this one answers, in the same material. */
	parentId: commentId.optional()
});
export type AddCommentInput = z.input<typeof addCommentInput>;

/** The list's filters: one that makes no sense is dropped, not refused (it comes from a link). */
export const listMaterialsInput = z.object({
	groupId,
	type: z.enum(materialTypes).optional().catch(undefined),
	subject: subjectId.optional().catch(undefined),
	grade: wholeNumber(1, 12).optional().catch(undefined),
	status: z.enum(materialStatuses).optional().catch(undefined),
	author: userId.optional().catch(undefined),
	sort: z.enum(['updated', 'title', 'offered']).default('updated').catch('updated')
});
export type ListMaterialsInput = z.input<typeof listMaterialsInput>;

/** "My materials" and "waiting for my opinion": the actor's own, nothing to name. */
export const listMyMaterialsInput = z.object({});
export type ListMyMaterialsInput = z.input<typeof listMyMaterialsInput>;

import { z } from 'zod';
import { day, list, longText, optionalText, text, wholeNumber, flag } from '../../validation';
import { collectionId, groupId, itemId, materialId, sectionId, userId } from '../ids';

// Inputs of the collections use cases: one schema per use case, ids included. Field names
// match the form fields.

export const MAX_COLLECTIONS = 50;
export const MAX_SECTIONS = 30;
export const MAX_ITEMS = 300;
export const MAX_EDITORS = 20;
export const MAX_REVIEWERS = 5;
export const MAX_REVIEWER_CHARS = 200;
/** A compiler's post as printed ("башталгыч класстардын мугалими"). */
export const MAX_POST_CHARS = 150;
/** Posts one form may send: one per member of a large group. */
export const MAX_POST_ROWS = 200;
/** A protocol's number as the body wrote it ("2", "2/1"). */
export const MAX_PROTOCOL_CHARS = 20;
/** Who recommended the collection for print: the sentence is written per language. */
export const APPROVAL_BODIES = ['group', 'methodical_council', 'pedagogical_council'] as const;
export type ApprovalBody = (typeof APPROVAL_BODIES)[number];
/**
 * What one edition may hold, so a compile stays within memory: table rows in one material
 * (Typst needs ~90 MB per 1,000 rows) and the bodies' HTML of all materials together (the
 * 300-page bench is ~1.5 MB and peaks at ~700 MB).
 */
export const MAX_TABLE_ROWS = 2_000;
export const MAX_EDITION_CHARS = 4_000_000;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** Edition numbers as a URL may name them. */
export const MAX_EDITION_NUMBER = 999_999;

/** Reviewers, one each ("Б. Асанова, п.и.к., доцент"); blank ones are dropped. */
const reviewers = z
	.array(z.string())
	.default([])
	.transform((lines) => lines.map((line) => line.trim()).filter(Boolean))
	// Checked as a whole so the error is the field's (not line N's) and says what is wrong.
	.refine((lines) => lines.length <= MAX_REVIEWERS, {
		message: 'error_collection_reviewers',
		params: { max: MAX_REVIEWERS }
	})
	.refine((lines) => lines.every((line) => line.length <= MAX_REVIEWER_CHARS), {
		message: 'error_collection_reviewer_long',
		params: { max: MAX_REVIEWER_CHARS }
	});

/** Compilers' posts by user id; blank ones are dropped (a post is optional). */
const editorPosts = z
	.record(z.string().max(64), z.string())
	.default({})
	.transform((posts) =>
		Object.fromEntries(
			Object.entries(posts)
				.map(([id, post]) => [id, post.trim()] as const)
				.filter(([, post]) => post !== '')
		)
	)
	// The form offers a post to every member; only the compilers' are kept (queries.ts).
	.refine((posts) => Object.keys(posts).length <= MAX_POST_ROWS, {
		message: 'error_collection_editors_many',
		params: { max: MAX_POST_ROWS }
	})
	.refine((posts) => Object.values(posts).every((post) => post.length <= MAX_POST_CHARS), {
		message: 'error_collection_post_long',
		params: { max: MAX_POST_CHARS }
	});

/** An empty date field means none. */
const optionalDay = z.preprocess(
	(value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
	day.optional()
);

/** The title page, editors, reviewers and preface, as the leader fills them in. */
export const collectionFields = z.object({
	title: text(200, 3),
	subtitle: optionalText(300),
	year: wholeNumber(MIN_YEAR, MAX_YEAR),
	language: z.enum(['ky', 'ru', 'en']),
	city: optionalText(100),
	approvalNote: optionalText(1000),
	approvalBody: z.enum(APPROVAL_BODIES).default('group'),
	approvalProtocol: optionalText(MAX_PROTOCOL_CHARS),
	approvalDate: optionalDay,
	/** Each material on a new page, or following the previous one. */
	itemsFlow: z.enum(['page', 'flow']).default('page'),
	editorPosts,
	preface: longText(20_000),
	reviewers,
	/** Members chosen as editors besides the leader, in the order ticked. */
	editors: list(userId, MAX_EDITORS)
});

export const listCollectionsInput = z.object({ groupId });
export type ListCollectionsInput = z.input<typeof listCollectionsInput>;

export const createCollectionInput = collectionFields.extend({ groupId });
export type CreateCollectionInput = z.input<typeof createCollectionInput>;

export const updateCollectionInput = collectionFields.extend({ groupId, collectionId });
export type UpdateCollectionInput = z.input<typeof updateCollectionInput>;

/** The title-page form: a new collection's, or (with its id) an existing one's. */
export const getCollectionFormInput = z.object({
	groupId,
	collectionId: collectionId.optional()
});
export type GetCollectionFormInput = z.input<typeof getCollectionFormInput>;

/** One collection of the group. */
export const collectionRef = z.object({ groupId, collectionId });
export type CollectionRef = z.input<typeof collectionRef>;

export const getCollectionInput = collectionRef;
export type GetCollectionInput = CollectionRef;

export const compileCollectionInput = collectionRef;
export type CompileCollectionInput = CollectionRef;

const sectionFields = z.object({
	title: text(200),
	intro: longText(4000)
});

export const addSectionInput = sectionFields.extend({ groupId, collectionId });
export type AddSectionInput = z.input<typeof addSectionInput>;

export const updateSectionInput = sectionFields.extend({ groupId, collectionId, sectionId });
export type UpdateSectionInput = z.input<typeof updateSectionInput>;

export const removeSectionInput = z.object({ groupId, collectionId, sectionId });
export type RemoveSectionInput = z.input<typeof removeSectionInput>;

const direction = z.enum(['up', 'down']);

export const moveSectionInput = z.object({ groupId, collectionId, sectionId, direction });
export type MoveSectionInput = z.input<typeof moveSectionInput>;

/** An accepted material, put at the end of a section (both chosen on the form). */
export const addItemInput = z.object({
	groupId,
	collectionId,
	sectionId: sectionId.min(1),
	materialId: materialId.min(1)
});
export type AddItemInput = z.input<typeof addItemInput>;

export const updateItemNoteInput = z.object({
	groupId,
	collectionId,
	itemId,
	note: longText(2000)
});
export type UpdateItemNoteInput = z.input<typeof updateItemNoteInput>;

/** Whether the material's approbation results (tables and charts) are printed with it. */
export const setItemResultsInput = z.object({ groupId, collectionId, itemId, hasResults: flag });
export type SetItemResultsInput = z.input<typeof setItemResultsInput>;

export const removeItemInput = z.object({ groupId, collectionId, itemId });
export type RemoveItemInput = z.input<typeof removeItemInput>;

export const moveItemInput = z.object({ groupId, collectionId, itemId, direction });
export type MoveItemInput = z.input<typeof moveItemInput>;

/** The order drag-and-drop produced: "sectionId:itemId" pairs, top to bottom. */
export const reorderItemsInput = z.object({
	groupId,
	collectionId,
	order: list(z.string().regex(/^[0-9a-f-]{1,64}:[0-9a-f-]{1,64}$/), MAX_ITEMS)
});
export type ReorderItemsInput = z.input<typeof reorderItemsInput>;

/** One edition of a collection, by its number. */
export const editionRef = z.object({
	groupId,
	collectionId,
	number: wholeNumber(1, MAX_EDITION_NUMBER)
});
export type EditionRef = z.input<typeof editionRef>;

export const getEditionInput = editionRef;
export type GetEditionInput = EditionRef;

export const retryEditionInput = editionRef;
export type RetryEditionInput = EditionRef;

export const approveEditionInput = editionRef;
export type ApproveEditionInput = EditionRef;

export const webEditionInput = editionRef;
export type WebEditionInput = EditionRef;

export const editionFileInput = editionRef.extend({ format: z.enum(['docx', 'pdf']) });
export type EditionFileInput = z.input<typeof editionFileInput>;

/** A picture of the web edition, by its key in the file store (one its content uses). */
export const editionImageInput = editionRef.extend({ key: z.string() });
export type EditionImageInput = z.input<typeof editionImageInput>;

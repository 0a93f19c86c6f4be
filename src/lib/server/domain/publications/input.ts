import { z } from 'zod';
import { audiences, licences } from '../../db/types';
import { longText, reason } from '../../validation';
import { editionId, groupId, materialId, publicationId } from '../ids';

/** What a group can publish: an approved edition, an accepted material, its results page. */
export const publicationTarget = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('edition'), editionId }),
	z.object({ kind: z.literal('material'), materialId }),
	z.object({ kind: z.literal('results') })
]);
export type PublicationTarget = z.output<typeof publicationTarget>;

export const requestPublicationInput = z.object({
	groupId,
	target: publicationTarget,
	audience: z.enum(audiences),
	/** §3.4: CC BY 4.0 unless the authors chose otherwise. */
	licence: z.enum(licences).default('cc_by')
});
export type RequestPublicationInput = z.input<typeof requestPublicationInput>;

export const answerConsentInput = z.object({
	publicationId,
	decision: z.enum(['consented', 'refused']),
	/** Why an author refuses (optional): the publisher reads it. */
	reason: longText(500)
});
export type AnswerConsentInput = z.input<typeof answerConsentInput>;

export const withdrawPublicationInput = z.object({ groupId, publicationId });
export type WithdrawPublicationInput = z.input<typeof withdrawPublicationInput>;

export const unpublishInput = z.object({
	groupId,
	publicationId,
	/** Shown on the tombstone left at the address. */
	reason
});
export type UnpublishInput = z.input<typeof unpublishInput>;

export const groupPublicationsInput = z.object({ groupId });
export type GroupPublicationsInput = z.input<typeof groupPublicationsInput>;

/** A permanent address's code: letters and digits only (see code.ts). */
export const publicationCode = z.string().regex(/^[a-z0-9]{4,16}$/);
export const publicationInput = z.object({ code: publicationCode });
export type PublicationInput = z.input<typeof publicationInput>;

export const schoolPageInput = z.object({ slug: z.string().regex(/^[a-z0-9-]{1,64}$/) });
export type SchoolPageInput = z.input<typeof schoolPageInput>;

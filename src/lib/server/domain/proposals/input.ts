import { z } from 'zod';
import type { ReceivedFile } from '../../files/receive';
import { proposalKinds, proposalStatuses } from '../../db/types';
import { reason, text } from '../../validation';
import { attachmentId, groupId, proposalId } from '../ids';

/** Files one proposal may carry. */
export const MAX_PROPOSAL_FILES = 10;

// One schema per use case, ids included. A use case whose input is only ids does not
// validate it again: an id that names nothing is "not found" when it is looked up.

const ofProposal = { groupId, proposalId };

export const createProposalInput = z.object({
	groupId,
	kind: z.enum(proposalKinds),
	title: text(200, 3),
	body: text(8000)
});
export type CreateProposalInput = z.input<typeof createProposalInput> & {
	/** The files already received (web/uploads.ts), kept in the file store by the use case. */
	files: ReceivedFile[];
	/** The deployment's limit on the files of a group, all together. */
	maxGroupBytes: number;
};

export const canProposeInput = z.object({ groupId });
export type CanProposeInput = z.input<typeof canProposeInput>;

export const analyzeProposalInput = z.object({ ...ofProposal, analysis: text(8000) });
export type AnalyzeProposalInput = z.input<typeof analyzeProposalInput>;

export const returnProposalInput = z.object({ ...ofProposal, reason });
export type ReturnProposalInput = z.input<typeof returnProposalInput>;

export const putToDiscussionInput = z.object(ofProposal);
export type PutToDiscussionInput = z.input<typeof putToDiscussionInput>;

export const withdrawProposalInput = z.object(ofProposal);
export type WithdrawProposalInput = z.input<typeof withdrawProposalInput>;

export const getProposalInput = z.object(ofProposal);
export type GetProposalInput = z.input<typeof getProposalInput>;

export const proposalThreadInput = z.object(ofProposal);
export type ProposalThreadInput = z.input<typeof proposalThreadInput>;

export const getProposalAttachmentInput = z.object({ ...ofProposal, attachmentId });
export type GetProposalAttachmentInput = z.input<typeof getProposalAttachmentInput>;

/** The list's filter, from the page's address: a status that is none lists them all. */
export const proposalFilter = z.object({
	status: z.enum(proposalStatuses).optional().catch(undefined)
});

export const listProposalsInput = proposalFilter.extend({ groupId });
export type ListProposalsInput = z.input<typeof listProposalsInput>;

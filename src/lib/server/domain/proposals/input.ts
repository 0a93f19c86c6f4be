import { z } from 'zod';
import { proposalKinds, proposalStatuses } from '../../db/types';
import { text } from '../../validation';
import { reason } from '../../validation';

/** Files one proposal may carry. */
export const MAX_PROPOSAL_FILES = 10;

export const proposalInput = z.object({
	kind: z.enum(proposalKinds),
	title: text(200, 3),
	body: text(8000)
});

export const analysisInput = z.object({ analysis: text(8000) });

export const returnInput = z.object({ reason });

export const proposalFilter = z.object({
	status: z.enum(proposalStatuses).optional().catch(undefined)
});

import { z } from 'zod';
import { many, optionalInt, optionalText, text } from '../../validation';
import { longText } from '../../validation';

export const MAX_OPTIONS = 20;
export const MAX_OPTION_CHARS = 200;

/** Options typed one per line; blank lines are dropped. */
const optionLines = z.preprocess(
	(v) =>
		typeof v === 'string'
			? v
					.split('\n')
					.map((line) => line.trim())
					.filter(Boolean)
			: v,
	z.array(z.string().max(MAX_OPTION_CHARS)).max(MAX_OPTIONS)
);

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

export const voteInput = z.object({
	proposalId: optionalText(64),
	/** A vote on approving a compiled edition of a methodological collection. */
	collectionEditionId: optionalText(64),
	question: text(300, 3),
	description: longText(4000),
	kind: z.enum(['yes_no', 'single', 'multiple']),
	options: optionLines.default([]),
	maxChoices: optionalInt(1, MAX_OPTIONS),
	quorumPercent: optionalInt(1, 100),
	/** The deadline as the deployment's wall-clock time, 'YYYY-MM-DDTHH:MM'; empty: none. */
	closesAt: optionalText(16),
	isSecret: checkbox,
	isExternalAllowed: checkbox,
	tally: z.enum(['live', 'after_close']).default('live')
});

export const ballotInput = z.object({ choices: many(z.string().max(64), MAX_OPTIONS) });

export const decisionInput = z.object({
	text: text(4000),
	meetingId: optionalText(64)
});

import { newId } from '../../db/ids';
import { inTransaction, retryOnConflict } from '../../db/transaction';
import { nextNumber } from '../../db/next-number';
import { storeReceived } from '../../files/store-received';
import { validate, ValidationError } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen, groupWorkAccess } from '../group-access/access';
import { asId, type ProposalId } from '../ids';
import { groupBytes } from '../materials/attach-files';
import {
	createProposalInput,
	MAX_PROPOSAL_FILES,
	type CanProposeInput,
	type CreateProposalInput
} from './input';
import { canPropose } from './policy';
import { recordProposalEvent } from './queries';

/** Access for the form: checked before an upload's body is read. */
export async function assertCanPropose({ db, actor }: Ctx, input: CanProposeInput): Promise<void> {
	const access = await groupWorkAccess(db, actor, input.groupId);
	assertAllowed(canPropose(actor, access));
	assertOpen(access);
}

/**
 * §3.3, §5.3: a member proposes (a theme, a strategy, a plan item, …) with optional files.
 * The proposal gets the group's next number and its own discussion thread, which opens
 * when the leader puts it to discussion.
 */
export async function createProposal(
	ctx: Ctx,
	input: CreateProposalInput
): Promise<{ proposalId: ProposalId; number: number }> {
	const { db, actor, now, store } = ctx;
	await assertCanPropose(ctx, input);
	const { groupId, kind, title, body } = validate(createProposalInput, input);
	const { files, maxGroupBytes } = input;
	if (files.length > MAX_PROPOSAL_FILES)
		throw new ValidationError([
			{ field: 'files', key: 'error_too_many_files', params: { max: MAX_PROPOSAL_FILES } }
		]);
	const stored = await storeReceived(store, files);
	const proposalId = asId<ProposalId>(newId());
	return retryOnConflict(() =>
		inTransaction(db, async (trx) => {
			const used = await groupBytes(trx, groupId);
			const adding = stored.reduce((sum, f) => sum + f.size, 0);
			if (adding > 0 && used + adding > maxGroupBytes)
				throw new ValidationError([
					{
						field: 'files',
						key: 'error_group_quota',
						params: { max: Math.round(maxGroupBytes / 1024 / 1024) }
					}
				]);
			const number = await nextNumber(trx, 'proposals', groupId);
			await trx
				.insertInto('proposals')
				.values({
					id: proposalId,
					groupId,
					number,
					kind,
					title,
					body,
					status: 'submitted',
					authorId: actor.id,
					analysis: '',
					analyzedBy: null,
					analyzedAt: null,
					createdAt: now,
					updatedAt: now
				})
				.execute();
			await recordProposalEvent(trx, proposalId, null, 'submitted', actor.id, now);
			await trx
				.insertInto('discussionThreads')
				.values({
					id: newId(),
					groupId,
					proposalId,
					title,
					authorId: actor.id,
					createdAt: now,
					lastPostAt: null
				})
				.execute();
			if (stored.length > 0)
				await trx
					.insertInto('proposalAttachments')
					.values(
						stored.map((file) => ({
							id: newId(),
							proposalId,
							blobKey: file.blobKey,
							name: file.name,
							mime: file.mime,
							kind: file.kind,
							size: file.size,
							hasThumbnail: file.hasThumbnail,
							createdBy: actor.id,
							createdAt: now
						}))
					)
					.execute();
			return { proposalId, number };
		})
	);
}

import type { Actor } from '../../access/actor';
import { newId } from '../../db/ids';
import { inTransaction, retryOnConflict } from '../../db/transaction';
import { nextNumber } from '../../db/next-number';
import type { DB } from '../../db/types';
import type { ReceivedFile } from '../../files/receive';
import { storeReceived } from '../../files/store-received';
import type { BlobStore } from '../../storage/types';
import { validate, ValidationError } from '../../validation';
import { assertAllowed, assertOpen } from '../group-access/access';
import { groupBytes, type AttachLimits } from '../materials/attach-files';
import { MAX_PROPOSAL_FILES, proposalInput } from './input';
import { canPropose } from './policy';
import { groupWorkAccess } from '../group-access/access';
import { recordProposalEvent } from './queries';

/** Access for the form: checked before an upload's body is read. */
export async function assertCanPropose(db: DB, actor: Actor, groupId: string): Promise<void> {
	const access = await groupWorkAccess(db, actor, groupId);
	assertAllowed(canPropose(actor, access));
	assertOpen(access);
}

/**
 * §3.3, §5.3: a member proposes (a theme, a strategy, a plan item, …) with optional files.
 * The proposal gets the group's next number and its own discussion thread, which opens
 * when the leader puts it to discussion.
 */
export async function createProposal(
	db: DB,
	files: BlobStore,
	actor: Actor,
	groupId: string,
	rawInput: unknown,
	received: ReceivedFile[],
	limits: AttachLimits,
	now = new Date()
): Promise<{ proposalId: string; number: number }> {
	await assertCanPropose(db, actor, groupId);
	const input = validate(proposalInput, rawInput);
	if (received.length > MAX_PROPOSAL_FILES)
		throw new ValidationError([
			{ field: 'files', key: 'error_too_many_files', params: { max: MAX_PROPOSAL_FILES } }
		]);
	const stored = await storeReceived(files, received);
	const proposalId = newId();
	return retryOnConflict(() =>
		inTransaction(db, async (trx) => {
			const used = await groupBytes(trx, groupId);
			const adding = stored.reduce((sum, f) => sum + f.size, 0);
			if (adding > 0 && used + adding > limits.maxGroupBytes)
				throw new ValidationError([
					{
						field: 'files',
						key: 'error_group_quota',
						params: { max: Math.round(limits.maxGroupBytes / 1024 / 1024) }
					}
				]);
			const number = await nextNumber(trx, 'proposals', groupId);
			await trx
				.insertInto('proposals')
				.values({
					id: proposalId,
					groupId,
					number,
					kind: input.kind,
					title: input.title,
					body: input.body,
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
					title: input.title,
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

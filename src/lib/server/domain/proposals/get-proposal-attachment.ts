import type { Actor } from '../../access/actor';
import type { DB } from '../../db/types';
import { AppError } from '../../errors';
import { proposalAccess } from './queries';

/** One file of a proposal the actor may see. */
export async function getProposalAttachment(
	db: DB,
	actor: Actor,
	groupId: string,
	proposalId: string,
	attachmentId: string
) {
	await proposalAccess(db, actor, groupId, proposalId);
	const attachment = await db
		.selectFrom('proposalAttachments')
		.selectAll()
		.where('id', '=', attachmentId)
		.where('proposalId', '=', proposalId)
		.executeTakeFirst();
	if (!attachment) throw new AppError('not_found', 'error_attachment_not_found');
	return attachment;
}

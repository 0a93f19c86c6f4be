import { AppError } from '../../errors';
import type { Ctx } from '../context';
import type { GetProposalAttachmentInput } from './input';
import { proposalAccess } from './queries';

/** One file of a proposal the actor may see. */
export async function getProposalAttachment({ db, actor }: Ctx, input: GetProposalAttachmentInput) {
	const { proposalId, attachmentId } = input;
	await proposalAccess(db, actor, input.groupId, proposalId);
	const attachment = await db
		.selectFrom('proposalAttachments')
		.selectAll()
		.where('id', '=', attachmentId)
		.where('proposalId', '=', proposalId)
		.executeTakeFirst();
	if (!attachment) throw new AppError('not_found', 'error_attachment_not_found');
	return attachment;
}

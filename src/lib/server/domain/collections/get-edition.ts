import { validate } from '../../validation';
import type { Ctx } from '../context';
import { getEditionInput, type GetEditionInput } from './input';
import { canApproveEdition, canReadEdition, canRetryEdition } from './policy';
import { collectionAccess, editionAccess, failOrphanEditions } from './queries';

/** An edition's page: its status and progress, files, and its approval by the group's vote. */
export async function getEdition({ db, actor }: Ctx, input: GetEditionInput) {
	await collectionAccess(db, actor, input.groupId, input.collectionId);
	const { groupId, collectionId, number } = validate(getEditionInput, input);
	await failOrphanEditions(db, collectionId);
	const access = await editionAccess(db, actor, groupId, collectionId, number);
	const { edition } = access;
	const [people, votes] = await Promise.all([
		db
			.selectFrom('users')
			.select(['id', 'fullName'])
			.where(
				'id',
				'in',
				[edition.requestedBy, edition.approvedBy].filter((id): id is string => id !== null)
			)
			.execute(),
		db
			.selectFrom('votes as v')
			.leftJoin('decisions as d', 'd.voteId', 'v.id')
			.select(['v.id', 'v.number', 'v.status', 'v.question', 'd.outcome', 'd.number as decision'])
			.where('v.collectionEditionId', '=', edition.id)
			.orderBy('v.number', 'desc')
			.execute()
	]);
	const nameOf = (id: string | null) => people.find((p) => p.id === id)?.fullName ?? null;
	const isApproved = edition.approvedAt !== null;
	const open = !access.isClosed;
	const approvable =
		canApproveEdition(actor, access, { status: edition.status, isApproved }) && open;
	const hasOpenVote = votes.some((v) => v.status === 'open');
	const isAccepted = votes.some((v) => v.status === 'closed' && v.outcome === 'accepted');
	return {
		groupName: access.group.name,
		collection: { id: access.collection.id, title: access.collection.title },
		edition: {
			number: Number(edition.number),
			status: edition.status,
			progress: Number(edition.progress),
			itemCount: Number(edition.itemCount),
			pdfPages: edition.pdfPages === null ? null : Number(edition.pdfPages),
			docxSize: edition.docxSize === null ? null : Number(edition.docxSize),
			pdfSize: edition.pdfSize === null ? null : Number(edition.pdfSize),
			errorCode: edition.errorCode,
			droppedImages: Number(edition.droppedImages),
			requestedAt: edition.requestedAt,
			requestedBy: nameOf(edition.requestedBy),
			finishedAt: edition.finishedAt,
			approvedAt: edition.approvedAt,
			approvedBy: nameOf(edition.approvedBy),
			isApproved,
			editionId: edition.id
		},
		votes: votes.map((v) => ({
			...v,
			number: Number(v.number),
			decision: v.decision === null ? null : Number(v.decision)
		})),
		canRead: canReadEdition(actor, access, edition.status),
		canRetry: canRetryEdition(actor, access, edition.status) && open,
		/** The leader may open the approval vote: compiled, not approved, no vote open on it. */
		canPutToVote: approvable && !hasOpenVote && !isAccepted,
		/** …and mark it approved once a vote accepted it. */
		canApprove: approvable && isAccepted
	};
}

import type { CollectionLanguage } from '../../export/collection/model';
import type { ApprovalBody } from './input';
import { approvalNote } from './labels';
import { currentLeader } from '../group-access/members';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { getCollectionInput, type GetCollectionInput } from './input';
import { canCompile, canEditCollection } from './policy';
import { acceptedVersions, collectionAccess, failOrphanEditions } from './queries';

/**
 * The collection as its editor page shows it: title page fields, sections with their
 * materials in order, the accepted materials not yet in it (for the leader) and the
 * editions. Members see it all read-only (§6: the group's own work in progress).
 */
export async function getCollection({ db, actor }: Ctx, input: GetCollectionInput) {
	const access = await collectionAccess(db, actor, input.groupId, input.collectionId);
	const { groupId, collectionId } = validate(getCollectionInput, input);
	await failOrphanEditions(db, collectionId);
	const { collection } = access;
	const canEdit = canEditCollection(actor, access) && !access.isClosed;
	const [editors, sections, items, editions, leader] = await Promise.all([
		db
			.selectFrom('collectionEditors as e')
			.innerJoin('users as u', 'u.id', 'e.userId')
			.select(['u.id', 'u.fullName'])
			.where('e.collectionId', '=', collectionId)
			.orderBy('e.position')
			.execute(),
		db
			.selectFrom('collectionSections')
			.select(['id', 'title', 'intro'])
			.where('collectionId', '=', collectionId)
			.orderBy('position')
			.execute(),
		db
			.selectFrom('collectionItems as i')
			.innerJoin('materials as m', 'm.id', 'i.materialId')
			.innerJoin('users as u', 'u.id', 'm.authorId')
			.select([
				'i.id',
				'i.sectionId',
				'i.materialId',
				'i.note',
				'i.hasResults',
				'm.title',
				'm.type',
				'm.status',
				'u.fullName as authorName'
			])
			.where('i.collectionId', '=', collectionId)
			.orderBy('i.position')
			.execute(),
		db
			.selectFrom('collectionEditions')
			.select([
				'id',
				'number',
				'status',
				'progress',
				'itemCount',
				'pdfPages',
				'errorCode',
				'requestedAt',
				'finishedAt',
				'approvedAt'
			])
			.where('collectionId', '=', collectionId)
			.orderBy('number', 'desc')
			.execute(),
		currentLeader(db, groupId)
	]);
	const inCollection = new Set(items.map((i) => i.materialId));
	const accepted = await acceptedVersions(db, groupId);
	// The leader adds a material's results only when it has some (§4.1 approbations).
	const tried = items.length
		? await db
				.selectFrom('approbations')
				.select(['materialId', (eb) => eb.fn.countAll<number>().as('count')])
				.where('groupId', '=', groupId)
				.where('materialId', 'in', [...inCollection])
				.groupBy('materialId')
				.execute()
		: [];
	const approbationsOf = new Map(tried.map((t) => [t.materialId, Number(t.count)]));
	const available = canEdit
		? await db
				.selectFrom('materials as m')
				.innerJoin('users as u', 'u.id', 'm.authorId')
				.select(['m.id', 'm.title', 'm.type', 'u.fullName as authorName'])
				.where('m.groupId', '=', groupId)
				.where('m.status', '=', 'accepted')
				.orderBy('m.title')
				.execute()
		: [];
	return {
		groupName: access.group.name,
		collection: {
			...collection,
			year: Number(collection.year),
			reviewers: JSON.parse(collection.reviewers) as string[],
			editorPosts: JSON.parse(collection.editorPosts) as Record<string, string>,
			/** The approval note as the documents will print it. */
			approvalText:
				collection.approvalNote ||
				approvalNote(collection.language as CollectionLanguage, {
					group: access.group.name,
					body: collection.approvalBody as ApprovalBody,
					protocol: collection.approvalProtocol,
					date: collection.approvalDate
				})
		},
		leaderName: leader?.fullName ?? null,
		leaderId: leader?.id ?? null,
		editors,
		sections: sections.map((s) => ({
			...s,
			items: items
				.filter((i) => i.sectionId === s.id)
				.map((i) => ({
					...i,
					isAccepted: accepted.has(i.materialId),
					approbations: approbationsOf.get(i.materialId) ?? 0
				}))
		})),
		available: available.filter((m) => accepted.has(m.id) && !inCollection.has(m.id)),
		editions: editions.map((e) => ({
			...e,
			number: Number(e.number),
			progress: Number(e.progress),
			itemCount: Number(e.itemCount),
			pdfPages: e.pdfPages === null ? null : Number(e.pdfPages),
			isApproved: e.approvedAt !== null
		})),
		canEdit,
		canCompile: canCompile(actor, access) && !access.isClosed
	};
}

import type { Collection } from '../../db/types';
import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, assertOpen, type GroupAccess } from '../group-access/access';
import { currentLeader } from '../group-access/members';
import { getCollectionFormInput, type GetCollectionFormInput } from './input';
import { canEditCollection } from './policy';
import { collectionAccess, collectionsAccess } from './queries';

/**
 * What the leader's title-page form offers: the members who may be chosen as editors (the
 * leader is always the first editor), the school's city, and the collection when editing.
 */
export async function getCollectionForm({ db, actor }: Ctx, input: GetCollectionFormInput) {
	const access: GroupAccess & { collection?: Collection } = input.collectionId
		? await collectionAccess(db, actor, input.groupId, input.collectionId)
		: await collectionsAccess(db, actor, input.groupId);
	assertAllowed(canEditCollection(actor, access));
	assertOpen(access);
	const { groupId, collectionId } = validate(getCollectionFormInput, input);
	const [members, school, editors, leader] = await Promise.all([
		db
			.selectFrom('groupMembers as m')
			.innerJoin('users as u', 'u.id', 'm.userId')
			.select(['u.id', 'u.fullName'])
			.where('m.groupId', '=', groupId)
			.where('m.leftAt', 'is', null)
			.where('m.role', '=', 'member')
			.orderBy('u.fullName')
			.execute(),
		db
			.selectFrom('schools')
			.select('city')
			.where('id', '=', access.schoolId)
			.executeTakeFirstOrThrow(),
		collectionId
			? db
					.selectFrom('collectionEditors')
					.select('userId')
					.where('collectionId', '=', collectionId)
					.orderBy('position')
					.execute()
			: Promise.resolve([]),
		currentLeader(db, groupId)
	]);
	const collection = access.collection ?? null;
	return {
		members,
		/** The first compiler, always printed (with a post of their own). */
		leader: leader ? { id: leader.id, fullName: leader.fullName } : null,
		city: school.city,
		editors: editors.map((e) => e.userId),
		collection: collection
			? {
					...collection,
					year: Number(collection.year),
					reviewers: JSON.parse(collection.reviewers) as string[],
					editorPosts: JSON.parse(collection.editorPosts) as Record<string, string>
				}
			: null
	};
}

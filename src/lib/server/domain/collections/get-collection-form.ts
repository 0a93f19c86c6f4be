import type { Actor } from '../../access/actor';
import type { Collection, DB } from '../../db/types';
import { assertAllowed, assertOpen, type GroupAccess } from '../group-access/access';
import { canEditCollection } from './policy';
import { collectionAccess, collectionsAccess } from './queries';

/**
 * What the leader's title-page form offers: the members who may be chosen as editors (the
 * leader is always the first editor), the school's city, and the collection when editing.
 */
export async function getCollectionForm(
	db: DB,
	actor: Actor,
	groupId: string,
	collectionId?: string
) {
	const access: GroupAccess & { collection?: Collection } = collectionId
		? await collectionAccess(db, actor, groupId, collectionId)
		: await collectionsAccess(db, actor, groupId);
	assertAllowed(canEditCollection(actor, access));
	assertOpen(access);
	const [members, school, editors] = await Promise.all([
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
			: Promise.resolve([])
	]);
	const collection = access.collection ?? null;
	return {
		members,
		city: school.city,
		editors: editors.map((e) => e.userId),
		collection: collection
			? {
					...collection,
					year: Number(collection.year),
					reviewers: JSON.parse(collection.reviewers) as string[]
				}
			: null
	};
}

import { validate } from '../../validation';
import type { Ctx } from '../context';
import { assertAllowed, groupAccess } from '../group-access/access';
import { canSeeGroupWork } from '../group-access/policy';
import { groupPublicationsInput, type GroupPublicationsInput } from './input';
import { canPublish } from './policy';
import { consentsOf } from './queries';

/**
 * The group's publications page: every publication with its authors' answers, and, for the
 * leader and the administration, what can be published (approved editions, accepted
 * materials, the results when some accepted material was tried in class).
 */
export async function listGroupPublications({ db, actor }: Ctx, input: GroupPublicationsInput) {
	const access = await groupAccess(db, actor, input.groupId);
	assertAllowed(canSeeGroupWork(actor, access));
	const { groupId } = validate(groupPublicationsInput, input);
	const publications = await db
		.selectFrom('publications')
		.select([
			'id',
			'code',
			'kind',
			'audience',
			'licence',
			'status',
			'title',
			'requestedAt',
			'publishedAt',
			'endedAt',
			'endReason'
		])
		.where('groupId', '=', groupId)
		.orderBy('requestedAt', 'desc')
		.orderBy('id')
		.execute();
	const consents = await consentsOf(
		db,
		publications.map((p) => p.id)
	);
	const mayPublish = canPublish(actor, access);
	const [editions, materials, tried] = mayPublish
		? await Promise.all([
				db
					.selectFrom('collectionEditions as e')
					.innerJoin('collections as c', 'c.id', 'e.collectionId')
					.select(['e.id', 'e.number', 'c.title'])
					.where('c.groupId', '=', groupId)
					.where('e.approvedAt', 'is not', null)
					.where('e.status', '=', 'done')
					.orderBy('c.title')
					.orderBy('e.number', 'desc')
					.execute(),
				db
					.selectFrom('materials')
					.select(['id', 'title', 'versionNumber'])
					.where('groupId', '=', groupId)
					.where('status', '=', 'accepted')
					.orderBy('title')
					.execute(),
				db
					.selectFrom('materials as m')
					.select((eb) => eb.fn.count<number>('m.id').distinct().as('n'))
					.where('m.groupId', '=', groupId)
					.where('m.status', '=', 'accepted')
					.where((eb) =>
						eb.exists(
							eb
								.selectFrom('approbations as a')
								.select('a.id')
								.whereRef('a.materialId', '=', 'm.id')
						)
					)
					.executeTakeFirstOrThrow()
			])
		: [[], [], { n: 0 }];
	return {
		groupName: access.group.name,
		canPublish: mayPublish,
		publications: publications.map((p) => ({
			...p,
			consents: consents
				.filter((c) => c.publicationId === p.id)
				.map((c) => ({ name: c.fullName, decision: c.decision, reason: c.reason }))
		})),
		candidates: {
			editions: editions.map((e) => ({ id: e.id, number: Number(e.number), title: e.title })),
			materials: materials.map((m) => ({
				id: m.id,
				title: m.title,
				versionNumber: Number(m.versionNumber)
			})),
			resultsMaterials: Number(tried.n)
		}
	};
}

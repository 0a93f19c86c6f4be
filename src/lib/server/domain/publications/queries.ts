import type { Actor } from '../../access/actor';
import type { DB, Publication } from '../../db/types';
import { AppError } from '../../errors';
import { links, notify } from '../../notify';
import { canManageGroup } from '../group-access/policy';
import { indexInCatalog, removeFromCatalog } from './catalog';
import type { PublicationPlace } from './policy';

const CODE = /^[a-z0-9]{4,16}$/;

/** A publication by its permanent code or its id; "not found" otherwise. */
export async function loadPublication(
	db: DB,
	by: { code: string } | { id: string }
): Promise<Publication> {
	// Any other string is an address that cannot exist: not found, not "bad input".
	if ('code' in by && !CODE.test(by.code))
		throw new AppError('not_found', 'error_publication_not_found');
	const row = await db
		.selectFrom('publications')
		.selectAll()
		.$call((q) => ('code' in by ? q.where('code', '=', by.code) : q.where('id', '=', by.id)))
		.executeTakeFirst();
	if (!row) throw new AppError('not_found', 'error_publication_not_found');
	return row;
}

/** The actor's place towards a publication: publisher, author asked, member. */
export async function publicationPlace(
	db: DB,
	actor: Actor | null,
	publication: Publication
): Promise<PublicationPlace> {
	const base = {
		schoolId: publication.schoolId,
		audience: publication.audience,
		status: publication.status
	};
	if (!actor) return { ...base, isPublisher: false, isAsked: false, isMember: false };
	const [membership, consent] = await Promise.all([
		db
			.selectFrom('groupMembers')
			.select('role')
			.where('groupId', '=', publication.groupId)
			.where('userId', '=', actor.id)
			.where('leftAt', 'is', null)
			.executeTakeFirst(),
		db
			.selectFrom('publicationConsents')
			.select('userId')
			.where('publicationId', '=', publication.id)
			.where('userId', '=', actor.id)
			.executeTakeFirst()
	]);
	const role = membership?.role ?? null;
	return {
		...base,
		isPublisher: canManageGroup(actor, {
			schoolId: publication.schoolId,
			role,
			isFormerMember: false,
			isInvited: false
		}),
		isAsked: consent !== undefined,
		isMember: role !== null
	};
}

/** Every author's answer (null: not yet), main author first as they were asked. */
export function consentsOf(db: DB, publicationIds: string[]) {
	if (publicationIds.length === 0) return Promise.resolve([]);
	return db
		.selectFrom('publicationConsents as c')
		.innerJoin('users as u', 'u.id', 'c.userId')
		.select([
			'c.publicationId',
			'c.userId',
			'u.fullName',
			'c.decision',
			'c.reason',
			'c.askedAt',
			'c.decidedAt'
		])
		.where('c.publicationId', 'in', publicationIds)
		.orderBy('c.askedAt')
		.orderBy('u.fullName')
		.execute();
}

/** Makes it visible to its audience: in the catalog too when it is for the public. */
export async function goLive(
	db: DB,
	publication: Publication,
	now: Date,
	actorId: string | null = null
): Promise<void> {
	// Conditional on the status read: a withdrawal that got in first wins (PostgreSQL re-reads
	// the row under its lock; SQLite writes one at a time).
	const live = await db
		.updateTable('publications')
		.set({ status: 'published', publishedAt: now })
		.where('id', '=', publication.id)
		.where('status', '=', 'awaiting_consent')
		.executeTakeFirst();
	if (Number(live.numUpdatedRows) === 0)
		throw new AppError('conflict', 'error_publication_answered');
	if (publication.audience === 'public')
		await indexInCatalog(db, { ...publication, status: 'published', publishedAt: now });
	// The authors learn that their work is out (the one who published it knows).
	const { meta } = JSON.parse(publication.snapshot) as { meta: { authors: { id: string }[] } };
	await notify(
		{ db, now, actor: actorId ? { id: actorId } : null },
		{
			kind: 'publication.published',
			key: publication.id,
			groupId: publication.groupId,
			subject: publication.title,
			link: links.publication(publication.code),
			userIds: meta.authors.map((a) => a.id)
		}
	);
}

/** Ends it (refused, withdrawn, unpublished): out of the catalog, a reason kept. */
export async function endPublication(
	db: DB,
	publication: Publication,
	end: {
		status: 'refused' | 'withdrawn' | 'unpublished';
		by: string;
		reason: string | null;
		now: Date;
	}
): Promise<void> {
	const ended = await db
		.updateTable('publications')
		.set({ status: end.status, endedAt: end.now, endedBy: end.by, endReason: end.reason })
		.where('id', '=', publication.id)
		.where('status', '=', publication.status)
		.executeTakeFirst();
	if (Number(ended.numUpdatedRows) === 0)
		throw new AppError('conflict', 'error_publication_answered');
	if (publication.status === 'published' && publication.audience === 'public')
		await removeFromCatalog(db, publication.id);
}

/** What a code publishes (an unknown code: not found); access is the caller's next step. */
export async function publicationKind(
	{ db }: { db: DB },
	code: string
): Promise<Publication['kind']> {
	return (await loadPublication(db, { code })).kind;
}

import type { Ctx } from '../context';

/**
 * What the signed-in author is asked to consent to (§3.4): waiting first, then what they
 * answered, each with the preview's address.
 */
export async function listMyConsents({ db, actor }: Ctx) {
	const rows = await db
		.selectFrom('publicationConsents as c')
		.innerJoin('publications as p', 'p.id', 'c.publicationId')
		.innerJoin('groups as g', 'g.id', 'p.groupId')
		.leftJoin('users as u', 'u.id', 'p.requestedBy')
		.select([
			'p.id',
			'p.code',
			'p.kind',
			'p.title',
			'p.licence',
			'p.status',
			'p.requestedAt',
			'g.name as groupName',
			'u.fullName as requestedBy',
			'c.decision',
			'c.decidedAt'
		])
		.where('c.userId', '=', actor.id)
		.orderBy('p.requestedAt', 'desc')
		.orderBy('p.id')
		.limit(200)
		.execute();
	const waiting = rows.filter((r) => r.decision === null && r.status === 'awaiting_consent');
	return { waiting, answered: rows.filter((r) => !waiting.includes(r)) };
}

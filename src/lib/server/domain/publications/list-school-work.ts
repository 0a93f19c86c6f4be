import { isStaff } from '../../access/actor';
import type { Ctx } from '../context';
import { assertAllowed } from '../group-access/access';
import { parseSnapshot } from './snapshot';

/**
 * "Our school's work" (§3.4, the teaching staff): what the school's groups published to the
 * staff or to the public, newest first, for the school's teachers and administration.
 */
export async function listSchoolWork({ db, actor }: Ctx) {
	assertAllowed(isStaff(actor));
	const rows = await db
		.selectFrom('publications as p')
		.innerJoin('groups as g', 'g.id', 'p.groupId')
		.select([
			'p.code',
			'p.kind',
			'p.title',
			'p.audience',
			'p.licence',
			'p.snapshot',
			'p.publishedAt',
			'g.name as groupName'
		])
		.where('p.schoolId', '=', actor.schoolId!)
		.where('p.status', '=', 'published')
		.orderBy('p.publishedAt', 'desc')
		.orderBy('p.id')
		.limit(500)
		.execute();
	return rows.map(({ snapshot, ...row }) => {
		const { meta } = parseSnapshot(snapshot);
		return { ...row, type: meta.type, authors: meta.authors.map((a) => a.name), year: meta.year };
	});
}

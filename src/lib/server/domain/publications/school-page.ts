import { AppError } from '../../errors';
import { validate } from '../../validation';
import type { AnonymousCtx } from '../context';
import { schoolPageInput, type SchoolPageInput } from './input';
import { parseSnapshot } from './snapshot';

/**
 * A school's public page (§3.4, interested parties): its work published to the public and its
 * open creative groups: theme, leader and members by name only.
 */
export async function getSchoolPage({ db }: AnonymousCtx, input: SchoolPageInput) {
	const { slug } = validate(schoolPageInput, input);
	const school = await db
		.selectFrom('schools')
		.select(['id', 'name', 'city', 'region', 'slug'])
		.where('slug', '=', slug)
		.executeTakeFirst();
	if (!school) throw new AppError('not_found', 'error_not_found');
	const [publications, groups, people] = await Promise.all([
		db
			.selectFrom('publications')
			.select(['code', 'kind', 'title', 'snapshot', 'licence', 'publishedAt'])
			.where('schoolId', '=', school.id)
			.where('audience', '=', 'public')
			.where('status', '=', 'published')
			.orderBy('publishedAt', 'desc')
			.orderBy('id')
			.limit(500)
			.execute(),
		db
			.selectFrom('groups')
			.select(['id', 'name', 'theme'])
			.where('schoolId', '=', school.id)
			.where('closedAt', 'is', null)
			.orderBy('name')
			.execute(),
		db
			.selectFrom('groupMembers as m')
			.innerJoin('groups as g', 'g.id', 'm.groupId')
			.innerJoin('users as u', 'u.id', 'm.userId')
			.select(['m.groupId', 'm.role', 'u.fullName'])
			.where('g.schoolId', '=', school.id)
			.where('g.closedAt', 'is', null)
			.where('m.leftAt', 'is', null)
			.orderBy('u.fullName')
			.execute()
	]);
	return {
		school: { name: school.name, city: school.city, region: school.region, slug: school.slug },
		publications: publications.map((p) => {
			const { meta } = parseSnapshot(p.snapshot);
			return {
				code: p.code,
				kind: p.kind,
				type: meta.type,
				title: p.title,
				authors: meta.authors.map((a) => a.name),
				year: meta.year,
				licence: p.licence,
				publishedAt: p.publishedAt
			};
		}),
		groups: groups.map((g) => {
			const members = people.filter((p) => p.groupId === g.id);
			return {
				name: g.name,
				theme: g.theme,
				leader: members.find((p) => p.role === 'leader')?.fullName ?? null,
				members: members.filter((p) => p.role !== 'leader').map((p) => p.fullName)
			};
		})
	};
}

import { isStaff } from '$lib/server/access/actor';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => {
	const actor = locals.actor;
	return {
		locale: locals.locale,
		requestId: locals.requestId,
		user: actor
			? {
					fullName: actor.fullName,
					isAdmin: actor.role === 'admin',
					// Teachers and the administration of a school see its staff publications.
					isStaff: isStaff(actor),
					isOperator: actor.isOperator,
					// Staff see their school's groups; scientists and consultants the groups they are in.
					hasGroups:
						actor.schoolId !== null || actor.role === 'scientist' || actor.role === 'consultant'
				}
			: null
	};
};

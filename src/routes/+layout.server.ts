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
					isOperator: actor.isOperator
				}
			: null
	};
};

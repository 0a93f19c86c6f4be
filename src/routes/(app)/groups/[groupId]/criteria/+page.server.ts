import { database } from '$lib/server/db';
import { getCriteria } from '$lib/server/domain/reviews/get-criteria';
import { setCriteria } from '$lib/server/domain/reviews/set-criteria';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { criterionLabel } from '$lib/server/web/material-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requireActor(locals);
	const view = await orHttpError(getCriteria(database(), actor, params.groupId));
	return {
		canSet: view.canSet,
		criteria: view.criteria.map((c) => ({
			id: c.id,
			label: criterionLabel({ builtin: c.builtin, name: null }),
			name: c.name ?? '',
			display: criterionLabel(c),
			isBuiltin: c.builtin !== null,
			isActive: c.isActive
		}))
	};
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		return runForm(request, async (values) => {
			await setCriteria(database(), actor, params.groupId, values);
			return { criteriaSaved: true as const };
		});
	}
};

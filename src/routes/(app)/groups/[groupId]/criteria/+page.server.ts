import { asId, type GroupId } from '$lib/server/domain/ids';
import { getCriteria } from '$lib/server/domain/reviews/get-criteria';
import { setCriteriaInput } from '$lib/server/domain/reviews/input';
import { setCriteria } from '$lib/server/domain/reviews/set-criteria';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { criteriaRows } from '$lib/server/web/material-form';
import { criterionLabel } from '$lib/server/web/material-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const view = await orHttpError(
		getCriteria(actorCtx(locals), { groupId: asId<GroupId>(params.groupId) })
	);
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
	save: async (event) => {
		const ctx = actorCtx(event.locals);
		const groupId = asId<GroupId>(event.params.groupId);
		return runForm(event, async (values) => {
			const criteria = criteriaRows(values);
			await setCriteria(ctx, formInput(setCriteriaInput, values, { groupId, criteria }));
			return { criteriaSaved: true as const };
		});
	}
};

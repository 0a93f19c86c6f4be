import { listStaff } from '$lib/server/domain/accounts/list-staff';
import { createGroup } from '$lib/server/domain/groups/create-group';
import { createGroupInput } from '$lib/server/domain/groups/input';
import { collator } from '$lib/i18n/format';
import { asId, type SchoolId } from '$lib/server/domain/ids';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { today } from '$lib/server/web/days';
import { redirectConfirmed } from '$lib/server/web/form-results';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import { config } from '$lib/server/config.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const ctx = actorCtx(locals);
	const schoolId = asId<SchoolId>(ctx.actor.schoolId ?? '');
	const { staff } = await orHttpError(listStaff(ctx, { schoolId }));
	const order = collator(locals.locale);
	return {
		today: today(config().timeZone),
		staff: staff
			.filter((s) => s.isActive)
			.sort((a, b) => order.compare(a.fullName, b.fullName))
			.map((s) => ({ value: s.id, label: s.fullName }))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const ctx = actorCtx(event.locals);
		const schoolId = asId<SchoolId>(ctx.actor.schoolId ?? '');
		// Redirected from inside: the new group's home opens with "Group created".
		return runForm(event, async (values) => {
			const { groupId } = await createGroup(ctx, formInput(createGroupInput, values, { schoolId }));
			return redirectConfirmed(event, `/groups/${groupId}`, 'group_created');
		});
	}
};

import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { formatDate } from '$lib/i18n/format';
import { asId, type UserId } from '$lib/server/domain/ids';
import { erasePersonalData } from '$lib/server/privacy/erase-personal-data';
import { getDataRequest } from '$lib/server/privacy/get-data-request';
import { erasePersonalDataInput } from '$lib/server/privacy/input';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

/** A person's data request: export for them, or erase (privacy/erase-personal-data.ts). */
export const load: PageServerLoad = async ({ locals, params }) => {
	const ctx = actorCtx(locals);
	const person = await orHttpError(getDataRequest(ctx, { userId: asId<UserId>(params.userId) }));
	return {
		person: {
			...person,
			erasedAt: person.erasedAt
				? formatDate(person.erasedAt, locals.locale, config().timeZone)
				: null
		}
	};
};

export const actions: Actions = {
	erase: async (event) => {
		const ctx = actorCtx(event.locals);
		const userId = asId<UserId>(event.params.userId);
		const ip = event.getClientAddress();
		return runForm(event, async (values) => {
			await erasePersonalData(ctx, {
				...formInput(erasePersonalDataInput, values, { userId }),
				ip
			});
			redirect(303, `/admin/staff/${userId}/privacy`);
		});
	}
};

import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { formPurposes } from '$lib/server/db/types';
import { adoptDefaultForm } from '$lib/server/domain/forms/adopt-default-form';
import { createForm } from '$lib/server/domain/forms/create-form';
import { adoptDefaultFormInput, createFormInput } from '$lib/server/domain/forms/input';
import { listForms } from '$lib/server/domain/forms/list-forms';
import { asId, type GroupId } from '$lib/server/domain/ids';
import { formatDate } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { formatDay, today } from '$lib/server/web/days';
import { formInput } from '$lib/server/web/form-input';
import { purposeName } from '$lib/server/web/form-views';
import { runForm } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { timeZone } = config();
	const list = await orHttpError(
		listForms(actorCtx(locals), {
			groupId: asId<GroupId>(params.groupId),
			today: today(timeZone)
		})
	);
	return {
		canManage: list.canManage,
		isClosed: list.isClosed,
		locale: locals.locale,
		purposes: formPurposes.map((value) => ({ value, label: purposeName(value) })),
		forms: formPurposes.map((purpose) => ({
			purpose,
			label: purposeName(purpose),
			forms: list.forms.filter((f) => f.purpose === purpose)
		})),
		questionnaires: list.questionnaires.map((q) => ({
			...q,
			deadline: q.deadlineOn ? formatDay(q.deadlineOn, locals.locale) : null,
			sentOn: formatDate(q.sentAt, locals.locale, timeZone)
		}))
	};
};

export const actions: Actions = {
	create: async (event) => {
		const groupId = asId<GroupId>(event.params.groupId);
		const result = await runForm(event, (values) =>
			createForm(actorCtx(event.locals), formInput(createFormInput, values, { groupId }))
		);
		if ('formId' in result) redirect(303, `/groups/${groupId}/forms/${result.formId}?created=1`);
		return result;
	},
	adopt: async (event) => {
		const groupId = asId<GroupId>(event.params.groupId);
		const result = await runForm(event, (values) =>
			adoptDefaultForm(
				actorCtx(event.locals),
				formInput(adoptDefaultFormInput, values, { groupId })
			)
		);
		if ('formId' in result) redirect(303, `/groups/${groupId}/forms/${result.formId}?created=1`);
		return result;
	}
};

import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { fieldTypes } from '$lib/server/domain/forms/fields';
import { addField } from '$lib/server/domain/forms/add-field';
import { archiveForm } from '$lib/server/domain/forms/archive-form';
import type { FieldsChanged } from '$lib/server/domain/forms/edit-fields';
import { getForm } from '$lib/server/domain/forms/get-form';
import {
	addFieldInput,
	moveFieldInput,
	removeFieldInput,
	reorderFieldsInput,
	sendQuestionnaireInput,
	updateFieldInput,
	updateFormInput
} from '$lib/server/domain/forms/input';
import { moveField } from '$lib/server/domain/forms/move-field';
import { removeField } from '$lib/server/domain/forms/remove-field';
import { reorderFields } from '$lib/server/domain/forms/reorder-fields';
import { sendQuestionnaire } from '$lib/server/domain/forms/send-questionnaire';
import { updateField } from '$lib/server/domain/forms/update-field';
import { updateForm } from '$lib/server/domain/forms/update-form';
import type { Ctx } from '$lib/server/domain/context';
import { asId, type FormId, type GroupId } from '$lib/server/domain/ids';
import { actorCtx } from '$lib/server/web/context';
import { today } from '$lib/server/web/days';
import { formInput } from '$lib/server/web/form-input';
import { fieldTypeName, purposeName } from '$lib/server/web/form-views';
import { runForm, type FormOptions } from '$lib/server/web/forms';
import { orHttpError } from '$lib/server/web/load';
import type { Action, Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const view = await orHttpError(
		getForm(actorCtx(locals), {
			groupId: asId<GroupId>(params.groupId),
			formId: asId<FormId>(params.formId)
		})
	);
	const flag = (name: string) => url.searchParams.get(name);
	return {
		form: {
			id: view.form.id,
			title: view.form.title,
			description: view.form.description,
			purpose: view.form.purpose,
			purposeName: purposeName(view.form.purpose),
			isArchived: view.form.archivedAt !== null
		},
		version: view.version,
		fields: view.fields,
		responses: view.responses,
		warnings: view.warnings,
		isClosed: view.isClosed,
		types: fieldTypes.map((value) => ({ value, label: fieldTypeName(value) })),
		typeNames: Object.fromEntries(fieldTypes.map((t) => [t, fieldTypeName(t)])) as Record<
			string,
			string
		>,
		flags: {
			created: flag('created') !== null,
			saved: flag('saved') !== null,
			ordered: flag('ordered') !== null,
			newVersion: flag('version') ? Number(flag('version')) : null
		}
	};
};

type Values = Record<string, string | string[]>;
type Ids = { groupId: GroupId; formId: FormId };

/** The scale's end is a number; the form sends it as text. */
const scaleOf = (values: Values): 5 | 10 => (values.scaleMax === '10' ? 10 : 5);

const builderAction =
	(work: (ctx: Ctx, ids: Ids, values: Values) => Promise<string>, options?: FormOptions): Action =>
	async (event) => {
		const ctx = actorCtx(event.locals);
		const ids = {
			groupId: asId<GroupId>(event.params.groupId!),
			formId: asId<FormId>(event.params.formId!)
		};
		const result = await runForm(
			event,
			async (values) => ({ to: await work(ctx, ids, values) }),
			options
		);
		if ('to' in result) redirect(303, `/groups/${ids.groupId}/forms/${ids.formId}${result.to}`);
		return result;
	};

/** Where the builder goes after a change to the fields: the new version is said. */
const after = (changed: FieldsChanged, anchor = '') =>
	(changed.isNewVersion ? `?version=${changed.number}` : '?saved=1') + anchor;

const ofField = { id: 'key' };

export const actions: Actions = {
	details: builderAction(async (ctx, ids, values) => {
		await updateForm(ctx, formInput(updateFormInput, values, ids));
		return '?saved=1';
	}),
	addField: builderAction(async (ctx, ids, values) => {
		const changed = await addField(ctx, {
			...formInput(addFieldInput, values, ids),
			scaleMax: scaleOf(values)
		});
		return after(changed, `#field-${changed.key}`);
	}),
	updateField: builderAction(async (ctx, ids, values) => {
		const input = { ...formInput(updateFieldInput, values, ids), scaleMax: scaleOf(values) };
		return after(await updateField(ctx, input), `#field-${input.key}`);
	}, ofField),
	removeField: builderAction(async (ctx, ids, values) => {
		return after(await removeField(ctx, formInput(removeFieldInput, values, ids)), '#fields');
	}, ofField),
	moveField: builderAction(async (ctx, ids, values) => {
		const input = formInput(moveFieldInput, values, ids);
		const changed = await moveField(ctx, input);
		return (changed.isNewVersion ? `?version=${changed.number}` : '') + `#field-${input.key}`;
	}, ofField),
	reorder: builderAction(async (ctx, ids, values) => {
		const changed = await reorderFields(ctx, formInput(reorderFieldsInput, values, ids));
		return changed.isNewVersion ? `?version=${changed.number}` : '?ordered=1';
	}),
	archive: builderAction(async (ctx, ids) => {
		await archiveForm(ctx, { ...ids, archived: true });
		return '?saved=1';
	}),
	unarchive: builderAction(async (ctx, ids) => {
		await archiveForm(ctx, { ...ids, archived: false });
		return '?saved=1';
	}),
	send: async (event) => {
		const ctx = actorCtx(event.locals);
		const groupId = asId<GroupId>(event.params.groupId);
		const formId = asId<FormId>(event.params.formId);
		const result = await runForm(event, (values) =>
			sendQuestionnaire(
				ctx,
				formInput(sendQuestionnaireInput, values, {
					groupId,
					formId,
					today: today(config().timeZone)
				})
			)
		);
		if ('questionnaireId' in result)
			redirect(303, `/groups/${groupId}/questionnaires/${result.questionnaireId}?sent=1`);
		return result;
	}
};

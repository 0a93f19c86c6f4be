import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { addItem } from '$lib/server/domain/collections/add-item';
import { addSection } from '$lib/server/domain/collections/add-section';
import { compileCollection } from '$lib/server/domain/collections/compile-collection';
import { getCollection } from '$lib/server/domain/collections/get-collection';
import { moveItem } from '$lib/server/domain/collections/move-item';
import { moveSection } from '$lib/server/domain/collections/move-section';
import { removeItem } from '$lib/server/domain/collections/remove-item';
import { removeSection } from '$lib/server/domain/collections/remove-section';
import { reorderItems } from '$lib/server/domain/collections/reorder-items';
import { setItemResults } from '$lib/server/domain/collections/set-item-results';
import { updateItemNote } from '$lib/server/domain/collections/update-item-note';
import { updateSection } from '$lib/server/domain/collections/update-section';
import {
	addItemInput,
	addSectionInput,
	moveItemInput,
	moveSectionInput,
	removeItemInput,
	removeSectionInput,
	reorderItemsInput,
	setItemResultsInput,
	updateItemNoteInput,
	updateSectionInput
} from '$lib/server/domain/collections/input';
import type { Ctx } from '$lib/server/domain/context';
import { asId, type CollectionId, type GroupId } from '$lib/server/domain/ids';
import { formatDateTime } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm, type FormOptions } from '$lib/server/web/forms';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import type { Action, Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const view = await orHttpError(
		getCollection(actorCtx(locals), {
			groupId: asId<GroupId>(params.groupId),
			collectionId: asId<CollectionId>(params.collectionId)
		})
	);
	const { timeZone } = config();
	const at = (d: Date | null) => (d ? formatDateTime(d, locals.locale, timeZone) : null);
	return {
		saved: url.searchParams.has('saved'),
		collection: view.collection,
		leaderName: view.leaderName,
		leaderId: view.leaderId,
		editors: view.editors,
		sections: view.sections.map((s) => ({
			...s,
			items: s.items.map((i) => ({
				...i,
				typeName: translate(`material_type_${i.type}` as never)
			}))
		})),
		available: view.available.map((m) => ({
			...m,
			typeName: translate(`material_type_${m.type}` as never)
		})),
		editions: view.editions.map((e) => ({
			...e,
			requestedAt: at(e.requestedAt),
			finishedAt: at(e.finishedAt),
			approvedAt: at(e.approvedAt),
			error: e.errorCode ? translate(`collection_edition_error_${e.errorCode}` as never) : null
		})),
		canEdit: view.canEdit,
		canCompile: view.canCompile
	};
};

type Values = Record<string, string | string[]>;
type Ids = { groupId: GroupId; collectionId: CollectionId };

/**
 * One editor action: a use case on this collection with the form's values, then its answer.
 * `options.id` names the section's or item's field, so the page shows a failure at its form.
 */
const editorAction =
	<T>(work: (ctx: Ctx, ids: Ids, values: Values) => Promise<T>, options?: FormOptions): Action =>
	async (event) => {
		const ctx = actorCtx(event.locals);
		const ids = {
			groupId: asId<GroupId>(event.params.groupId!),
			collectionId: asId<CollectionId>(event.params.collectionId!)
		};
		return runForm(event, (values) => work(ctx, ids, values), options);
	};
const ofSection = { id: 'sectionId' };
const ofItem = { id: 'itemId' };

export const actions: Actions = {
	addSection: editorAction(async (ctx, ids, values) => {
		await addSection(ctx, formInput(addSectionInput, values, ids));
		return { sectionAdded: true as const };
	}),
	updateSection: editorAction(async (ctx, ids, values) => {
		const input = formInput(updateSectionInput, values, ids);
		await updateSection(ctx, input);
		return { sectionSaved: input.sectionId };
	}, ofSection),
	removeSection: editorAction(async (ctx, ids, values) => {
		await removeSection(ctx, formInput(removeSectionInput, values, ids));
		return { sectionRemoved: true as const };
	}, ofSection),
	moveSection: editorAction(async (ctx, ids, values) => {
		await moveSection(ctx, formInput(moveSectionInput, values, ids));
		return { moved: true as const };
	}, ofSection),
	addItem: editorAction(async (ctx, ids, values) => {
		await addItem(ctx, formInput(addItemInput, values, ids));
		return { itemAdded: true as const };
	}, ofSection),
	note: editorAction(async (ctx, ids, values) => {
		const input = formInput(updateItemNoteInput, values, ids);
		await updateItemNote(ctx, input);
		return { noteSaved: input.itemId };
	}, ofItem),
	results: editorAction(async (ctx, ids, values) => {
		const input = formInput(setItemResultsInput, values, ids);
		await setItemResults(ctx, input);
		return { resultsSaved: input.itemId };
	}, ofItem),
	removeItem: editorAction(async (ctx, ids, values) => {
		await removeItem(ctx, formInput(removeItemInput, values, ids));
		return { itemRemoved: true as const };
	}, ofItem),
	moveItem: editorAction(async (ctx, ids, values) => {
		await moveItem(ctx, formInput(moveItemInput, values, ids));
		return { moved: true as const };
	}, ofItem),
	reorder: editorAction(async (ctx, ids, values) => {
		await reorderItems(ctx, formInput(reorderItemsInput, values, ids));
		return { moved: true as const };
	}),
	compile: async (event) => {
		const ctx = actorCtx(event.locals);
		const ids = {
			groupId: asId<GroupId>(event.params.groupId),
			collectionId: asId<CollectionId>(event.params.collectionId)
		};
		// Redirected from inside runForm: a post without JavaScript would otherwise be sent
		// back to this page (redirect after post) instead of to the new edition.
		return runForm(event, async () => {
			const compiled = await compileCollection(ctx, ids);
			redirect(
				303,
				`/groups/${ids.groupId}/collections/${ids.collectionId}/editions/${compiled.number}`
			);
		});
	}
};

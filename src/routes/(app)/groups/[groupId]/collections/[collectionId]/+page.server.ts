import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { addItem } from '$lib/server/domain/collections/add-item';
import { addSection } from '$lib/server/domain/collections/add-section';
import { compileCollection } from '$lib/server/domain/collections/compile-collection';
import { getCollection } from '$lib/server/domain/collections/get-collection';
import { moveItem } from '$lib/server/domain/collections/move-item';
import { moveSection } from '$lib/server/domain/collections/move-section';
import { removeItem } from '$lib/server/domain/collections/remove-item';
import { removeSection } from '$lib/server/domain/collections/remove-section';
import { reorderItems } from '$lib/server/domain/collections/reorder-items';
import { updateItemNote } from '$lib/server/domain/collections/update-item-note';
import { updateSection } from '$lib/server/domain/collections/update-section';
import { formatDateTime } from '$lib/i18n/format';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import type { Actor } from '$lib/server/access/actor';
import type { DB } from '$lib/server/db/types';
import type { Action, Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor(locals);
	const view = await orHttpError(
		getCollection(database(), actor, params.groupId, params.collectionId)
	);
	const { timeZone } = config();
	const at = (d: Date | null) => (d ? formatDateTime(d, locals.locale, timeZone) : null);
	return {
		saved: url.searchParams.has('saved'),
		collection: view.collection,
		leaderName: view.leaderName,
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

/** The id of the section or item a form acts on, sent as a hidden field. */
const id = (values: Record<string, string | string[]>, name: string) =>
	typeof values[name] === 'string' ? (values[name] as string) : '';

type Values = Record<string, string | string[]>;
type Target = { db: DB; actor: Actor; groupId: string; collectionId: string };

/** One editor action: the use case on this collection with the form's values, then its answer. */
const editorAction =
	<T>(work: (target: Target, values: Values) => Promise<T>): Action =>
	async ({ request, locals, params }) => {
		const target = {
			db: database(),
			actor: requireActor(locals),
			groupId: params.groupId!,
			collectionId: params.collectionId!
		};
		return runForm(request, (values) => work(target, values));
	};

export const actions: Actions = {
	addSection: editorAction(async (t, values) => {
		await addSection(t.db, t.actor, t.groupId, t.collectionId, values);
		return { sectionAdded: true as const };
	}),
	updateSection: editorAction(async (t, values) => {
		await updateSection(t.db, t.actor, t.groupId, t.collectionId, id(values, 'sectionId'), values);
		return { sectionSaved: id(values, 'sectionId') };
	}),
	removeSection: editorAction(async (t, values) => {
		await removeSection(t.db, t.actor, t.groupId, t.collectionId, id(values, 'sectionId'));
		return { sectionRemoved: true as const };
	}),
	moveSection: editorAction(async (t, values) => {
		await moveSection(t.db, t.actor, t.groupId, t.collectionId, id(values, 'sectionId'), values);
		return { moved: true as const };
	}),
	addItem: editorAction(async (t, values) => {
		await addItem(t.db, t.actor, t.groupId, t.collectionId, values);
		return { itemAdded: true as const };
	}),
	note: editorAction(async (t, values) => {
		await updateItemNote(t.db, t.actor, t.groupId, t.collectionId, id(values, 'itemId'), values);
		return { noteSaved: id(values, 'itemId') };
	}),
	removeItem: editorAction(async (t, values) => {
		await removeItem(t.db, t.actor, t.groupId, t.collectionId, id(values, 'itemId'));
		return { itemRemoved: true as const };
	}),
	moveItem: editorAction(async (t, values) => {
		await moveItem(t.db, t.actor, t.groupId, t.collectionId, id(values, 'itemId'), values);
		return { moved: true as const };
	}),
	reorder: editorAction(async (t, values) => {
		await reorderItems(t.db, t.actor, t.groupId, t.collectionId, values);
		return { moved: true as const };
	}),
	compile: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		const compiled = await runForm(request, () =>
			compileCollection(database(), actor, params.groupId, params.collectionId)
		);
		if ('number' in compiled)
			redirect(
				303,
				`/groups/${params.groupId}/collections/${params.collectionId}/editions/${compiled.number}`
			);
		return compiled;
	}
};

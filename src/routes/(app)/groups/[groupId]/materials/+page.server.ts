import { config } from '$lib/server/config.js';
import { asId, type GroupId } from '$lib/server/domain/ids';
import { listMaterialsInput } from '$lib/server/domain/materials/input';
import { listMaterials } from '$lib/server/domain/materials/list-materials';
import { listSubjects } from '$lib/server/domain/subjects/list-subjects';
import { formatDate } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { orHttpError } from '$lib/server/web/load';
import {
	materialStatusName,
	materialTypeName,
	statusOptions,
	statusTone,
	typeOptions
} from '$lib/server/web/material-views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const ctx = actorCtx(locals);
	const groupId = asId<GroupId>(params.groupId);
	// The filters come from the address; one that makes no sense is dropped.
	const filter = formInput(listMaterialsInput, Object.fromEntries(url.searchParams), { groupId });
	const list = await orHttpError(listMaterials(ctx, filter));
	return {
		filter: Object.fromEntries(url.searchParams),
		materials: list.materials.map((r) => ({
			id: r.id,
			title: r.title,
			type: materialTypeName(r.type),
			status: materialStatusName(r.status),
			tone: statusTone(r.status),
			authorName: r.authorName,
			versionNumber: r.versionNumber,
			updated: formatDate(r.updatedAt, locals.locale, config().timeZone)
		})),
		isTruncated: list.isTruncated,
		canCreate: list.canCreate,
		types: typeOptions(),
		statuses: statusOptions(),
		subjects: (await listSubjects(ctx, { locale: locals.locale })).map((s) => ({
			value: s.id,
			label: s.name
		})),
		authors: list.authors.map((a) => ({ value: a.id, label: a.fullName }))
	};
};

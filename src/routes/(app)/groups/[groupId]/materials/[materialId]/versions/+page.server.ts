import { config } from '$lib/server/config.js';
import { asId, type GroupId, type MaterialId } from '$lib/server/domain/ids';
import { compareVersions, listVersions } from '$lib/server/domain/materials/list-versions';
import { formatDateTime } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const list = await orHttpError(
		listVersions(actorCtx(locals), {
			groupId: asId<GroupId>(params.groupId),
			materialId: asId<MaterialId>(params.materialId)
		})
	);
	const newest = list.versions[0]?.number ?? 0;
	// An unknown version in the address falls back to the two newest.
	const asked = (name: string, fallback: number) => {
		const n = Number(url.searchParams.get(name));
		return list.versions.some((v) => v.number === n) ? n : fallback;
	};
	const from = asked('from', newest - 1);
	const to = asked('to', newest);
	const comparison =
		list.versions.length > 1 && from !== to ? compareVersions(list.versions, from, to) : null;
	return {
		material: list.material,
		versions: list.versions.map((v) => ({
			number: v.number,
			at: formatDateTime(v.at, locals.locale, config().timeZone),
			authorName: v.authorName,
			changed: v.changed,
			reviewCount: v.reviewCount,
			attachments: v.snapshot.attachments.map((a) => a.name)
		})),
		comparison
	};
};

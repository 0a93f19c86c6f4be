import { config } from '$lib/server/config.js';
import { compareRevisions, listRevisions } from '$lib/server/domain/groups/list-revisions';
import { formatDateTime } from '$lib/i18n/format';
import { wordDiff } from '$lib/diff';
import { asId, type GroupId } from '$lib/server/domain/ids';
import { actorCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import { translate } from '$lib/server/web/i18n';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const groupId = asId<GroupId>(params.groupId);
	const { revisions } = await orHttpError(listRevisions(actorCtx(locals), { groupId }));
	const { timeZone } = config();
	const fieldName = (f: string) =>
		translate(`charter_${f.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())}` as never);
	const latest = revisions[0]?.number ?? 1;
	// Compare: by default the newest revision with the one before it.
	const to = Number(url.searchParams.get('to')) || latest;
	const from = Number(url.searchParams.get('from')) || Math.max(1, to - 1);
	// Numbers that name no revision (a hand-edited address) fall back to the newest two.
	const known = (n: number) => revisions.some((r) => r.number === n);
	const comparison =
		revisions.length > 1
			? known(from) && known(to) && from !== to
				? compareRevisions(revisions, from, to)
				: compareRevisions(revisions, latest - 1, latest)
			: null;
	return {
		revisions: revisions.map((r) => ({
			number: r.number,
			at: formatDateTime(r.at, locals.locale, timeZone),
			authorName: r.authorName ?? '—',
			changed: r.changed.map(fieldName)
		})),
		comparison: comparison && {
			from: comparison.from.number,
			to: comparison.to.number,
			fields: comparison.fields
				.filter((f) => f.isChanged)
				.map((f) => ({ name: fieldName(f.field), parts: wordDiff(f.before, f.after) }))
		}
	};
};

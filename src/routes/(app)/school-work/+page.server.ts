import { config } from '$lib/server/config.js';
import { formatDate } from '$lib/i18n/format';
import { listSchoolWork } from '$lib/server/domain/publications/list-school-work';
import { actorCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import { audienceName, licenceName, publicationTypeName } from '$lib/server/web/publication-views';
import type { PageServerLoad } from './$types';

/** "Our school's work": what the school's groups made known to the staff and the public. */
export const load: PageServerLoad = async ({ locals }) => {
	const rows = await orHttpError(listSchoolWork(actorCtx(locals)));
	return {
		publications: rows.map((p) => ({
			code: p.code,
			title: p.title,
			groupName: p.groupName,
			type: publicationTypeName(p.type),
			authors: p.authors.join(', '),
			audience: audienceName(p.audience),
			isPublic: p.audience === 'public',
			licence: licenceName(p.licence),
			publishedAt: p.publishedAt ? formatDate(p.publishedAt, locals.locale, config().timeZone) : ''
		}))
	};
};

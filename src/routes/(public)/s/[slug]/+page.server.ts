import { config } from '$lib/server/config.js';
import { formatDate } from '$lib/i18n/format';
import { getSchoolPage } from '$lib/server/domain/publications/school-page';
import { anonymousCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import { licenceName, publicationTypeName } from '$lib/server/web/publication-views';
import type { PageServerLoad } from './$types';

/** A school's public page: its published work and its creative groups. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const page = await orHttpError(getSchoolPage(anonymousCtx(), { slug: params.slug }));
	return {
		school: page.school,
		publications: page.publications.map((p) => ({
			code: p.code,
			title: p.title,
			type: publicationTypeName(p.type),
			authors: p.authors.join(', '),
			year: p.year,
			licence: licenceName(p.licence),
			publishedAt: p.publishedAt ? formatDate(p.publishedAt, locals.locale, config().timeZone) : ''
		})),
		groups: page.groups
	};
};

import { config } from '$lib/server/config.js';
import { formatDateTime } from '$lib/i18n/format';
import { listMyConsents } from '$lib/server/domain/publications/list-my-consents';
import { actorCtx } from '$lib/server/web/context';
import {
	consentAnswer,
	licenceName,
	publicationStatusName
} from '$lib/server/web/publication-views';
import type { PageServerLoad } from './$types';

/** What the author is asked to consent to before it goes public (§3.4), and what they said. */
export const load: PageServerLoad = async ({ locals }) => {
	const mine = await listMyConsents(actorCtx(locals));
	const line = (r: (typeof mine.waiting)[number]) => ({
		code: r.code,
		title: r.title,
		groupName: r.groupName,
		requestedBy: r.requestedBy ?? '',
		requestedAt: formatDateTime(r.requestedAt, locals.locale, config().timeZone),
		licence: licenceName(r.licence),
		status: publicationStatusName(r.status),
		answer: consentAnswer(r.decision)
	});
	return { waiting: mine.waiting.map(line), answered: mine.answered.map(line) };
};

import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { database } from '$lib/server/db';
import { getVoteForm } from '$lib/server/domain/votes/get-vote-form';
import { openVote } from '$lib/server/domain/votes/open-vote';
import { requireActor } from '$lib/server/web/denied';
import { runForm } from '$lib/server/web/forms';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import { toWallClock } from '$lib/server/zoned';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const actor = requireActor(locals);
	const { timeZone } = config();
	const form = await orHttpError(
		getVoteForm(database(), actor, params.groupId, { editionId: url.searchParams.get('edition') })
	);
	// "Put to a vote" on a proposal's page links here with ?proposal=<id>.
	const chosen = form.proposals.find((p) => p.id === url.searchParams.get('proposal'));
	const zone =
		new Intl.DateTimeFormat(locals.locale, { timeZone, timeZoneName: 'long' })
			.formatToParts(new Date())
			.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
	return {
		proposals: form.proposals,
		edition: form.edition,
		isExternalVoteAllowed: form.isExternalVoteAllowed,
		zone,
		/** The earliest deadline the browser's picker offers: now, in the deployment's zone. */
		earliest: toWallClock(new Date(), timeZone),
		defaults: {
			proposalId: chosen?.id ?? '',
			collectionEditionId: form.edition?.id ?? '',
			question:
				chosen?.title ??
				(form.edition
					? translate('collection_vote_question', {
							title: form.edition.title,
							number: form.edition.number
						})
					: ''),
			kind: 'yes_no',
			tally: 'live'
		} as Record<string, string>
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		const actor = requireActor(locals);
		const opened = await runForm(request, (values) =>
			openVote(database(), actor, params.groupId, values, { timeZone: config().timeZone })
		);
		if ('voteId' in opened)
			redirect(303, `/groups/${params.groupId}/votes/${opened.voteId}?opened=1`);
		return opened;
	}
};

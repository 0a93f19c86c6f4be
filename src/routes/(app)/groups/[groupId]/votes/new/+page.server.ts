import { config } from '$lib/server/config.js';
import { asId, type CollectionEditionId, type GroupId } from '$lib/server/domain/ids';
import { getVoteForm } from '$lib/server/domain/votes/get-vote-form';
import { openVote } from '$lib/server/domain/votes/open-vote';
import { actorCtx } from '$lib/server/web/context';
import { redirectConfirmed } from '$lib/server/web/form-results';
import { runForm } from '$lib/server/web/forms';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import { openVoteForm } from '$lib/server/web/vote-views';
import { toWallClock } from '$lib/server/zoned';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { timeZone } = config();
	const edition = url.searchParams.get('edition');
	const form = await orHttpError(
		getVoteForm(actorCtx(locals), {
			groupId: asId<GroupId>(params.groupId),
			editionId: edition ? asId<CollectionEditionId>(edition) : undefined
		})
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
	default: async (event) => {
		const ctx = actorCtx(event.locals);
		const groupId = asId<GroupId>(event.params.groupId);
		// Redirected from inside: the post is answered with the vote's page and the confirmation,
		// never with the redirect back to this form a post without JavaScript gets otherwise.
		// "?opened=1" stays in the address for the e2e seeds that wait for it.
		return runForm(event, async (values) => {
			const { voteId } = await openVote(ctx, openVoteForm(values, groupId, config().timeZone));
			return redirectConfirmed(
				event,
				`/groups/${groupId}/votes/${voteId}?opened=1`,
				'vote_opened_ok'
			);
		});
	}
};

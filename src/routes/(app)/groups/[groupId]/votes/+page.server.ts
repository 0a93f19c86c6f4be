import { config } from '$lib/server/config.js';
import { asId, type GroupId } from '$lib/server/domain/ids';
import { listVotes } from '$lib/server/domain/votes/list-votes';
import { ballots } from '$lib/server/secrets';
import { formatDateTime } from '$lib/i18n/format';
import { actorCtx } from '$lib/server/web/context';
import { orHttpError } from '$lib/server/web/load';
import { outcomeName, outcomeTone, turnoutLine, voteKindName } from '$lib/server/web/vote-views';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const list = await orHttpError(
		listVotes(actorCtx(locals), { groupId: asId<GroupId>(params.groupId), seal: ballots() })
	);
	const at = (date: Date) => formatDateTime(date, locals.locale, config().timeZone);
	const votes = list.votes.map((v) => ({
		id: v.id,
		number: v.number,
		question: v.question,
		kind: voteKindName(v.kind),
		isOpen: v.status === 'open',
		isSecret: v.isSecret,
		closesAt: v.closesAt ? at(v.closesAt) : null,
		closedAt: v.closedAt ? at(v.closedAt) : null,
		proposalNumber: v.proposalNumber,
		hasVoted: v.hasVoted,
		isOnRoll: v.isOnRoll,
		turnout: turnoutLine(v.participantCount, v.rollCount),
		outcome: v.outcome ? outcomeName(v.outcome) : null,
		tone: v.outcome ? outcomeTone(v.outcome) : ''
	}));
	return {
		open: votes.filter((v) => v.isOpen),
		closed: votes.filter((v) => !v.isOpen),
		canOpen: list.canOpen
	};
};

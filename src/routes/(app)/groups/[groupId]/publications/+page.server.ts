import { isActionFailure, redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { formatDateTime } from '$lib/i18n/format';
import { asId, type GroupId, type PublicationId } from '$lib/server/domain/ids';
import { listGroupPublications } from '$lib/server/domain/publications/list-group-publications';
import type { RequestPublicationInput } from '$lib/server/domain/publications/input';
import { requestPublication } from '$lib/server/domain/publications/request-publication';
import { unpublish } from '$lib/server/domain/publications/unpublish';
import { withdrawPublication } from '$lib/server/domain/publications/withdraw-publication';
import { actorCtx } from '$lib/server/web/context';
import { runForm } from '$lib/server/web/forms';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import {
	consentAnswer,
	audienceName,
	audienceOptions,
	licenceName,
	licenceOptions,
	publicationStatusName
} from '$lib/server/web/publication-views';
import { publicationTarget } from '$lib/server/web/publication-target';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const ctx = actorCtx(locals);
	const list = await orHttpError(
		listGroupPublications(ctx, { groupId: asId<GroupId>(params.groupId) })
	);
	const when = (date: Date | null) =>
		date ? formatDateTime(date, locals.locale, config().timeZone) : null;
	const { editions, materials, resultsMaterials } = list.candidates;
	return {
		canPublish: list.canPublish,
		/** The target asked for by a link from an edition or a material (?target=material:ID). */
		target: url.searchParams.get('target') ?? '',
		done: url.searchParams.get('done'),
		code: url.searchParams.get('code'),
		targets: [
			...editions.map((e) => ({
				value: `edition:${e.id}`,
				label: `${e.title} · ${translate('publications_edition_number', { number: e.number })}`
			})),
			...materials.map((m) => ({
				value: `material:${m.id}`,
				label: `${m.title} · ${translate('publications_version_number', { number: m.versionNumber })}`
			})),
			...(resultsMaterials > 0
				? [{ value: 'results', label: translate('publications_target_results') }]
				: [])
		],
		audiences: audienceOptions(),
		licences: licenceOptions(),
		publications: list.publications.map((p) => ({
			id: p.id,
			code: p.code,
			title: p.title,
			status: p.status,
			statusName: publicationStatusName(p.status),
			audienceName: audienceName(p.audience),
			licenceName: licenceName(p.licence),
			requestedAt: when(p.requestedAt),
			publishedAt: when(p.publishedAt),
			endedAt: when(p.endedAt),
			endReason: p.endReason,
			consents: p.consents.map((c) => ({
				name: c.name,
				answer: consentAnswer(c.decision),
				decision: c.decision,
				reason: c.reason
			}))
		}))
	};
};

export const actions: Actions = {
	publish: async (event) => {
		const ctx = actorCtx(event.locals);
		const groupId = asId<GroupId>(event.params.groupId);
		const result = await runForm(event, (values) =>
			requestPublication(ctx, {
				groupId,
				target: publicationTarget(values.target),
				audience: values.audience as RequestPublicationInput['audience'],
				licence: (values.licence || undefined) as RequestPublicationInput['licence'],
				resultsTitle: translate('publications_results_title')
			})
		);
		if (!('code' in result)) return result;
		const done = result.status === 'published' ? 'published' : 'asked';
		redirect(303, `?done=${done}&code=${result.code}`);
	},
	withdraw: async (event) => {
		const ctx = actorCtx(event.locals);
		const groupId = asId<GroupId>(event.params.groupId);
		const result = await runForm(
			event,
			async (values) => {
				await withdrawPublication(ctx, {
					groupId,
					publicationId: asId<PublicationId>(String(values.publicationId ?? ''))
				});
				return { ok: true as const };
			},
			{ id: 'publicationId' }
		);
		if (!isActionFailure(result)) redirect(303, '?done=withdrawn');
		return result;
	},
	unpublish: async (event) => {
		const ctx = actorCtx(event.locals);
		const groupId = asId<GroupId>(event.params.groupId);
		const result = await runForm(
			event,
			async (values) => {
				await unpublish(ctx, {
					groupId,
					publicationId: asId<PublicationId>(String(values.publicationId ?? '')),
					reason: String(values.reason ?? '')
				});
				return { ok: true as const };
			},
			{ id: 'publicationId' }
		);
		if (!isActionFailure(result)) redirect(303, '?done=unpublished');
		return result;
	}
};

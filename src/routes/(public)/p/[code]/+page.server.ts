import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { formatDate, formatDateTime } from '$lib/i18n/format';
import { answerConsent } from '$lib/server/domain/publications/answer-consent';
import { answerConsentInput } from '$lib/server/domain/publications/input';
import { getPublication } from '$lib/server/domain/publications/get-publication';
import { publicationHead } from '$lib/server/machines/head';
import { asId, type PublicationId } from '$lib/server/domain/ids';
import { indicatorChart, indicatorDefinitions } from '$lib/server/web/approbation-views';
import { actorCtx, viewerCtx } from '$lib/server/web/context';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { translate } from '$lib/server/web/i18n';
import { orHttpError, signInFirst } from '$lib/server/web/load';
import {
	consentAnswer,
	audienceName,
	citationsOf,
	licenceName,
	licenceUrl,
	publicationStatusName,
	publicationTypeName,
	publicationUrl
} from '$lib/server/web/publication-views';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const ctx = viewerCtx(locals);
	const view = await orHttpError(
		getPublication(ctx, { code: params.code, locale: locals.locale }).catch(signInFirst(url))
	);
	const { meta } = view.snapshot;
	const timeZone = config().timeZone;
	const address = publicationUrl(config().baseUrl, view.code);
	const base = `/p/${view.code}`;
	const snapshot = view.snapshot;
	return {
		code: view.code,
		base,
		address,
		status: view.status,
		statusName: publicationStatusName(view.status),
		kind: view.kind,
		audience: view.audience,
		audienceName: audienceName(view.audience),
		title: view.title,
		meta: {
			subtitle: meta.subtitle,
			abstract: meta.abstract.split(/\n{2,}/).filter(Boolean),
			authors: meta.authors.map((a) => a.name),
			type: publicationTypeName(meta.type),
			subjects: view.subjects,
			grades: meta.grades.join(', '),
			language: translate(`material_language_${meta.language}` as 'material_language_ky'),
			lang: meta.language,
			year: meta.year,
			schoolName: meta.schoolName,
			schoolSlug: meta.schoolSlug,
			groupName: meta.groupName
		},
		licence: { name: licenceName(view.licence), url: licenceUrl(view.licence) },
		publishedAt: view.publishedAt ? formatDate(view.publishedAt, locals.locale, timeZone) : null,
		endedAt: view.endedAt ? formatDateTime(view.endedAt, locals.locale, timeZone) : null,
		endReason: view.endReason,
		canRead: view.canRead,
		isPublisher: view.isPublisher,
		groupId: view.groupId,
		citations: citationsOf(meta, address, ctx.now),
		consents: view.consents.map((c) => ({
			name: c.name,
			answer: consentAnswer(c.decision)
		})),
		myConsent: view.myConsent,
		publicationId: view.id,
		/** Only machines' copies of a live public publication may be indexed. */
		indexable: view.status === 'published' && view.audience === 'public',
		head:
			view.status === 'published' && view.audience === 'public' && view.publishedAt
				? publicationHead(
						{
							code: view.code,
							type: meta.type,
							title: meta.title,
							subtitle: meta.subtitle,
							abstract: meta.abstract,
							authors: meta.authors.map((a) => a.name),
							grades: meta.grades,
							language: meta.language,
							year: meta.year,
							licence: view.licence,
							schoolName: meta.schoolName,
							schoolSlug: meta.schoolSlug,
							publishedAt: view.publishedAt,
							subjects: view.subjects
						},
						config().baseUrl,
						locals.locale
					)
				: null,
		edition:
			snapshot.kind === 'edition' && view.canRead
				? {
						contents: snapshot.contents,
						pdf: view.edition?.pdfSize ? `${base}/publication.pdf` : null,
						docx: view.edition?.docxSize ? `${base}/publication.docx` : null,
						read: `${base}/read`
					}
				: null,
		results:
			snapshot.kind === 'results' && view.canRead
				? snapshot.materials.map((material) => {
						const titles = new Map(material.approbations.map((a) => [a.id, a.title]));
						return {
							title: material.title,
							authors: material.authors,
							counts: translate('results_counts', {
								count: material.results.approbations,
								confirmed: material.results.confirmedApprobations
							}),
							charts: material.results.indicators.map((i) =>
								indicatorChart(i, titles, locals.locale)
							)
						};
					})
				: null,
		definitions: snapshot.kind === 'results' ? indicatorDefinitions() : [],
		material:
			snapshot.kind === 'material' && view.canRead
				? {
						pdf: `${base}/publication.pdf`,
						docx: `${base}/publication.docx`,
						print: `${base}/print`
					}
				: null
	};
};

export const actions: Actions = {
	consent: async (event) => {
		const ctx = actorCtx(event.locals);
		const result = await runForm(event, async (values) => {
			const input = formInput(answerConsentInput, values, {
				publicationId: asId<PublicationId>(String(values.publicationId ?? ''))
			});
			return { answered: (await answerConsent(ctx, input)).status };
		});
		if (!('answered' in result)) return result;
		redirect(303, `?answered=${result.answered}`);
	}
};

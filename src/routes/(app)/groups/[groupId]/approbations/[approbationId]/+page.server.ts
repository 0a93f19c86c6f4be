import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import { askToObserve } from '$lib/server/domain/approbations/ask-to-observe';
import { assertCanEditApprobation } from '$lib/server/domain/approbations/assert-can-edit';
import { attachApprobationFiles } from '$lib/server/domain/approbations/attach-files';
import { getApprobation } from '$lib/server/domain/approbations/get-approbation';
import {
	askToObserveInput,
	approbationFileInput,
	MAX_APPROBATION_FILES
} from '$lib/server/domain/approbations/input';
import { removeApprobationFile } from '$lib/server/domain/approbations/remove-file';
import { markIndicators } from '$lib/server/domain/approbations/results-model';
import { asId, type ApprobationId, type GroupId } from '$lib/server/domain/ids';
import {
	changeText,
	confirmationName,
	indicatorDefinitions,
	indicatorName,
	periodOf,
	valueText
} from '$lib/server/web/approbation-views';
import { actorCtx } from '$lib/server/web/context';
import { formatDay } from '$lib/server/web/days';
import { formInput } from '$lib/server/web/form-input';
import { runForm } from '$lib/server/web/forms';
import { translate } from '$lib/server/web/i18n';
import { orHttpError } from '$lib/server/web/load';
import { fileSize } from '$lib/server/web/material-views';
import { runUpload } from '$lib/server/web/uploads';
import type { Actions, PageServerLoad } from './$types';

const idsOf = (params: { groupId: string; approbationId: string }) => ({
	groupId: asId<GroupId>(params.groupId),
	approbationId: asId<ApprobationId>(params.approbationId)
});

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const view = await orHttpError(getApprobation(actorCtx(locals), idsOf(params)));
	const locale = locals.locale;
	const base = `/groups/${params.groupId}/approbations/${params.approbationId}`;
	const a = view.approbation;
	return {
		flash: ['created', 'saved', 'observed', 'asked', 'uploaded', 'removed'].find((k) =>
			url.searchParams.has(k)
		),
		approbation: {
			id: a.id,
			title: a.title,
			authorName: a.authorName,
			period: periodOf(a.startsOn, a.endsOn, locale),
			plan: a.plan,
			observations: a.observations,
			conclusion: a.conclusion
		},
		tried:
			view.tried.kind === 'material'
				? {
						text: translate('approbation_tried_material', { title: view.tried.title }),
						href: `/groups/${params.groupId}/materials/${view.tried.id}`,
						version:
							view.tried.versionNumber === null
								? null
								: translate('approbation_version', { number: view.tried.versionNumber }),
						results: `/groups/${params.groupId}/materials/${view.tried.id}/results`
					}
				: {
						text: translate('approbation_tried_proposal', {
							number: view.tried.number,
							title: view.tried.title
						}),
						href: `/groups/${params.groupId}/proposals/${view.tried.id}`,
						version: null,
						results: null
					},
		classes: view.classes.map((c) => ({
			id: c.id,
			caption: translate('approbation_class_caption', {
				name: c.name,
				grade: c.grade,
				pupils: c.pupils
			}),
			counts:
				c.before || c.after
					? {
							before: c.before
								? `${c.before.fives} / ${c.before.fours} / ${c.before.threes} / ${c.before.twos}`
								: '—',
							after: c.after
								? `${c.after.fives} / ${c.after.fours} / ${c.after.threes} / ${c.after.twos}`
								: '—'
						}
					: null,
			rows: [
				...(c.before || c.after ? markIndicators : []).map((key) => {
					const unit = key === 'average_mark' ? '' : '%';
					const before = c.beforeIndicators?.[key];
					const after = c.afterIndicators?.[key];
					return {
						name: indicatorName(key),
						before: before === undefined ? '—' : valueText(key, before, unit, locale),
						after: after === undefined ? '—' : valueText(key, after, unit, locale),
						change:
							before === undefined || after === undefined
								? '—'
								: changeText(key, after - before, unit, locale)
					};
				}),
				...c.indicators.map((i) => ({
					name: i.name,
					before: valueText('custom', i.before, i.unit, locale),
					after: valueText('custom', i.after, i.unit, locale),
					change: changeText('custom', i.after - i.before, i.unit, locale)
				}))
			]
		})),
		definitions: indicatorDefinitions(),
		files: view.files.map((f) => ({
			id: f.id,
			name: f.name,
			size: fileSize(f.size, locale),
			href: `${base}/files/${f.id}`
		})),
		report: view.report,
		observations: view.observations.map((o) => ({
			id: o.id,
			observer: translate('approbation_observer', { name: o.observerName }),
			on: translate('approbation_observed_on', { date: formatDay(o.observedOn, locale) }),
			className: o.className
				? translate('approbation_observed_class', { name: o.className })
				: null,
			comments: o.comments,
			conclusion: o.conclusion,
			sheet: o.sheet
		})),
		requested: view.requests.length
			? translate('approbation_requested', {
					names: view.requests.map((r) => r.observerName).join(', ')
				})
			: null,
		planItems: view.planItems.map((p) => ({
			href: `/groups/${params.groupId}/plan/${p.id}`,
			title: p.title,
			dueOn: formatDay(p.dueOn, locale)
		})),
		confirmed: view.confirmed,
		status: confirmationName(view.confirmed),
		observationsOf: translate('approbation_observations_of', {
			count: view.observationCount,
			required: view.required
		}),
		isAuthor: view.approbation.authorId === locals.actor?.id,
		askedMe: view.askedMe,
		can: view.can,
		observerChoices: view.observerChoices.map((c) => ({ value: c.id, label: c.fullName })),
		maxFileMb: Math.round(config().maxFileBytes / 1024 / 1024),
		maxFiles: MAX_APPROBATION_FILES
	};
};

export const actions: Actions = {
	upload: async (event) => {
		const ctx = actorCtx(event.locals);
		const ids = idsOf(event.params);
		const result = await runUpload(
			event,
			() => assertCanEditApprobation(ctx, ids),
			async (_values, files) =>
				attachApprobationFiles(ctx, { ...ids, files, maxGroupBytes: config().maxGroupFilesBytes }),
			{ maxFiles: MAX_APPROBATION_FILES }
		);
		if ('count' in result)
			redirect(303, `/groups/${ids.groupId}/approbations/${ids.approbationId}?uploaded=1`);
		return result;
	},
	removeFile: async (event) => {
		const ctx = actorCtx(event.locals);
		const ids = idsOf(event.params);
		const result = await runForm(
			event,
			async (values) => {
				await removeApprobationFile(ctx, formInput(approbationFileInput, values, ids));
				return { removed: true as const };
			},
			{ id: 'fileId' }
		);
		if ('removed' in result)
			redirect(303, `/groups/${ids.groupId}/approbations/${ids.approbationId}?removed=1`);
		return result;
	},
	ask: async (event) => {
		const ctx = actorCtx(event.locals);
		const ids = idsOf(event.params);
		const result = await runForm(event, async (values) => {
			await askToObserve(ctx, formInput(askToObserveInput, values, ids));
			return { asked: true as const };
		});
		if ('asked' in result)
			redirect(303, `/groups/${ids.groupId}/approbations/${ids.approbationId}?asked=1`);
		return result;
	}
};

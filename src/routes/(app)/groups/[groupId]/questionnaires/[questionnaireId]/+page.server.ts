import { redirect } from '@sveltejs/kit';
import { config } from '$lib/server/config.js';
import {
	answerQuestionnaire,
	assertCanAnswer
} from '$lib/server/domain/forms/answer-questionnaire';
import { answersToValues } from '$lib/server/domain/forms/answers';
import { closeQuestionnaire, setResultsShared } from '$lib/server/domain/forms/close-questionnaire';
import { getQuestionnaire } from '$lib/server/domain/forms/get-questionnaire';
import {
	asId,
	type FormVersionId,
	type GroupId,
	type QuestionnaireId
} from '$lib/server/domain/ids';
import { formatDate, formatDateTime, formatNumber } from '$lib/i18n/format';
import { FORM_LIMITS } from '$lib/server/domain/forms/fields';
import { actorCtx } from '$lib/server/web/context';
import { formatDay, today } from '$lib/server/web/days';
import { answerText, summaryViews } from '$lib/server/web/form-views';
import { runForm } from '$lib/server/web/forms';
import { runUpload } from '$lib/server/web/uploads';
import { orHttpError } from '$lib/server/web/load';
import type { ReceivedFile } from '$lib/server/files/receive';
import type { Actions, PageServerLoad } from './$types';

// Plain forms and server-drawn charts: the page needs no JavaScript, and without hydration a
// questionnaire's 30 charts and tables are not sent twice (as HTML and as page data).
export const csr = false;

const ROSTER_SHOWN = 200;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { timeZone } = config();
	const locale = locals.locale;
	const asked = Number(url.searchParams.get('page') ?? 1);
	const page = Number.isInteger(asked) && asked >= 1 && asked <= 100_000 ? asked : 1;
	const view = await orHttpError(
		getQuestionnaire(actorCtx(locals), {
			groupId: asId<GroupId>(params.groupId),
			questionnaireId: asId<QuestionnaireId>(params.questionnaireId),
			today: today(timeZone),
			page
		})
	);
	const q = view.questionnaire;
	const fileNames = new Map(Object.entries(view.fileNames));
	const filesHref = `/groups/${params.groupId}/questionnaires/${q.id}/files`;
	return {
		questionnaire: {
			id: q.id,
			title: q.title,
			message: q.message,
			deadline: q.deadlineOn ? formatDay(q.deadlineOn, locale) : null,
			sentOn: formatDate(q.sentAt, locale, timeZone),
			isResultsShared: q.isResultsShared,
			isClosedByLeader: q.closedAt !== null
		},
		fields: view.fields,
		hasFiles: view.fields.some((f) => f.type === 'file'),
		exportLimit: formatNumber(FORM_LIMITS.exportCells, locale),
		version: view.version,
		isOpen: view.isOpen,
		canAnswer: view.canAnswer,
		canManage: view.canManage,
		mine: view.mine
			? {
					status: view.mine.status,
					values: answersToValues(view.fields, view.mine.answers),
					files: Object.fromEntries(
						view.fields
							.filter((f) => f.type === 'file')
							.map((f) => {
								const ids = view.mine!.answers[f.key];
								return [
									f.key,
									(Array.isArray(ids) ? ids : []).map((id) => ({
										id,
										name: fileNames.get(id) ?? id,
										href: `${filesHref}/${id}`
									}))
								];
							})
					),
					updatedAt: formatDateTime(view.mine.updatedAt, locale, timeZone)
				}
			: null,
		roster: view.roster?.slice(0, ROSTER_SHOWN).map((r) => ({
			...r,
			submittedAt: r.submittedAt ? formatDateTime(r.submittedAt, locale, timeZone) : null
		})),
		rosterCount: view.roster?.length ?? 0,
		rosterAnswered: view.roster?.filter((r) => r.status === 'submitted').length ?? 0,
		paging: { page: Math.min(page, view.pages), pages: view.pages, total: view.responsesTotal },
		responses: view.responses?.map((r) => ({
			id: r.id,
			fullName: r.fullName,
			submittedAt: r.submittedAt ? formatDateTime(r.submittedAt, locale, timeZone) : '',
			cells: view.fields.map((f) => answerText(f, r.answers[f.key], locale, fileNames))
		})),
		summary: view.summary ? summaryViews(view.summary, locale) : null,
		flags: {
			sent: url.searchParams.has('sent'),
			draft: url.searchParams.has('draft'),
			answered: url.searchParams.has('answered'),
			closed: url.searchParams.has('closed'),
			shared: url.searchParams.has('shared')
		}
	};
};

const ids = (params: { groupId?: string; questionnaireId?: string }) => ({
	groupId: asId<GroupId>(params.groupId!),
	questionnaireId: asId<QuestionnaireId>(params.questionnaireId!)
});
const pageOf = (ref: ReturnType<typeof ids>) =>
	`/groups/${ref.groupId}/questionnaires/${ref.questionnaireId}`;

export const actions: Actions = {
	/** "Save and finish later" (intent=draft) or "Send" (intent=send). */
	answer: async (event) => {
		const ref = ids(event.params);
		const ctx = actorCtx(event.locals);
		const answer = (values: Record<string, string | string[]>, files: ReceivedFile[] = []) =>
			answerQuestionnaire(ctx, {
				...ref,
				versionId: asId<FormVersionId>(
					typeof values.versionId === 'string' ? values.versionId : ''
				),
				revision: Number(values.revision),
				values,
				send: values.intent === 'send',
				today: today(config().timeZone),
				files,
				maxGroupBytes: config().maxGroupFilesBytes
			});
		// A form with file questions comes as multipart: streamed, and only after the access
		// check (a refused upload is never read).
		const multipart = event.request.headers.get('content-type')?.startsWith('multipart/form-data');
		const result = multipart
			? await runUpload(event, () => assertCanAnswer(ctx, ref), answer, { maxFiles: 20 })
			: await runForm(event, (values) => answer(values));
		if ('responseId' in result)
			redirect(303, `${pageOf(ref)}?${result.status === 'submitted' ? 'answered' : 'draft'}=1`);
		return result;
	},
	close: async (event) => {
		const ref = ids(event.params);
		const result = await runForm(event, async () => {
			await closeQuestionnaire(actorCtx(event.locals), ref);
			return { done: true as const };
		});
		if ('done' in result) redirect(303, `${pageOf(ref)}?closed=1`);
		return result;
	},
	share: async (event) => {
		const ref = ids(event.params);
		const result = await runForm(event, async (values) => {
			await setResultsShared(actorCtx(event.locals), { ...ref, shared: values.shared === 'true' });
			return { done: true as const };
		});
		if ('done' in result) redirect(303, `${pageOf(ref)}?shared=1`);
		return result;
	}
};

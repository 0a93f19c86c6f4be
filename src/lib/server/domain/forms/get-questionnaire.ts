import { z } from 'zod';
import type { Questionnaire } from '../../db/types';
import { day, validate } from '../../validation';
import type { Ctx } from '../context';
import { groupId, questionnaireId } from '../ids';
import { parseAnswers, type Answers } from './answers';
import type { FormField } from './fields';
import { versionFields } from './group-forms';
import { canAnswer, canManageForms, canSeeResponses, canSeeSummary } from './policy';
import { responseFileNames } from './response-files';
import { questionnaireSummary } from './summary-cache';
import type { QuestionSummary } from './summary';
import { formsAccess, isQuestionnaireOpen, questionnaireOf } from './queries';

export const getQuestionnaireInput = z.object({
	groupId,
	questionnaireId,
	today: day,
	/** The page of the named responses table. */
	page: z.number().int().min(1).max(100_000).default(1)
});

/** The named table in pages: a big questionnaire stays a fast page (exports take all). */
export const RESPONSES_PER_PAGE = 50;
export type GetQuestionnaireInput = z.input<typeof getQuestionnaireInput>;

export interface RosterLine {
	userId: string;
	fullName: string;
	status: 'none' | 'draft' | 'submitted';
	submittedAt: Date | null;
}

export interface ResponseLine {
	id: string;
	respondentId: string;
	fullName: string;
	submittedAt: Date | null;
	answers: Answers;
}

export interface QuestionnaireView {
	questionnaire: Questionnaire;
	fields: FormField[];
	version: { id: string; number: number; revision: number };
	isOpen: boolean;
	canAnswer: boolean;
	canManage: boolean;
	/** The actor's own response. */
	mine: { id: string; status: 'draft' | 'submitted'; answers: Answers; updatedAt: Date } | null;
	/** Managers: who answered and who not (current members). */
	roster: RosterLine[] | null;
	/** Managers: the sent responses, named (the page asked for). */
	responses: ResponseLine[] | null;
	/** Managers: all sent responses, and the pages of the named table. */
	responsesTotal: number;
	pages: number;
	/** The summary per question (managers; members once shared): figures, never names. */
	summary: QuestionSummary[] | null;
	/** Names of the files answered, by id: the actor's own, and all for managers. */
	fileNames: Record<string, string>;
}

/**
 * A questionnaire as the actor may see it: a member fills it in and sees their own answers;
 * the leader and the administration see who answered, the named responses and the summary;
 * the members see the summary only once the leader shares it, never a named answer.
 */
export async function getQuestionnaire(
	{ db, actor }: Ctx,
	input: GetQuestionnaireInput
): Promise<QuestionnaireView> {
	const access = await formsAccess(db, actor, input.groupId);
	const q = validate(getQuestionnaireInput, input);
	const questionnaire = await questionnaireOf(db, q.groupId, q.questionnaireId);
	const version = await versionFields(db, questionnaire.formVersionId);
	const own = await db
		.selectFrom('formResponses')
		.select(['id', 'status', 'answers', 'updatedAt'])
		.where('questionnaireId', '=', questionnaire.id)
		.where('respondentId', '=', actor.id)
		.executeTakeFirst();
	const managing = canSeeResponses(actor, access);
	let roster: RosterLine[] | null = null;
	let responses: ResponseLine[] | null = null;
	let total = 0;
	const summary = canSeeSummary(actor, access, questionnaire)
		? await questionnaireSummary(db, questionnaire, version)
		: null;
	if (managing) {
		// Who answered: every response's state, without the answers.
		const states = await db
			.selectFrom('formResponses')
			.select(['respondentId', 'status', 'submittedAt'])
			.where('questionnaireId', '=', questionnaire.id)
			.execute();
		total = states.filter((r) => r.status === 'submitted').length;
		const members = await db
			.selectFrom('groupMembers as m')
			.innerJoin('users as u', 'u.id', 'm.userId')
			.select(['u.id', 'u.fullName'])
			.where('m.groupId', '=', questionnaire.groupId)
			.where('m.leftAt', 'is', null)
			.orderBy('u.fullName')
			.execute();
		const byUser = new Map(states.map((r) => [r.respondentId, r]));
		roster = members.map((m) => {
			const r = byUser.get(m.id);
			return {
				userId: m.id,
				fullName: m.fullName,
				status: r ? r.status : 'none',
				submittedAt: r?.submittedAt ?? null
			};
		});
		// The named table, one page of it.
		const rows = await db
			.selectFrom('formResponses as r')
			.innerJoin('users as u', 'u.id', 'r.respondentId')
			.select(['r.id', 'r.respondentId', 'r.answers', 'r.submittedAt', 'u.fullName'])
			.where('r.questionnaireId', '=', questionnaire.id)
			.where('r.status', '=', 'submitted')
			.orderBy('u.fullName')
			.orderBy('r.id')
			.limit(RESPONSES_PER_PAGE)
			.offset((q.page - 1) * RESPONSES_PER_PAGE)
			.execute();
		responses = rows.map((r) => ({
			id: r.id,
			respondentId: r.respondentId,
			fullName: r.fullName,
			submittedAt: r.submittedAt,
			answers: parseAnswers(r.answers)
		}));
	}
	const hasFiles = version.fields.some((f) => f.type === 'file');
	const named = hasFiles
		? await responseFileNames(db, [
				...(own ? [own.id] : []),
				...(responses ?? []).filter((r) => r.id !== own?.id).map((r) => r.id)
			])
		: new Map();
	return {
		fileNames: Object.fromEntries([...named].map(([id, f]) => [id, f.name])),
		questionnaire,
		fields: version.fields,
		version: {
			id: questionnaire.formVersionId,
			number: version.number,
			revision: version.revision
		},
		isOpen: isQuestionnaireOpen(questionnaire, q.today) && !access.isClosed,
		canAnswer: canAnswer(actor, access),
		canManage: canManageForms(actor, access),
		mine: own
			? {
					id: own.id,
					status: own.status,
					answers: parseAnswers(own.answers),
					updatedAt: own.updatedAt
				}
			: null,
		roster,
		responses,
		responsesTotal: total,
		pages: Math.max(1, Math.ceil(total / RESPONSES_PER_PAGE)),
		summary
	};
}

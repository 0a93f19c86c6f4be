import { z } from 'zod';
import type { FormPurpose } from '../../db/types';
import { day, validate } from '../../validation';
import type { Ctx } from '../context';
import { groupId } from '../ids';
import { canAnswer, canManageForms } from './policy';
import { formsAccess, isQuestionnaireOpen } from './queries';

export const listFormsInput = z.object({ groupId, today: day });
export type ListFormsInput = z.input<typeof listFormsInput>;

export interface FormLine {
	id: string;
	purpose: FormPurpose;
	title: string;
	isArchived: boolean;
	versions: number;
	updatedAt: Date;
}

export interface QuestionnaireLine {
	id: string;
	title: string;
	deadlineOn: string | null;
	isOpen: boolean;
	sentAt: Date;
	/** Responses sent, of the current members. */
	answered: number;
	members: number;
	/** The actor's own response: none, a draft, or sent. */
	mine: 'none' | 'draft' | 'submitted';
	/** A current member who has not sent it while it is open. */
	isYoursToFill: boolean;
	isResultsShared: boolean;
}

/** The Forms tab: the group's forms by purpose and its questionnaires. */
export async function listForms({ db, actor }: Ctx, input: ListFormsInput) {
	const access = await formsAccess(db, actor, input.groupId);
	const { groupId: id, today } = validate(listFormsInput, input);
	const canManage = canManageForms(actor, access);
	const forms = canManage
		? await db
				.selectFrom('forms as f')
				.leftJoin('formVersions as v', 'v.formId', 'f.id')
				.select((eb) => [
					'f.id',
					'f.purpose',
					'f.title',
					'f.archivedAt',
					'f.updatedAt',
					eb.fn.max('v.number').as('versions')
				])
				.where('f.groupId', '=', id)
				.groupBy(['f.id', 'f.purpose', 'f.title', 'f.archivedAt', 'f.updatedAt'])
				.orderBy('f.updatedAt', 'desc')
				.execute()
		: [];
	const members = await db
		.selectFrom('groupMembers')
		.select('userId')
		.where('groupId', '=', id)
		.where('leftAt', 'is', null)
		.execute();
	const memberIds = new Set(members.map((m) => m.userId));
	const questionnaires = await db
		.selectFrom('questionnaires')
		.selectAll()
		.where('groupId', '=', id)
		.orderBy('sentAt', 'desc')
		.execute();
	const responses = questionnaires.length
		? await db
				.selectFrom('formResponses')
				.select(['questionnaireId', 'respondentId', 'status'])
				.where(
					'questionnaireId',
					'in',
					questionnaires.map((q) => q.id)
				)
				.execute()
		: [];
	const lines: QuestionnaireLine[] = questionnaires.map((q) => {
		const mine = responses.find((r) => r.questionnaireId === q.id && r.respondentId === actor.id);
		const isOpen = isQuestionnaireOpen(q, today);
		return {
			id: q.id,
			title: q.title,
			deadlineOn: q.deadlineOn,
			isOpen,
			sentAt: q.sentAt,
			answered: responses.filter(
				(r) =>
					r.questionnaireId === q.id && r.status === 'submitted' && memberIds.has(r.respondentId)
			).length,
			members: memberIds.size,
			mine: mine ? mine.status : 'none',
			isYoursToFill: isOpen && canAnswer(actor, access) && mine?.status !== 'submitted',
			isResultsShared: q.isResultsShared
		};
	});
	return {
		canManage,
		isClosed: access.isClosed,
		forms: forms.map((f): FormLine => ({
			id: f.id,
			purpose: f.purpose,
			title: f.title,
			isArchived: f.archivedAt !== null,
			versions: Number(f.versions ?? 1),
			updatedAt: f.updatedAt
		})),
		questionnaires: lines
	};
}

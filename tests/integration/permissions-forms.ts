import { group, groupWork, inGroup, members, runners, type Row } from './matrix';
import type { World } from './world';

// C5 (§5.3): information-collection forms and questionnaires. The leader and the school's
// admin build forms, send questionnaires and read the named answers (page and exports);
// members answer and never read another member's answers (only the summary, once shared);
// staff who are not members are refused; another school is told nothing exists (404).

const formsPage = (w: World) => `${group(w)}/forms`;
const builder = (w: World) => `${formsPage(w)}/${w.formsFormId}`;
const questionnaire = (w: World) => `${group(w)}/questionnaires/${w.questionnaireId}`;

export const formRows: Row[] = [
	{
		route: '/(app)/groups/[groupId]/forms',
		use: 'GET',
		path: formsPage,
		expect: groupWork(200)
	},
	...(['create', 'adopt'] as const).map((action): Row => ({
		route: '/(app)/groups/[groupId]/forms',
		use: `?/${action}`,
		path: formsPage,
		form: {},
		// A member cannot make forms: 403; the leader and the admin get "fill it in".
		expect: runners(400)
	})),
	{
		route: '/(app)/groups/[groupId]/forms/[formId]',
		use: 'GET',
		path: builder,
		expect: runners(200)
	},
	// Members cannot edit forms: 403 before anything is read; empty forms are 400 for runners.
	...(
		['details', 'addField', 'updateField', 'removeField', 'moveField', 'reorder', 'send'] as const
	).map((action): Row => ({
		route: '/(app)/groups/[groupId]/forms/[formId]',
		use: `?/${action}`,
		path: builder,
		form: {},
		expect: runners(400)
	})),
	// Archiving (and back) is done on a spare form; both are repeatable.
	...(['archive', 'unarchive'] as const).map((action): Row => ({
		route: '/(app)/groups/[groupId]/forms/[formId]',
		use: `?/${action}`,
		path: (w) => `${formsPage(w)}/${w.spareFormId}`,
		form: {},
		expect: runners(303)
	})),
	{
		route: '/(app)/groups/[groupId]/questionnaires/[questionnaireId]',
		use: 'GET',
		path: questionnaire,
		expect: groupWork(200)
	},
	// Answering from a page of another revision: members get "the form changed" (409), nothing
	// is written; the admin is not a member and cannot answer (403).
	{
		route: '/(app)/groups/[groupId]/questionnaires/[questionnaireId]',
		use: '?/answer',
		path: questionnaire,
		form: (w) => ({ versionId: w.formsVersionId, revision: '999', intent: 'send' }),
		expect: members(409)
	},
	{
		route: '/(app)/groups/[groupId]/questionnaires/[questionnaireId]',
		use: '?/share',
		path: questionnaire,
		form: { shared: 'false' },
		expect: runners(303)
	},
	{
		route: '/(app)/groups/[groupId]/questionnaires/[questionnaireId]',
		use: '?/close',
		path: (w) => `${group(w)}/questionnaires/${w.closableQuestionnaireId}`,
		form: {},
		expect: runners(303)
	},
	// The named answers: the leader and the admin only; a member reading memberA's answers
	// (or their own in bulk) is refused, a non-member too, another school sees nothing.
	...(['responses.csv', 'responses.xlsx'] as const).map((file): Row => ({
		route: `/(app)/groups/[groupId]/questionnaires/[questionnaireId]/${file}`,
		use: 'GET',
		path: (w) => `${questionnaire(w)}/${file}`,
		expect: { ...runners(200), anonymous: 401 }
	})),
	// A file answered by memberA: theirs, the leader's and the admin's; another member 403.
	{
		route: '/(app)/groups/[groupId]/questionnaires/[questionnaireId]/files/[fileId]',
		use: 'GET',
		path: (w) => `${group(w)}/questionnaires/${w.fileQuestionnaireId}/files/${w.responseFileId}`,
		expect: { ...runners(200, { memberA: 200 }), anonymous: 401 }
	},
	// A questionnaire of another group or none: 404 for whoever sees the group.
	{
		route: '/(app)/groups/[groupId]/questionnaires/[questionnaireId]',
		use: 'GET',
		path: (w) => `${group(w)}/questionnaires/no-such-questionnaire`,
		expect: inGroup(404, { teacherA: 403 })
	}
];

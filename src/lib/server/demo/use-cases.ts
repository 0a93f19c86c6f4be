// The one place the demo calls each use case: the story (story.ts) runs every step through
// these, with a context per step and the use case's own typed input. Most are the use case
// itself; the few that need something the demo has to make (received files, the group's space,
// who invites) say so on their line.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AccountRole, FormPurpose } from '../db/types';
import type { Locale } from '../../i18n/locale';
import { acceptInvitation } from '../domain/accounts/accept-invitation';
import { createInvitation } from '../domain/accounts/create-invitation';
import { deactivateAccount } from '../domain/accounts/deactivate-account';
import { resolveSession } from '../domain/accounts/sessions';
import { updateProfile } from '../domain/accounts/update-profile';
import { addItem } from '../domain/collections/add-item';
import { addSection } from '../domain/collections/add-section';
import { approveEdition } from '../domain/collections/approve-edition';
import { compileCollection } from '../domain/collections/compile-collection';
import { createCollection } from '../domain/collections/create-collection';
import { updateItemNote } from '../domain/collections/update-item-note';
import type { AnonymousCtx, Ctx } from '../domain/context';
import { addPost } from '../domain/discussions/add-post';
import { editPost } from '../domain/discussions/edit-post';
import { startThread } from '../domain/discussions/start-thread';
import { changeLeader } from '../domain/groups/change-leader';
import { closeGroup } from '../domain/groups/close-group';
import { createGroup } from '../domain/groups/create-group';
import { decideRequest } from '../domain/groups/decide-request';
import { editCharter } from '../domain/groups/edit-charter';
import { inviteExternal } from '../domain/groups/invite-external';
import { inviteTeacher } from '../domain/groups/invite-teacher';
import { leaveGroup } from '../domain/groups/leave-group';
import { requestToJoin } from '../domain/groups/request-to-join';
import { respondToInvitation } from '../domain/groups/respond-to-invitation';
import { updateSettings } from '../domain/groups/update-settings';
import {
	asId,
	type ApprobationClassId,
	type ApprobationId,
	type FormVersionId,
	type GroupId,
	type QuestionnaireId,
	type SchoolId,
	type VoteId
} from '../domain/ids';
import { askToObserve } from '../domain/approbations/ask-to-observe';
import { observeLesson } from '../domain/approbations/observe-lesson';
import { recordApprobation } from '../domain/approbations/record-approbation';
import { setItemResults } from '../domain/collections/set-item-results';
import { adoptDefaultForm } from '../domain/forms/adopt-default-form';
import { answerQuestionnaire } from '../domain/forms/answer-questionnaire';
import { groupFormFor, versionFields } from '../domain/forms/group-forms';
import { sendQuestionnaire } from '../domain/forms/send-questionnaire';
import { addComment } from '../domain/materials/add-comment';
import { attachFiles } from '../domain/materials/attach-files';
import { createMaterial } from '../domain/materials/create-material';
import { listCriteria } from '../domain/materials/criteria';
import { decideMaterial } from '../domain/materials/decide-material';
import type { AttachFilesInput } from '../domain/materials/input';
import { offerMaterial } from '../domain/materials/offer-material';
import { updateMaterial } from '../domain/materials/update-material';
import { createMeeting } from '../domain/meetings/create-meeting';
import { updateMeeting } from '../domain/meetings/update-meeting';
import { addPlanItem } from '../domain/plan/add-plan-item';
import { analyzeProposal } from '../domain/proposals/analyze-proposal';
import { createProposal } from '../domain/proposals/create-proposal';
import { proposalThreadId } from '../domain/proposals/get-proposal';
import type { CreateProposalInput } from '../domain/proposals/input';
import { putToDiscussion } from '../domain/proposals/put-to-discussion';
import { returnProposal } from '../domain/proposals/return-proposal';
import { withdrawProposal } from '../domain/proposals/withdraw-proposal';
import { saveReview } from '../domain/reviews/save-review';
import { answerConsent } from '../domain/publications/answer-consent';
import { requestPublication } from '../domain/publications/request-publication';
import { unpublish } from '../domain/publications/unpublish';
import { withdrawPublication } from '../domain/publications/withdraw-publication';
import { addSchool } from '../domain/schools/add-school';
import { setupDeployment } from '../domain/schools/setup-deployment';
import { castBallot } from '../domain/votes/cast-ballot';
import { closeVote } from '../domain/votes/close-vote';
import { openVote } from '../domain/votes/open-vote';
import { voteOptions } from '../domain/votes/queries';
import type { ReceivedFile } from '../files/receive';
import { runJobsUntilIdle } from '../jobs/runner';

/** The demo has plenty of room; the real limit comes from the configuration. */
const maxGroupBytes = 2048 * 1024 * 1024;

/** A file the demo made, as its bytes. */
export interface DemoFile {
	name: string;
	bytes: Uint8Array;
}

/** Files as if uploaded: written to a temporary folder for the use case, removed after. */
async function asUploads<T>(
	files: DemoFile[],
	use: (received: ReceivedFile[]) => Promise<T>
): Promise<T> {
	const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'ustat-demo-'));
	try {
		const received = files.map((file, i): ReceivedFile => {
			const filePath = path.join(directory, `upload-${i}`);
			fs.writeFileSync(filePath, file.bytes);
			return {
				field: 'files',
				name: file.name,
				declaredType: 'application/octet-stream',
				path: filePath,
				size: file.bytes.length,
				sha256: createHash('sha256').update(file.bytes).digest('hex')
			};
		});
		return await use(received);
	} finally {
		fs.rmSync(directory, { recursive: true, force: true });
	}
}

export const useCases = {
	// Accounts and schools.
	setupDeployment,
	addSchool,
	/** Not a use case of its own: the link the founder's invitations (staff, scientists) share. */
	createInvitation: (
		ctx: Ctx,
		input: { schoolId: SchoolId | null; email: string; role: AccountRole; locale: Locale }
	) => createInvitation(ctx.db, { ...input, invitedBy: ctx.actor.id }, ctx.now),
	acceptInvitation,
	updateProfile,
	deactivateAccount,

	// Groups.
	createGroup,
	requestToJoin,
	decideRequest,
	inviteTeacher,
	inviteExternal,
	respondToInvitation,
	updateSettings,
	changeLeader,
	editCharter,
	leaveGroup,
	closeGroup,
	addPlanItem,
	createMeeting,
	updateMeeting,

	// Materials and reviews.
	createMaterial,
	/** The demo's files are received as an upload would be, into a group with plenty of room. */
	attachFiles: (
		ctx: Ctx,
		input: Omit<AttachFilesInput, 'files' | 'maxGroupBytes'> & { files: DemoFile[] }
	) => asUploads(input.files, (files) => attachFiles(ctx, { ...input, files, maxGroupBytes })),
	offerMaterial,
	updateMaterial,
	decideMaterial,
	saveReview,
	addComment,

	// Proposals and discussions.
	/** The demo's proposals carry no files. */
	createProposal: (ctx: Ctx, input: Omit<CreateProposalInput, 'files' | 'maxGroupBytes'>) =>
		createProposal(ctx, { ...input, files: [], maxGroupBytes }),
	analyzeProposal,
	putToDiscussion,
	returnProposal,
	withdrawProposal,
	startThread,
	addPost,
	editPost,

	// Votes.
	openVote,
	castBallot,
	closeVote,

	// Collections.
	createCollection,
	addSection,
	addItem,
	updateItemNote,
	setItemResults,
	compileCollection,
	approveEdition,

	// Forms, questionnaires, approbation and monitoring.
	adoptDefaultForm,
	sendQuestionnaire,
	answerQuestionnaire,
	recordApprobation,
	askToObserve,
	observeLesson,

	// Publications.
	requestPublication,
	answerConsent,
	withdrawPublication,
	unpublish
};

/** What the story reads back between steps (queries, not use cases). */
export const lookups = {
	actorOfSession: async (ctx: AnonymousCtx, token: string) => {
		const session = await resolveSession(ctx.db, token);
		if (!session) throw new Error('demo: a new session does not resolve');
		return session.actor;
	},
	criteria: (ctx: AnonymousCtx, groupId: GroupId) =>
		listCriteria(ctx.db, groupId, { activeOnly: true }),
	voteOptions: (ctx: AnonymousCtx, voteId: VoteId) => voteOptions(ctx.db, voteId),
	proposalThread: proposalThreadId,
	groupForm: (ctx: AnonymousCtx, groupId: GroupId, purpose: FormPurpose) =>
		groupFormFor(ctx.db, groupId, purpose),
	/** The form version a questionnaire was sent with, as its page is filled from. */
	questionnaireVersion: async (ctx: AnonymousCtx, questionnaireId: QuestionnaireId) => {
		const { formVersionId } = await ctx.db
			.selectFrom('questionnaires')
			.select('formVersionId')
			.where('id', '=', questionnaireId)
			.executeTakeFirstOrThrow();
		const version = await versionFields(ctx.db, formVersionId);
		return { versionId: asId<FormVersionId>(formVersionId), ...version };
	},
	/** An approbation's classes in order, by id. */
	approbationClasses: async (ctx: AnonymousCtx, approbationId: ApprobationId) =>
		(
			await ctx.db
				.selectFrom('approbationClasses')
				.select('id')
				.where('approbationId', '=', approbationId)
				.orderBy('position')
				.execute()
		).map((c) => asId<ApprobationClassId>(c.id)),
	/** Runs the queued jobs (an edition's compile) in this process. */
	runJobs: (ctx: AnonymousCtx) => runJobsUntilIdle(ctx.db, ctx.store)
};

// The one place the demo calls each use case: the story (story.ts) runs every step through
// these, with a context per step and one input. A use case whose signature changes is changed
// here, on its line.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MaterialType, ProposalKind, Recommendation } from '../db/types';
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
import { addComment } from '../domain/materials/add-comment';
import { attachFiles } from '../domain/materials/attach-files';
import { createMaterial } from '../domain/materials/create-material';
import { listCriteria } from '../domain/materials/criteria';
import { decideMaterial } from '../domain/materials/decide-material';
import { offerMaterial } from '../domain/materials/offer-material';
import { updateMaterial } from '../domain/materials/update-material';
import { createMeeting } from '../domain/meetings/create-meeting';
import { updateMeeting } from '../domain/meetings/update-meeting';
import { addPlanItem } from '../domain/plan/add-plan-item';
import type { AddPlanItemInput } from '../domain/plan/input';
import { analyzeProposal } from '../domain/proposals/analyze-proposal';
import { createProposal } from '../domain/proposals/create-proposal';
import { proposalThreadId } from '../domain/proposals/get-proposal';
import { putToDiscussion } from '../domain/proposals/put-to-discussion';
import { returnProposal } from '../domain/proposals/return-proposal';
import { withdrawProposal } from '../domain/proposals/withdraw-proposal';
import { saveReview } from '../domain/reviews/save-review';
import { setupDeployment } from '../domain/schools/setup-deployment';
import { castBallot } from '../domain/votes/cast-ballot';
import { closeVote } from '../domain/votes/close-vote';
import { openVote } from '../domain/votes/open-vote';
import { voteOptions } from '../domain/votes/queries';
import type { BallotSeal } from '../domain/votes/seal';
import type { ReceivedFile } from '../files/receive';
import { runJobsUntilIdle } from '../jobs/runner';

/** A step's context: the ballots' seal besides (votes). */
export interface DemoCtx extends Ctx {
	seal: BallotSeal;
}

type Locale = 'ky' | 'ru' | 'en';
type Role = 'admin' | 'teacher' | 'scientist';

/** The demo has plenty of room; the real limit comes from the configuration. */
const limits = { maxGroupBytes: 2048 * 1024 * 1024 };

export interface MaterialInput {
	type: MaterialType;
	title: string;
	language: Locale;
	abstract: string;
	body: string;
	subjects: string[];
	grades: number[];
	tags: string;
	/** User ids. */
	coauthors: string[];
}

const materialForm = (input: MaterialInput) => ({ ...input, grades: input.grades.map(String) });

/** Files as if uploaded: written to a temporary folder for the use case, removed after. */
async function asUploads<T>(
	files: { name: string; bytes: Uint8Array }[],
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
	// Accounts.
	setupDeployment: (
		ctx: AnonymousCtx,
		input: {
			name: string;
			region: string;
			city: string;
			fullName: string;
			email: string;
			password: string;
			locale: Locale;
		}
	) => setupDeployment(ctx.db, input, {}, ctx.now),
	createInvitation: (
		ctx: Ctx,
		input: { schoolId: string | null; email: string; role: Role; locale: Locale }
	) => createInvitation(ctx.db, { ...input, invitedBy: ctx.actor.id }, ctx.now),
	acceptInvitation: (
		ctx: AnonymousCtx,
		input: { token: string; fullName: string; password: string; locale: Locale }
	) => acceptInvitation(ctx.db, input.token, input, {}, ctx.now),
	updateProfile: (
		ctx: Ctx,
		input: {
			fullName: string;
			subjects: string[];
			experienceYears?: number;
			qualificationCategory?: string;
			locale: Locale;
		}
	) => updateProfile(ctx.db, ctx.actor, input, ctx.now),
	deactivateAccount: (ctx: Ctx, input: { userId: string }) =>
		deactivateAccount(ctx.db, ctx.actor, input.userId, ctx.now),

	// Groups.
	createGroup: (ctx: Ctx, input: Record<string, unknown> & { schoolId: string }) =>
		createGroup(ctx.db, ctx.actor, input.schoolId, input, ctx.now),
	requestToJoin: (ctx: Ctx, input: { groupId: string; message: string }) =>
		requestToJoin(ctx.db, ctx.actor, input.groupId, input, ctx.now),
	decideRequest: (
		ctx: Ctx,
		input: { groupId: string; requestId: string; decision: string; response?: string }
	) => decideRequest(ctx.db, ctx.actor, input.groupId, input, ctx.now),
	inviteTeacher: (ctx: Ctx, input: { groupId: string; userId: string; message?: string }) =>
		inviteTeacher(ctx.db, ctx.actor, input.groupId, input, ctx.now),
	inviteExternal: (
		ctx: Ctx,
		input: { groupId: string; email: string; role: string; message?: string }
	) => inviteExternal(ctx.db, ctx.actor, input.groupId, input, ctx.now),
	respondToInvitation: (
		ctx: Ctx,
		input: { groupId: string; requestId: string; decision: string }
	) => respondToInvitation(ctx.db, ctx.actor, input.groupId, input, ctx.now),
	updateSettings: (ctx: Ctx, input: { groupId: string; isExternalVoteAllowed: boolean }) =>
		updateSettings(ctx.db, ctx.actor, input.groupId, input, ctx.now),
	changeLeader: (ctx: Ctx, input: { groupId: string; leaderId: string; reason: string }) =>
		changeLeader(ctx.db, ctx.actor, input.groupId, input, ctx.now),
	editCharter: (ctx: Ctx, input: Record<string, unknown> & { groupId: string }) =>
		editCharter(ctx.db, ctx.actor, input.groupId, input, ctx.now),
	leaveGroup: (ctx: Ctx, input: { groupId: string }) =>
		leaveGroup(ctx.db, ctx.actor, input.groupId, ctx.now),
	closeGroup: (ctx: Ctx, input: { groupId: string; reason: string }) =>
		closeGroup(ctx.db, ctx.actor, input.groupId, input, ctx.now),
	addPlanItem: (ctx: Ctx, input: AddPlanItemInput) => addPlanItem(ctx, input),
	createMeeting: (ctx: Ctx, input: Record<string, unknown> & { groupId: string }) =>
		createMeeting(ctx.db, ctx.actor, input.groupId, input, ctx.now),
	updateMeeting: (
		ctx: Ctx,
		input: {
			groupId: string;
			meetingId: string;
			details: Record<string, unknown>;
			agenda: Record<string, string | undefined>[];
			/** By user id. */
			attendance: Record<string, string>;
			notes: string;
			decisions: string;
		}
	) => {
		// The meeting form's plain fields ("agenda.0.title", "attendance.<userId>").
		const form: Record<string, unknown> = { ...input.details };
		input.agenda.forEach((item, i) => {
			for (const [field, value] of Object.entries(item))
				if (value !== undefined) form[`agenda.${i}.${field}`] = value;
		});
		for (const [userId, status] of Object.entries(input.attendance))
			form[`attendance.${userId}`] = status;
		form.notes = input.notes;
		form.decisions = input.decisions;
		return updateMeeting(ctx.db, ctx.actor, input.groupId, input.meetingId, form, ctx.now);
	},

	// Materials and reviews.
	createMaterial: (ctx: Ctx, input: MaterialInput & { groupId: string }) =>
		createMaterial(ctx.db, ctx.store, ctx.actor, input.groupId, materialForm(input), ctx.now),
	attachFiles: (
		ctx: Ctx,
		input: { groupId: string; materialId: string; files: { name: string; bytes: Uint8Array }[] }
	) =>
		asUploads(input.files, (received) =>
			attachFiles(
				ctx.db,
				ctx.store,
				ctx.actor,
				input.groupId,
				input.materialId,
				received,
				limits,
				ctx.now
			)
		),
	offerMaterial: (ctx: Ctx, input: { groupId: string; materialId: string }) =>
		offerMaterial(ctx.db, ctx.actor, input.groupId, input.materialId, ctx.now),
	updateMaterial: (ctx: Ctx, input: MaterialInput & { groupId: string; materialId: string }) =>
		updateMaterial(
			ctx.db,
			ctx.store,
			ctx.actor,
			input.groupId,
			input.materialId,
			materialForm(input),
			ctx.now
		),
	decideMaterial: (
		ctx: Ctx,
		input: { groupId: string; materialId: string; to: string; version?: number; reason: string }
	) => decideMaterial(ctx.db, ctx.actor, input.groupId, input.materialId, input, ctx.now),
	saveReview: (
		ctx: Ctx,
		input: {
			groupId: string;
			materialId: string;
			recommendation: Recommendation;
			comment: string;
			/** By criterion id. */
			scores: Record<string, number>;
			notes: Record<string, string>;
		}
	) => {
		const fields: Record<string, string> = {
			recommendation: input.recommendation,
			comment: input.comment
		};
		for (const [id, score] of Object.entries(input.scores)) {
			fields[`score_${id}`] = String(score);
			fields[`note_${id}`] = input.notes[id] ?? '';
		}
		return saveReview(ctx.db, ctx.actor, input.groupId, input.materialId, fields, ctx.now);
	},
	addComment: (
		ctx: Ctx,
		input: { groupId: string; materialId: string; body: string; parentId?: string }
	) => addComment(ctx.db, ctx.actor, input.groupId, input.materialId, input, ctx.now),

	// Proposals and discussions.
	createProposal: (
		ctx: Ctx,
		input: { groupId: string; kind: ProposalKind; title: string; body: string }
	) => createProposal(ctx.db, ctx.store, ctx.actor, input.groupId, input, [], limits, ctx.now),
	analyzeProposal: (ctx: Ctx, input: { groupId: string; proposalId: string; analysis: string }) =>
		analyzeProposal(ctx.db, ctx.actor, input.groupId, input.proposalId, input, ctx.now),
	putToDiscussion: (ctx: Ctx, input: { groupId: string; proposalId: string }) =>
		putToDiscussion(ctx.db, ctx.actor, input.groupId, input.proposalId, ctx.now),
	returnProposal: (ctx: Ctx, input: { groupId: string; proposalId: string; reason: string }) =>
		returnProposal(ctx.db, ctx.actor, input.groupId, input.proposalId, input, ctx.now),
	withdrawProposal: (ctx: Ctx, input: { groupId: string; proposalId: string }) =>
		withdrawProposal(ctx.db, ctx.actor, input.groupId, input.proposalId, ctx.now),
	startThread: (ctx: Ctx, input: { groupId: string; title: string; body: string }) =>
		startThread(ctx.db, ctx.actor, input.groupId, input, ctx.now),
	addPost: (
		ctx: Ctx,
		input: {
			groupId: string;
			threadId: string;
			body: string;
			parentId?: string;
			quotedPostId?: string;
		}
	) => addPost(ctx.db, ctx.actor, input.groupId, input.threadId, input, ctx.now),
	editPost: (
		ctx: Ctx,
		input: { groupId: string; threadId: string; postId: string; body: string }
	) => editPost(ctx.db, ctx.actor, input.groupId, input.threadId, input, ctx.now),

	// Votes.
	openVote: (
		ctx: Ctx,
		input: {
			groupId: string;
			timeZone: string;
			proposalId?: string;
			collectionEditionId?: string;
			question: string;
			description: string;
			kind: 'yes_no' | 'single' | 'multiple';
			options?: string[];
			maxChoices?: number;
			quorumPercent?: number;
			/** Wall-clock 'YYYY-MM-DDTHH:MM'. */
			closesAt?: string;
			isSecret?: boolean;
			isExternalAllowed?: boolean;
			tally: 'live' | 'after_close';
		}
	) =>
		openVote(ctx.db, ctx.actor, input.groupId, input, { timeZone: input.timeZone, now: ctx.now }),
	castBallot: (ctx: DemoCtx, input: { groupId: string; voteId: string; choices: string[] }) =>
		castBallot(ctx.db, ctx.seal, ctx.actor, input.groupId, input.voteId, input, ctx.now),
	closeVote: (
		ctx: DemoCtx,
		input: { groupId: string; voteId: string; text: string; meetingId?: string }
	) => closeVote(ctx.db, ctx.seal, ctx.actor, input.groupId, input.voteId, input, ctx.now),

	// Collections.
	createCollection: (
		ctx: Ctx,
		input: {
			groupId: string;
			title: string;
			subtitle: string;
			year: number;
			language: Locale;
			city: string;
			approvalNote: string;
			preface: string;
			reviewers: string[];
			/** User ids. */
			editors: string[];
		}
	) => createCollection(ctx.db, ctx.actor, input.groupId, input, ctx.now),
	addSection: (
		ctx: Ctx,
		input: { groupId: string; collectionId: string; title: string; intro: string }
	) => addSection(ctx.db, ctx.actor, input.groupId, input.collectionId, input, ctx.now),
	addItem: (
		ctx: Ctx,
		input: { groupId: string; collectionId: string; materialId: string; sectionId: string }
	) => addItem(ctx.db, ctx.actor, input.groupId, input.collectionId, input, ctx.now),
	updateItemNote: (
		ctx: Ctx,
		input: { groupId: string; collectionId: string; itemId: string; note: string }
	) =>
		updateItemNote(
			ctx.db,
			ctx.actor,
			input.groupId,
			input.collectionId,
			input.itemId,
			input,
			ctx.now
		),
	compileCollection: (ctx: Ctx, input: { groupId: string; collectionId: string }) =>
		compileCollection(ctx.db, ctx.actor, input.groupId, input.collectionId, ctx.now),
	approveEdition: (ctx: Ctx, input: { groupId: string; collectionId: string; number: number }) =>
		approveEdition(ctx.db, ctx.actor, input.groupId, input.collectionId, input.number, ctx.now)
};

/** What the story reads back between steps (queries, not use cases). */
export const lookups = {
	actorOfSession: async (ctx: AnonymousCtx, token: string) => {
		const session = await resolveSession(ctx.db, token);
		if (!session) throw new Error('demo: a new session does not resolve');
		return session.actor;
	},
	criteria: (ctx: AnonymousCtx, groupId: string) =>
		listCriteria(ctx.db, groupId, { activeOnly: true }),
	voteOptions: (ctx: AnonymousCtx, voteId: string) => voteOptions(ctx.db, voteId),
	proposalThread: (ctx: Ctx, groupId: string, proposalId: string) =>
		proposalThreadId(ctx.db, ctx.actor, groupId, proposalId),
	/** Runs the queued jobs (an edition's compile) in this process. */
	runJobs: (ctx: AnonymousCtx) => runJobsUntilIdle(ctx.db, ctx.store)
};

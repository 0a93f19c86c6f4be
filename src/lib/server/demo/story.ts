// Tells a group's story (demo/groups/<slug>.json): each step through the product's use case of
// the same name, as the person it names, at its moment. Steps refer to what earlier steps made
// (a material, a comment, a vote…) by the keys those steps gave it.
import * as m from '../../paraglide/messages.js';
import type { Actor } from '../access/actor';
import type { BlobStore } from '../storage/types';
import type { DB } from '../db/types';
import type { Ctx } from '../domain/context';
import {
	asId,
	type ApprobationId,
	type CollectionEditionId,
	type FormId,
	type QuestionnaireId,
	type CollectionId,
	type CollectionItemId,
	type CommentId,
	type CriterionId,
	type GroupId,
	type MaterialId,
	type MeetingId,
	type MembershipRequestId,
	type PostId,
	type ProposalId,
	type PublicationId,
	type SectionId,
	type ThreadId,
	type VoteId,
	type VoteOptionId
} from '../domain/ids';
import { answerFieldName } from '../domain/forms/answers';
import type { FormField } from '../domain/forms/fields';
import type { CreateMaterialInput } from '../domain/materials/input';
import type { CreateMeetingInput } from '../domain/meetings/input';
import type { SaveReviewInput } from '../domain/reviews/input';
import type { BallotSeal } from '../domain/votes/seal';
import { fromWallClock } from '../zoned';
import type { DemoMaterial, GroupFile, StoryStep } from './data';
import { attachmentBytes, withPictures } from './documents';
import { lookups, useCases, type DemoFile } from './use-cases';

const dayMs = 24 * 60 * 60 * 1000;

/** A meeting's date, place and people, as called and again when its minutes are kept. */
type MeetingDetails = Omit<CreateMeetingInput, 'groupId'>;

/** What every group's story shares: the database, the people, the clock. */
export interface World {
	db: DB;
	store: BlobStore;
	seal: BallotSeal;
	/** The demo folder (pictures are read from it). */
	directory: string;
	/** The moment the demo is seeded: steps count days from it. */
	base: number;
	timeZone: string;
	people: Map<string, Actor>;
}

/** What a step may make and keep under a key, and the kind of id it has. */
interface Made {
	request: MembershipRequestId;
	meeting: MeetingId;
	material: MaterialId;
	comment: CommentId;
	proposal: ProposalId;
	thread: ThreadId;
	post: PostId;
	vote: VoteId;
	collection: CollectionId;
	section: SectionId;
	item: CollectionItemId;
	edition: CollectionEditionId;
	form: FormId;
	questionnaire: QuestionnaireId;
	approbation: ApprobationId;
	publication: PublicationId;
}
type Kind = keyof Made;

type Handlers = {
	[D in StoryStep['do']]: (
		step: Extract<StoryStep, { do: D }>,
		ctx: Ctx,
		group: GroupStory
	) => Promise<unknown>;
};

export class GroupStory {
	groupId = asId<GroupId>('');
	/** What earlier steps made, by kind and key: its id and what later steps need of it. */
	private readonly made = new Map<string, { id: string; facts?: unknown }>();
	/** Each material's authors and body as last written (its files are made from them). */
	private readonly current = new Map<string, { authors: string[]; body: string }>();
	private criteria: Awaited<ReturnType<typeof lookups.criteria>> | undefined;

	constructor(
		readonly world: World,
		readonly slug: string,
		readonly file: GroupFile
	) {}

	person(name: string): Actor {
		const actor = this.world.people.get(name);
		if (!actor) throw new Error(`nobody called «${name}» in school.json`);
		return actor;
	}

	/** The YYYY-MM-DD date `days` from the seeding day (UTC, as the seed counts days). */
	date(days: number): string {
		return new Date(this.world.base + days * dayMs).toISOString().slice(0, 10);
	}

	/** A step's moment: a wall-clock time on its day, `day` days from the seeding, or now. */
	moment(step: { day?: number; time?: string }): Date {
		if (step.day === undefined) return new Date();
		if (step.time === undefined) return new Date(this.world.base + step.day * dayMs);
		const instant = fromWallClock(`${this.date(step.day)}T${step.time}`, this.world.timeZone);
		if (!instant) throw new Error(`no such time ${this.date(step.day)} ${step.time}`);
		return instant;
	}

	/** Keeps what a step made under its key (none: nothing refers to it). */
	keep<K extends Kind>(kind: K, key: string | undefined, id: Made[K], facts?: unknown) {
		if (key === undefined) return;
		if (this.made.has(`${kind}:${key}`)) throw new Error(`a second ${kind} "${key}"`);
		this.made.set(`${kind}:${key}`, { id, facts });
	}

	/** Keeps the newest of several (a collection's editions). */
	latest<K extends Kind>(kind: K, key: string, id: Made[K]) {
		this.made.set(`${kind}:${key}`, { id });
	}

	private find(kind: Kind, key: string) {
		const found = this.made.get(`${kind}:${key}`);
		if (!found) throw new Error(`no ${kind} "${key}" made by an earlier step`);
		return found;
	}

	id<K extends Kind>(kind: K, key: string): Made[K] {
		return this.find(kind, key).id as Made[K];
	}

	/** What was kept with it (a proposal's number, a meeting's details). */
	facts<T>(kind: Kind, key: string): T {
		return this.find(kind, key).facts as T;
	}

	material(key: string): DemoMaterial {
		const material = this.file.materials[key];
		if (!material) throw new Error(`no material "${key}" in the file's materials`);
		return material;
	}

	/** The material's input at a version (1: as created). */
	async materialInput(key: string, version: number, author: Actor): Promise<CreateMaterialInput> {
		const material = this.material(key);
		const body = version === 1 ? material.body : material.versions?.[String(version)]?.body;
		if (body === undefined) throw new Error(`material "${key}" has no version ${version}`);
		const coauthors = (material.coauthors ?? []).map((name) => this.person(name));
		this.current.set(key, {
			authors: [author.fullName, ...coauthors.map((c) => c.fullName)],
			body
		});
		return {
			groupId: this.groupId,
			type: material.type,
			title: material.title,
			language: material.language,
			abstract: material.abstract,
			body: await withPictures(this.world.directory, body),
			subjects: material.subjects,
			grades: material.grades,
			tags: material.tags,
			coauthors: coauthors.map((c) => c.id)
		};
	}

	async attachments(key: string): Promise<DemoFile[]> {
		const material = this.material(key);
		const current = this.current.get(key);
		if (!current) throw new Error(`material "${key}" is not made yet`);
		const document = {
			title: material.title,
			authors: current.authors,
			language: material.language,
			bodyHtml: current.body
		};
		const files: DemoFile[] = [];
		for (const file of material.attachments ?? [])
			files.push({
				name: file.name,
				bytes: await attachmentBytes(this.world.directory, file, document)
			});
		if (files.length === 0) throw new Error(`material "${key}" has no attachments`);
		return files;
	}

	/** The approbation report's answers: a single choice given by its place becomes its text. */
	async reportAnswers(ctx: Ctx, report: Record<string, string | number>) {
		const form = await lookups.groupForm(ctx, this.groupId, 'approbation_report');
		if (!form) throw new Error('the group has no approbation report form: adopt one first');
		const answers: Record<string, string | number> = {};
		for (const [key, value] of Object.entries(report)) {
			const field = form.fields.find((f) => f.key === key);
			if (!field) throw new Error(`the approbation report has no field "${key}"`);
			answers[key] =
				field.type === 'single_choice' && typeof value === 'number'
					? 'options' in field
						? (field.options[value] ?? '')
						: ''
					: value;
		}
		return answers;
	}

	/** Scores (and notes) by criterion id: the step's scores in the group's order of criteria. */
	async review(
		ctx: Ctx,
		step: Extract<StoryStep, { do: 'saveReview' }>
	): Promise<SaveReviewInput['scores']> {
		this.criteria ??= await lookups.criteria(ctx, this.groupId);
		const scores: Record<CriterionId, { score: number; note?: string }> = {};
		this.criteria.forEach((criterion, i) => {
			const note = criterion.builtin && step.notes?.[criterion.builtin];
			scores[asId<CriterionId>(criterion.id)] = {
				score: step.scores[i % step.scores.length]!,
				...(note ? { note } : {})
			};
		});
		return scores;
	}

	/** Runs a chapter's steps in order; a failure names the file, the step and what it does. */
	async tell(chapter: string): Promise<void> {
		const steps = this.file.story[chapter] ?? [];
		for (const [index, step] of steps.entries()) {
			try {
				const ctx: Ctx = {
					db: this.world.db,
					store: this.world.store,
					actor: this.person(step.as),
					now: this.moment(step)
				};
				await (handlers[step.do] as (s: StoryStep, c: Ctx, g: GroupStory) => Promise<unknown>)(
					step,
					ctx,
					this
				);
			} catch (error) {
				throw new Error(
					`demo: groups/${this.slug}.json, story.${chapter}[${index}] (${step.do} as ${step.as}): ${(error as Error).message}`,
					{ cause: error }
				);
			}
		}
	}
}

const handlers: Handlers = {
	// --- The group's life ---
	async createGroup(step, ctx, g) {
		const { groupId } = await useCases.createGroup(ctx, {
			schoolId: ctx.actor.schoolId!,
			...g.file.charter,
			startedOn: g.date(step.day ?? 0),
			leaderId: g.person(step.leader).id
		});
		g.groupId = groupId;
	},
	async requestToJoin(step, ctx, g) {
		const { requestId } = await useCases.requestToJoin(ctx, {
			groupId: g.groupId,
			message: step.message
		});
		g.keep('request', step.key, requestId);
	},
	decideRequest: (step, ctx, g) =>
		useCases.decideRequest(ctx, {
			groupId: g.groupId,
			requestId: g.id('request', step.request),
			decision: step.decision,
			...(step.response === undefined ? {} : { response: step.response })
		}),
	async inviteTeacher(step, ctx, g) {
		const { requestId } = await useCases.inviteTeacher(ctx, {
			groupId: g.groupId,
			userId: g.person(step.person).id,
			...(step.message === undefined ? {} : { message: step.message })
		});
		g.keep('request', step.key, requestId);
	},
	async inviteExternal(step, ctx, g) {
		const invited = g.person(step.person);
		await useCases.inviteExternal(ctx, {
			groupId: g.groupId,
			email: invited.email,
			role: step.role,
			...(step.message === undefined ? {} : { message: step.message })
		});
		// An existing account is invited in the app: the invitation is a request to answer.
		const request = await ctx.db
			.selectFrom('membershipRequests')
			.select('id')
			.where('groupId', '=', g.groupId)
			.where('userId', '=', invited.id)
			.where('status', '=', 'pending')
			.executeTakeFirstOrThrow();
		g.keep('request', step.key, asId<MembershipRequestId>(request.id));
	},
	respondToInvitation: (step, ctx, g) =>
		useCases.respondToInvitation(ctx, {
			groupId: g.groupId,
			requestId: g.id('request', step.request),
			decision: step.decision
		}),
	updateSettings: (step, ctx, g) =>
		useCases.updateSettings(ctx, { groupId: g.groupId, ...step.settings }),
	changeLeader: (step, ctx, g) =>
		useCases.changeLeader(ctx, {
			groupId: g.groupId,
			leaderId: g.person(step.leader).id,
			reason: step.reason
		}),
	editCharter: (step, ctx, g) => useCases.editCharter(ctx, { groupId: g.groupId, ...step.charter }),
	leaveGroup: (_step, ctx, g) => useCases.leaveGroup(ctx, { groupId: g.groupId }),
	closeGroup: (step, ctx, g) =>
		useCases.closeGroup(ctx, { groupId: g.groupId, reason: step.reason, seal: g.world.seal }),
	addPlanItem: (step, ctx, g) =>
		useCases.addPlanItem(ctx, {
			groupId: g.groupId,
			kind: step.kind,
			title: step.title,
			dueOn: g.date(step.due),
			responsibleId: g.person(step.responsible).id,
			status: step.status,
			notes: step.notes ?? ''
		}),
	async createMeeting(step, ctx, g) {
		const { onlineLink, heldOn, chair, secretary, ...rest } = step.details;
		const details: MeetingDetails = {
			heldOn: g.date(heldOn),
			...rest,
			...(onlineLink === undefined ? {} : { onlineLink }),
			chairId: g.person(chair).id,
			secretaryId: g.person(secretary).id
		};
		const { meetingId } = await useCases.createMeeting(ctx, { groupId: g.groupId, ...details });
		g.keep('meeting', step.key, meetingId, details);
	},
	updateMeeting: (step, ctx, g) =>
		useCases.updateMeeting(ctx, {
			groupId: g.groupId,
			meetingId: g.id('meeting', step.meeting),
			...g.facts<MeetingDetails>('meeting', step.meeting),
			agenda: step.agenda,
			attendance: Object.fromEntries(
				Object.entries(step.attendance).map(([name, status]) => [g.person(name).id, status])
			),
			notes: step.notes,
			decisions: step.decisions
		}),

	// --- Materials ---
	async createMaterial(step, ctx, g) {
		const input = await g.materialInput(step.material, 1, ctx.actor);
		const { materialId } = await useCases.createMaterial(ctx, input);
		g.keep('material', step.material, materialId);
	},
	attachFiles: async (step, ctx, g) =>
		useCases.attachFiles(ctx, {
			groupId: g.groupId,
			materialId: g.id('material', step.material),
			files: await g.attachments(step.material)
		}),
	offerMaterial: (step, ctx, g) =>
		useCases.offerMaterial(ctx, {
			groupId: g.groupId,
			materialId: g.id('material', step.material)
		}),
	updateMaterial: async (step, ctx, g) =>
		useCases.updateMaterial(ctx, {
			...(await g.materialInput(step.material, step.version, ctx.actor)),
			materialId: g.id('material', step.material)
		}),
	decideMaterial: (step, ctx, g) =>
		useCases.decideMaterial(ctx, {
			groupId: g.groupId,
			materialId: g.id('material', step.material),
			to: step.to,
			...(step.version === undefined ? {} : { version: step.version }),
			reason: step.reason
		}),
	saveReview: async (step, ctx, g) =>
		useCases.saveReview(ctx, {
			groupId: g.groupId,
			materialId: g.id('material', step.material),
			recommendation: step.recommendation,
			comment: step.comment,
			scores: await g.review(ctx, step)
		}),
	async addComment(step, ctx, g) {
		const { commentId } = await useCases.addComment(ctx, {
			groupId: g.groupId,
			materialId: g.id('material', step.material),
			body: step.body,
			parentId: step.replyTo === undefined ? undefined : g.id('comment', step.replyTo)
		});
		g.keep('comment', step.key, commentId);
	},

	// --- Proposals and discussions ---
	async createProposal(step, ctx, g) {
		const { proposalId, number } = await useCases.createProposal(ctx, {
			groupId: g.groupId,
			kind: step.kind,
			title: step.title,
			body: step.body
		});
		g.keep('proposal', step.key, proposalId, number);
	},
	analyzeProposal: (step, ctx, g) =>
		useCases.analyzeProposal(ctx, {
			groupId: g.groupId,
			proposalId: g.id('proposal', step.proposal),
			analysis: step.analysis
		}),
	async putToDiscussion(step, ctx, g) {
		const proposalId = g.id('proposal', step.proposal);
		await useCases.putToDiscussion(ctx, { groupId: g.groupId, proposalId });
		g.keep(
			'thread',
			step.proposal,
			await lookups.proposalThread(ctx, { groupId: g.groupId, proposalId })
		);
	},
	returnProposal: (step, ctx, g) =>
		useCases.returnProposal(ctx, {
			groupId: g.groupId,
			proposalId: g.id('proposal', step.proposal),
			reason: step.reason
		}),
	withdrawProposal: (step, ctx, g) =>
		useCases.withdrawProposal(ctx, {
			groupId: g.groupId,
			proposalId: g.id('proposal', step.proposal)
		}),
	async startThread(step, ctx, g) {
		const { threadId } = await useCases.startThread(ctx, {
			groupId: g.groupId,
			title: step.title,
			body: step.body
		});
		g.keep('thread', step.key, threadId);
		const opening = await ctx.db
			.selectFrom('discussionPosts')
			.select('id')
			.where('threadId', '=', threadId)
			.executeTakeFirstOrThrow();
		g.keep('post', step.key, asId<PostId>(opening.id));
	},
	async addPost(step, ctx, g) {
		const { postId } = await useCases.addPost(ctx, {
			groupId: g.groupId,
			threadId: g.id('thread', step.thread),
			body: step.body,
			...(step.replyTo === undefined ? {} : { parentId: g.id('post', step.replyTo) }),
			...(step.quote === undefined ? {} : { quotedPostId: g.id('post', step.quote) })
		});
		g.keep('post', step.key, postId);
	},
	editPost: (step, ctx, g) =>
		useCases.editPost(ctx, {
			groupId: g.groupId,
			threadId: g.id('thread', step.thread),
			postId: g.id('post', step.post),
			body: step.body
		}),

	// --- Votes ---
	async openVote(step, ctx, g) {
		const { voteId } = await useCases.openVote(ctx, {
			groupId: g.groupId,
			...(step.proposal === undefined ? {} : { proposalId: g.id('proposal', step.proposal) }),
			...(step.edition === undefined ? {} : { collectionEditionId: g.id('edition', step.edition) }),
			question: step.question,
			description:
				step.proposal === undefined
					? step.description
					: step.description.replaceAll('{number}', String(g.facts('proposal', step.proposal))),
			kind: step.kind,
			options: step.options,
			maxChoices: step.maxChoices,
			quorumPercent: step.quorumPercent,
			closesAt: step.closesAt && g.moment(step.closesAt),
			isSecret: step.secret,
			isExternalAllowed: step.externalAllowed,
			tally: step.tally
		});
		g.keep('vote', step.key, voteId);
	},
	async castBallot(step, ctx, g) {
		const voteId = g.id('vote', step.vote);
		const options = await lookups.voteOptions(ctx, voteId);
		const choices = step.choices.map((which) => {
			const found =
				typeof which === 'number' ? options[which] : options.find((o) => o.code === which);
			if (!found) throw new Error(`vote "${step.vote}" has no option ${which}`);
			return asId<VoteOptionId>(found.id);
		});
		return useCases.castBallot(ctx, { groupId: g.groupId, voteId, choices, seal: g.world.seal });
	},
	closeVote: (step, ctx, g) =>
		useCases.closeVote(ctx, {
			groupId: g.groupId,
			voteId: g.id('vote', step.vote),
			text: step.text,
			...(step.meeting === undefined ? {} : { meetingId: g.id('meeting', step.meeting) }),
			seal: g.world.seal
		}),

	// --- Collections ---
	async createCollection(step, ctx, g) {
		const { collectionId } = await useCases.createCollection(ctx, {
			groupId: g.groupId,
			title: step.title,
			subtitle: step.subtitle,
			year: step.year,
			language: step.language,
			city: step.city,
			approvalNote: step.approvalNote,
			...(step.approvalBody ? { approvalBody: step.approvalBody } : {}),
			...(step.approvalProtocol ? { approvalProtocol: step.approvalProtocol } : {}),
			...(step.approvalDay === undefined ? {} : { approvalDate: g.date(step.approvalDay) }),
			editorPosts: Object.fromEntries(
				Object.entries(step.posts ?? {}).map(([name, post]) => [g.person(name).id, post])
			),
			preface: step.preface.join('\n'),
			reviewers: step.reviewers,
			editors: step.editors.map((name) => g.person(name).id)
		});
		g.keep('collection', step.key, collectionId);
	},
	async addSection(step, ctx, g) {
		const { sectionId } = await useCases.addSection(ctx, {
			groupId: g.groupId,
			collectionId: g.id('collection', step.collection),
			title: step.title,
			intro: step.intro
		});
		g.keep('section', step.key, sectionId);
	},
	async addItem(step, ctx, g) {
		const { itemId } = await useCases.addItem(ctx, {
			groupId: g.groupId,
			collectionId: g.id('collection', step.collection),
			materialId: g.id('material', step.material),
			sectionId: g.id('section', step.section)
		});
		g.keep('item', step.key, itemId);
	},
	updateItemNote: (step, ctx, g) =>
		useCases.updateItemNote(ctx, {
			groupId: g.groupId,
			collectionId: g.id('collection', step.collection),
			itemId: g.id('item', step.item),
			note: step.note
		}),
	async compileCollection(step, ctx, g) {
		const collectionId = g.id('collection', step.collection);
		const { number } = await useCases.compileCollection(ctx, { groupId: g.groupId, collectionId });
		await lookups.runJobs(ctx);
		const edition = await ctx.db
			.selectFrom('collectionEditions')
			.select(['id', 'status', 'errorCode'])
			.where('collectionId', '=', collectionId)
			.where('number', '=', number)
			.executeTakeFirstOrThrow();
		if (edition.status !== 'done')
			throw new Error(`the collection did not compile (${edition.errorCode ?? edition.status})`);
		// A vote on the collection's edition is on its latest.
		g.latest('edition', step.collection, asId<CollectionEditionId>(edition.id));
	},
	approveEdition: (step, ctx, g) =>
		useCases.approveEdition(ctx, {
			groupId: g.groupId,
			collectionId: g.id('collection', step.collection),
			number: step.edition
		}),
	setItemResults: (step, ctx, g) =>
		useCases.setItemResults(ctx, {
			groupId: g.groupId,
			collectionId: g.id('collection', step.collection),
			itemId: g.id('item', step.item),
			hasResults: true
		}),

	// --- Publications ---
	async requestPublication(step, ctx, g) {
		const { target } = step;
		const { publicationId } = await useCases.requestPublication(ctx, {
			groupId: g.groupId,
			target:
				'edition' in target
					? { kind: 'edition', editionId: g.id('edition', target.edition) }
					: 'material' in target
						? { kind: 'material', materialId: g.id('material', target.material) }
						: { kind: 'results' },
			audience: step.audience,
			licence: step.licence ?? 'cc_by',
			// As the publications page asks it: the label in the publisher's language.
			resultsTitle: m.publications_results_title({}, { locale: ctx.actor.locale })
		});
		g.keep('publication', step.key, publicationId);
	},
	answerConsent: (step, ctx, g) =>
		useCases.answerConsent(ctx, {
			publicationId: g.id('publication', step.publication),
			decision: step.decision,
			reason: step.reason ?? ''
		}),
	withdrawPublication: (step, ctx, g) =>
		useCases.withdrawPublication(ctx, {
			groupId: g.groupId,
			publicationId: g.id('publication', step.publication)
		}),
	unpublish: (step, ctx, g) =>
		useCases.unpublish(ctx, {
			groupId: g.groupId,
			publicationId: g.id('publication', step.publication),
			reason: step.reason
		}),

	// --- Forms, questionnaires, approbation and monitoring ---
	async adoptDefaultForm(step, ctx, g) {
		const { formId } = await useCases.adoptDefaultForm(ctx, {
			groupId: g.groupId,
			purpose: step.purpose,
			locale: 'ky'
		});
		g.keep('form', step.key, formId);
	},
	async sendQuestionnaire(step, ctx, g) {
		const { questionnaireId } = await useCases.sendQuestionnaire(ctx, {
			groupId: g.groupId,
			formId: g.id('form', step.form),
			title: step.title,
			message: step.message,
			...(step.deadlineDay === undefined ? {} : { deadlineOn: g.date(step.deadlineDay) }),
			today: g.date(step.day ?? 0)
		});
		g.keep('questionnaire', step.key, questionnaireId);
	},
	async answerQuestionnaire(step, ctx, g) {
		const questionnaireId = g.id('questionnaire', step.questionnaire);
		const version = await lookups.questionnaireVersion(ctx, questionnaireId);
		return useCases.answerQuestionnaire(ctx, {
			groupId: g.groupId,
			questionnaireId,
			versionId: version.versionId,
			revision: version.revision,
			values: formValues(version.fields, step.answers),
			send: !step.draft,
			today: g.date(step.day ?? 0)
		});
	},
	async recordApprobation(step, ctx, g) {
		const counts = (c?: [number, number, number, number]) =>
			c && { fives: c[0], fours: c[1], threes: c[2], twos: c[3] };
		const report = step.report && (await g.reportAnswers(ctx, step.report));
		const { approbationId } = await useCases.recordApprobation(ctx, {
			groupId: g.groupId,
			materialId: g.id('material', step.material),
			title: step.title,
			startsOn: g.date(step.startsDay),
			endsOn: g.date(step.endsDay),
			plan: step.plan,
			observations: step.observations,
			conclusion: step.conclusion,
			classes: step.classes.map((c) => ({
				name: c.name,
				grade: c.grade,
				pupils: c.pupils,
				before: counts(c.before),
				after: counts(c.after),
				indicators: c.indicators ?? []
			})),
			...(report ? { report } : {})
		});
		g.keep('approbation', step.key, approbationId);
	},
	askToObserve: (step, ctx, g) =>
		useCases.askToObserve(ctx, {
			groupId: g.groupId,
			approbationId: g.id('approbation', step.approbation),
			observerId: g.person(step.observer).id
		}),
	async observeLesson(step, ctx, g) {
		const approbationId = g.id('approbation', step.approbation);
		const observedOn = g.date(step.day ?? 0);
		const [classes, sheet] = await Promise.all([
			lookups.approbationClasses(ctx, approbationId),
			lookups.groupForm(ctx, g.groupId, 'observation_sheet')
		]);
		if (!sheet) throw new Error('the group has no observation sheet: adopt one first');
		const scales = sheet.fields.filter((f) => f.type === 'scale');
		const answers: Record<string, unknown> = {
			...Object.fromEntries(scales.map((f, i) => [f.key, step.scores[i % step.scores.length]])),
			lessonDate: observedOn,
			conclusion: step.conclusion
		};
		return useCases.observeLesson(ctx, {
			groupId: g.groupId,
			approbationId,
			observedOn,
			classId: classes[step.class],
			comments: step.comments,
			conclusion: step.conclusion,
			locale: 'ky',
			sheet: answers
		});
	}
};

/** A demo's answers as the form posts them: a choice by its place becomes its option's text. */
function formValues(
	fields: FormField[],
	answers: Record<string, string | number | number[]>
): Record<string, string | string[]> {
	const values: Record<string, string | string[]> = {};
	for (const field of fields) {
		const answer = answers[field.key];
		if (answer === undefined) continue;
		const option = (i: number) => {
			const text = 'options' in field ? field.options[i] : undefined;
			if (text === undefined) throw new Error(`field "${field.key}" has no option ${i}`);
			return text;
		};
		values[answerFieldName(field.key)] = Array.isArray(answer)
			? answer.map(option)
			: field.type === 'single_choice' && typeof answer === 'number'
				? option(answer)
				: String(answer);
	}
	return values;
}

// The demo school as data: demo/school.json (the school, its people, the order of the story)
// and demo/groups/<slug>.json (a group's charter, materials and story). Read once and checked
// here, so a typo in a file fails before anything is written, naming the file and the place.
// demo/README.md describes the format.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { audiences, formPurposes, licences, materialTypes, proposalKinds } from '../db/types';
import { qualificationCategories } from '../domain/accounts/input';
import { subjectId } from '../domain/ids';
import { defaultCriteria } from '../domain/materials/criteria';
import { decisionTargets } from '../domain/materials/input';
import { planItemKinds, planItemStatuses } from '../domain/plan/input';
import { regions } from '../domain/schools/regions';

const text = z.string();
const line = z.string().min(1);
/** A person, by the full name school.json gives them. */
const person = line;
/** A thing made by an earlier step of the same group, by the key that step gave it. */
const key = z.string().regex(/^[\w-]+$/, 'a key is letters, digits, "_" or "-"');
const language = z.enum(['ky', 'ru', 'en']);
const recommendations = ['accept', 'revise', 'reject'] as const;
/** Days from the day the demo is seeded (negative: before). */
const day = z.number();
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is HH:MM');

// --- school.json ---------------------------------------------------------------------------

/** A subject by its id (as the subjects table has it: "mathematics"). */
const subject = subjectId.min(1);

const profile = z.strictObject({
	subjects: z.array(subject),
	experienceYears: z.number().int().min(0).optional(),
	qualificationCategory: z.enum(qualificationCategories).optional()
});

const schoolDetails = z.strictObject({ name: line, region: z.enum(regions), city: line });

/** A school's people: the first is an admin, names are unique. */
const people = z
	.array(
		z.strictObject({
			name: person,
			email: z.email(),
			role: z.enum(['admin', 'teacher', 'scientist']),
			profile: profile.optional(),
			/** Left the school: the account is deactivated (and not printed). */
			deactivated: z.boolean().optional()
		})
	)
	.min(1)
	.refine((people) => people[0]?.role === 'admin', 'the first person is an admin')
	.refine(
		(people) => new Set(people.map((p) => p.name)).size === people.length,
		'two people with one name'
	);

/** Invitations nobody has answered yet. */
const invitations = z.array(
	z.strictObject({ email: z.email(), role: z.enum(['admin', 'teacher', 'scientist']) })
);

export const schoolFile = z.strictObject({
	/** Every account's password (printed by `npm run demo`). */
	password: z.string().min(8),
	locale: language,
	/** The wall clock of the steps' `time`. */
	timeZone: line,
	school: schoolDetails,
	/** The first sets the platform up (and operates it); the others are invited by them. */
	people,
	invitations,
	/** demo/groups/<slug>.json, in the order their stories are told. */
	groups: z.array(key).min(1),
	/** demo/schools/<slug>.json: further schools the first person adds, in this order. */
	schools: z.array(key).optional(),
	/** The chapters of the story: each is told for every group before the next begins. */
	chapters: z.array(key).min(1)
});

export type SchoolFile = z.infer<typeof schoolFile>;

// --- schools/<slug>.json -------------------------------------------------------------------

/**
 * A further school: the operator (school.json's first person) adds it, which invites its
 * first person, its admin; the others are invited by that admin and accept. The password, the
 * locale and the time zone are school.json's.
 */
export const otherSchoolFile = z.strictObject({
	school: schoolDetails,
	people,
	invitations: invitations.optional(),
	/** demo/groups/<slug>.json of this school; told after school.json's, chapter by chapter. */
	groups: z.array(key).min(1)
});

export type OtherSchoolFile = z.infer<typeof otherSchoolFile>;

// --- groups/<slug>.json --------------------------------------------------------------------

const charter = z.strictObject({
	name: line,
	theme: line,
	problem: text,
	goals: text,
	expectedResults: text,
	strategy: text,
	formsOfWork: text
});

const attachment = z.union([
	/** The material's own title, authors and body (the version it has when attached). */
	z.strictObject({ name: z.string().regex(/\.(docx|pdf)$/), from: z.literal('body') }),
	/** A document of its own (a worksheet, slides). */
	z.strictObject({
		name: z.string().regex(/\.(docx|pdf)$/),
		title: line,
		language: language.optional(),
		html: line,
		slides: z.boolean().optional()
	}),
	/** A picture drawn as SVG (a file of demo/), attached as PNG. */
	z.strictObject({ name: z.string().regex(/\.png$/), svg: line })
]);

const material = z.strictObject({
	type: z.enum(materialTypes),
	title: line,
	language,
	abstract: text,
	subjects: z.array(subject),
	grades: z.array(z.number().int().min(1).max(12)),
	tags: z.array(line),
	coauthors: z.array(person).optional(),
	/** HTML as the editor makes it; `<img src="pictures/….svg">` is drawn as PNG. */
	body: text,
	/** Later versions by number: what changed (the body). */
	versions: z.record(z.string().regex(/^\d+$/), z.strictObject({ body: text })).optional(),
	attachments: z.array(attachment).optional()
});

export type DemoMaterial = z.infer<typeof material>;
export type DemoAttachment = z.infer<typeof attachment>;

const meetingDetails = z.strictObject({
	heldOn: day,
	startTime: time,
	place: text,
	onlineLink: z.url().optional(),
	chair: person,
	secretary: person,
	invited: text
});

const step = <D extends string, S extends z.ZodRawShape>(name: D, shape: S) =>
	z.strictObject({
		/** Absent: the moment the step runs. */
		day: day.optional(),
		/** A wall-clock time (school.json's time zone) on the day; absent: `day` days from now. */
		time: time.optional(),
		/** Who does it. */
		as: person,
		do: z.literal(name),
		...shape
	});

const steps = [
	// The group's life.
	step('createGroup', { leader: person }),
	step('requestToJoin', { key: key.optional(), message: text }),
	step('decideRequest', {
		request: key,
		decision: z.enum(['accept', 'decline']),
		response: text.optional()
	}),
	step('inviteTeacher', { key: key.optional(), person, message: text.optional() }),
	step('inviteExternal', {
		key: key.optional(),
		person,
		role: z.enum(['scientist', 'consultant']),
		message: text.optional()
	}),
	step('respondToInvitation', { request: key, decision: z.enum(['accept', 'decline']) }),
	step('updateSettings', { settings: z.strictObject({ isExternalVoteAllowed: z.boolean() }) }),
	step('changeLeader', { leader: person, reason: line }),
	step('editCharter', { charter }),
	step('leaveGroup', {}),
	step('closeGroup', { reason: line }),
	step('addPlanItem', {
		kind: z.enum(planItemKinds),
		title: line,
		due: day,
		responsible: person,
		status: z.enum(planItemStatuses),
		notes: text.optional()
	}),
	step('createMeeting', { key, details: meetingDetails }),
	step('updateMeeting', {
		meeting: key,
		agenda: z.array(
			z.strictObject({
				title: line,
				speaker: text.optional(),
				heard: text.optional(),
				spoke: text.optional(),
				decided: text.optional()
			})
		),
		attendance: z.record(person, z.enum(['present', 'absent', 'excused'])),
		notes: text,
		decisions: text
	}),
	// Materials.
	step('createMaterial', { material: key }),
	step('attachFiles', { material: key }),
	step('offerMaterial', { material: key }),
	step('updateMaterial', { material: key, version: z.number().int().min(2) }),
	step('decideMaterial', {
		material: key,
		to: z.enum(decisionTargets),
		version: z.number().int().min(1).optional(),
		reason: text
	}),
	step('saveReview', {
		material: key,
		recommendation: z.enum(recommendations),
		/** One per criterion of the group, in order (repeated when fewer). */
		scores: z.array(z.number().int().min(1).max(5)).min(1),
		comment: text,
		notes: z.partialRecord(z.enum(defaultCriteria), line).optional()
	}),
	step('addComment', { material: key, key: key.optional(), replyTo: key.optional(), body: line }),
	// Proposals, discussions, votes.
	step('createProposal', { key, kind: z.enum(proposalKinds), title: line, body: line }),
	step('analyzeProposal', { proposal: key, analysis: line }),
	/** The proposal's thread is known by the proposal's key. */
	step('putToDiscussion', { proposal: key }),
	step('returnProposal', { proposal: key, reason: line }),
	step('withdrawProposal', { proposal: key }),
	/** The thread's opening post is known by the thread's key too. */
	step('startThread', { key, title: line, body: line }),
	step('addPost', {
		thread: key,
		key: key.optional(),
		replyTo: key.optional(),
		quote: key.optional(),
		body: line
	}),
	step('editPost', { thread: key, post: key, body: line }),
	step('openVote', {
		key,
		proposal: key.optional(),
		/** The latest edition of this collection. */
		edition: key.optional(),
		question: line,
		/** `{number}`: the proposal's number. */
		description: text,
		kind: z.enum(['yes_no', 'single', 'multiple']),
		options: z.array(line).optional(),
		maxChoices: z.number().int().min(1).optional(),
		quorumPercent: z.number().int().min(1).max(100).optional(),
		closesAt: z.strictObject({ day, time }).optional(),
		secret: z.boolean().optional(),
		externalAllowed: z.boolean().optional(),
		tally: z.enum(['live', 'after_close'])
	}),
	/** Options by code (yes, no, abstain) or by their place in the list, from 0. */
	step('castBallot', {
		vote: key,
		choices: z.array(z.union([z.enum(['yes', 'no', 'abstain']), z.number().int().min(0)]))
	}),
	step('closeVote', { vote: key, meeting: key.optional(), text: line }),
	// Forms, questionnaires, approbation and monitoring (§4.1, §5.3, §5.4).
	step('adoptDefaultForm', { purpose: z.enum(formPurposes), key: key.optional() }),
	step('sendQuestionnaire', {
		key,
		form: key,
		title: line,
		message: text,
		/** Days from the seeding day; none: open until closed. */
		deadlineDay: day.optional()
	}),
	/** Answers by field key: a choice by its place in the list, from 0. */
	step('answerQuestionnaire', {
		questionnaire: key,
		answers: z.record(key, z.union([text, z.number(), z.array(z.number().int().min(0))])),
		/** Saved to finish later, not sent. */
		draft: z.boolean().optional()
	}),
	step('recordApprobation', {
		key,
		material: key,
		title: line,
		startsDay: day,
		endsDay: day,
		plan: text,
		observations: text,
		conclusion: text,
		classes: z.array(
			z.strictObject({
				name: line,
				grade: z.number().int().min(1).max(12),
				pupils: z.number().int().min(1),
				/** How many 5s, 4s, 3s and 2s. */
				before: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
				after: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
				indicators: z
					.array(z.strictObject({ name: line, unit: text, before: z.number(), after: z.number() }))
					.optional()
			})
		),
		/** Answers to the group's approbation report, by field key (a choice by its place). */
		report: z.record(key, z.union([text, z.number()])).optional()
	}),
	step('askToObserve', { approbation: key, observer: person }),
	step('observeLesson', {
		approbation: key,
		/** The observed class by its place in the approbation, from 0. */
		class: z.number().int().min(0),
		/** The sheet's scale criteria in order (repeated when fewer). */
		scores: z.array(z.number().int().min(1).max(5)).min(1),
		comments: text,
		conclusion: line
	}),
	// Collections.
	step('createCollection', {
		key,
		title: line,
		subtitle: text,
		year: z.number().int(),
		language,
		city: text,
		approvalNote: text,
		/** Who recommended it for print, with its protocol (issue 18's approval note). */
		approvalBody: z.enum(['group', 'methodical_council', 'pedagogical_council']).optional(),
		approvalProtocol: line.optional(),
		approvalDay: z.number().optional(),
		/** Compilers' posts, by name. */
		posts: z.record(person, line).optional(),
		/** Paragraphs. */
		preface: z.array(text),
		reviewers: z.array(line),
		editors: z.array(person)
	}),
	step('addSection', { collection: key, key, title: line, intro: text }),
	step('addItem', { collection: key, section: key, material: key, key: key.optional() }),
	step('updateItemNote', { collection: key, item: key, note: text }),
	/** The material's approbation results printed with it (its approbations so far). */
	step('setItemResults', { collection: key, item: key }),
	/** Compiled in this process, the DOCX and PDF made before the next step. */
	step('compileCollection', { collection: key }),
	step('approveEdition', { collection: key, edition: z.number().int().min(1) }),
	// Publications (§3.4).
	step('requestPublication', {
		key: key.optional(),
		/** An approved edition (the collection's latest), an accepted material, the results. */
		target: z.union([
			z.strictObject({ edition: key }),
			z.strictObject({ material: key }),
			z.strictObject({ results: z.literal(true) })
		]),
		audience: z.enum(audiences),
		/** Absent: CC BY 4.0. */
		licence: z.enum(licences).optional()
	}),
	/** An author asked answers; `reason` mostly with a refusal. */
	step('answerConsent', {
		publication: key,
		decision: z.enum(['consented', 'refused']),
		reason: text.optional()
	}),
	step('withdrawPublication', { publication: key }),
	/** Taken down: the address keeps a tombstone with the reason. */
	step('unpublish', { publication: key, reason: line })
] as const;

export const storyStep = z
	.discriminatedUnion('do', steps)
	.refine((s) => s.time === undefined || s.day !== undefined, 'a time needs a day');

export type StoryStep = z.infer<typeof storyStep>;

export const groupFile = z.strictObject({
	/** As the group was founded (createGroup). */
	charter,
	materials: z.record(key, material),
	/** The steps of each chapter, in order. */
	story: z.record(key, z.array(storyStep))
});

export type GroupFile = z.infer<typeof groupFile>;

export interface DemoData {
	directory: string;
	school: SchoolFile;
	/** The further schools, in the order they are added. */
	schools: { slug: string; file: OtherSchoolFile }[];
	/** Every school's groups: school.json's first, then each further school's. */
	groups: { slug: string; file: GroupFile }[];
}

/** The demo folder: the nearest `demo/` with a school.json above this module (sources or build). */
export function demoDirectory(): string {
	let directory = path.dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const candidate = path.join(directory, 'demo');
		if (fs.existsSync(path.join(candidate, 'school.json'))) return candidate;
		const parent = path.dirname(directory);
		if (parent === directory) throw new Error('demo: no demo/school.json found');
		directory = parent;
	}
}

function read<T>(file: string, schema: z.ZodType<T>): T {
	let json: unknown;
	try {
		json = JSON.parse(fs.readFileSync(file, 'utf8'));
	} catch (error) {
		throw new Error(`demo: ${file}: ${(error as Error).message}`, { cause: error });
	}
	const parsed = schema.safeParse(json);
	if (!parsed.success) throw new Error(`demo: ${file}:\n${z.prettifyError(parsed.error)}`);
	return parsed.data;
}

/** school.json alone (its password is the demo's). */
export function readSchool(directory = demoDirectory()): SchoolFile {
	return read(path.join(directory, 'school.json'), schoolFile);
}

/** Every file of the demo, checked. */
export function readDemo(directory = demoDirectory()): DemoData {
	const school = readSchool(directory);
	const schools = (school.schools ?? []).map((slug) => ({
		slug,
		file: read(path.join(directory, 'schools', `${slug}.json`), otherSchoolFile)
	}));
	const names = [school, ...schools.map((s) => s.file)].flatMap((s) => s.people.map((p) => p.name));
	const twice = names.find((name, i) => names.indexOf(name) !== i);
	if (twice) throw new Error(`demo: «${twice}» is in two schools (steps name people by name)`);
	const slugs = [...school.groups, ...schools.flatMap((s) => s.file.groups)];
	const groups = slugs.map((slug) => {
		const file = read(path.join(directory, 'groups', `${slug}.json`), groupFile);
		for (const chapter of Object.keys(file.story))
			if (!school.chapters.includes(chapter))
				throw new Error(`demo: groups/${slug}.json: no chapter "${chapter}" in school.json`);
		return { slug, file };
	});
	return { directory, school, schools, groups };
}

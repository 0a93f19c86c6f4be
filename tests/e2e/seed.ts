import { expect } from '@playwright/test';
import { teacherDocx } from '../../src/lib/server/test/docx-fixtures';
import {
	admin,
	adminMotivation,
	agendaItem,
	colleague,
	collection,
	docxMime,
	docxName,
	group,
	material,
	motivation,
	pdfName,
	planOption,
	proposal,
	proposalPdf,
	proposalPdfName,
	school,
	teacher,
	tinyPdf,
	worksheet,
	worksheetOption,
	type Person
} from './data';
import { Visitor, type FieldValue, type HtmlPage, type UploadFile } from './forms';
import { ky } from './helpers';

// Seeding: each step a person takes, once, through the app's own forms over HTTP (forms.ts),
// so a test starts from the state it needs on its own fresh server instead of from what an
// earlier test left. The worlds at the end put the usual steps together.

/** Makes people's HTTP sessions (cookie jars) against this test's server. */
export class Seeder {
	constructor(readonly baseURL: string) {}

	/** Someone not signed in (their own cookies). */
	async anonymous(): Promise<Visitor> {
		return new Visitor(this.baseURL);
	}

	/** A person signed in through the sign-in form. */
	async as(person: Person): Promise<Visitor> {
		const visitor = await this.anonymous();
		await signIn(visitor, person);
		return visitor;
	}
}

/** An absolute address of the server's, e.g. the group's. */
const absolute = (visitor: Visitor, address: string) => new URL(address, visitor.baseURL).href;
const withoutQuery = (url: string) => url.replace(/[?#].*$/, '');

// --- Accounts -------------------------------------------------------------------------------

/** First run: the admin sets the school up and is signed in. */
export async function setUpSchool(visitor: Visitor): Promise<void> {
	const done = await visitor.submit('/setup', {
		action: '',
		fields: {
			name: school.name,
			region: school.regionCode,
			city: school.city,
			fullName: admin.fullName,
			email: admin.email,
			password: admin.password,
			locale: 'ky'
		}
	});
	expect(done.location, 'setup signs the admin in').toMatch(/\/home$/);
}

/** The admin invites a teacher from the Staff page: the one-time link she hands over. */
export async function inviteStaff(adminVisitor: Visitor, email: string): Promise<string> {
	const { page } = await adminVisitor.submit('/admin/staff', {
		action: '?/invite',
		fields: { email }
	});
	const link = page!.byClass('copy')[0];
	const url = link ? page!.text(link) : '';
	expect(url, 'the Staff page shows the invitation link').toMatch(/\/invite\/\S+$/);
	return url;
}

/** The invited teacher creates the account (in Kyrgyz) and is signed in. */
export async function acceptInvitation(visitor: Visitor, url: string, person: Person) {
	const done = await visitor.submit(url, {
		action: '',
		fields: { fullName: person.fullName, password: person.password, locale: 'ky' }
	});
	expect(done.location, 'the account is created').toMatch(/\/profile\?welcome=1$/);
}

export async function signIn(visitor: Visitor, person: Person): Promise<void> {
	const done = await visitor.submit('/signin', {
		action: '',
		fields: { email: person.email, password: person.password }
	});
	expect(done.location, `${person.email} signs in`).toMatch(/\/home$/);
}

// --- Groups ---------------------------------------------------------------------------------

/** The admin creates the group with its leader: the group's address. */
export async function createGroup(adminVisitor: Visitor, leader: Person): Promise<string> {
	const done = await adminVisitor.submit('/groups/new', {
		action: '',
		fields: {
			name: group.name,
			theme: group.theme,
			problem: group.problem,
			leaderId: { label: leader.fullName }
		}
	});
	expect(done.location, 'the group is created').toMatch(/\/groups\/[0-9a-f-]{36}$/);
	return done.location!;
}

export async function askToJoin(visitor: Visitor, groupUrl: string, message: string) {
	await visitor.submit(groupUrl, { action: '?/join', fields: { message } });
}

/** The leader accepts the person's request on the Members page. */
export async function acceptRequest(leader: Visitor, groupUrl: string, person: Person) {
	await leader.submit(`${groupUrl}/members`, {
		action: '?/decide',
		within: person.fullName,
		fields: { decision: 'accept' }
	});
}

/** The leader calls a meeting with this chair: the address of its minutes. */
export async function callMeeting(leader: Visitor, groupUrl: string, chair: Person) {
	const done = await leader.submit(`${groupUrl}/meetings`, {
		action: '?/create',
		fields: { chairId: { label: chair.fullName } }
	});
	expect(done.location, 'the meeting is called').toMatch(/\/meetings\/[0-9a-f-]{36}$/);
	return done.location!;
}

type Attendance = 'present' | 'absent' | 'excused';

/** The leader records who came and one agenda item. */
export async function keepMinutes(
	leader: Visitor,
	meetingUrl: string,
	attendance: [Person, Attendance][],
	item: { title: string; heard: string; decided: string }
) {
	const page = await leader.open(meetingUrl);
	const fields: Record<string, FieldValue> = {};
	for (const [person, status] of attendance) {
		const row = page.all(
			(e) => e.attribs.role === 'radiogroup' && e.attribs['aria-label'] === person.fullName
		)[0];
		const radio = row && page.all((e) => e.name === 'input', row)[0];
		if (!radio?.attribs.name) throw new Error(`no attendance for ${person.fullName}`);
		fields[radio.attribs.name] = status;
	}
	const title = page.all((e) => /^agenda\.\d+\.title$/.test(e.attribs.name ?? ''))[0];
	const prefix = title!.attribs.name!.replace(/title$/, '');
	fields[`${prefix}title`] = item.title;
	fields[`${prefix}heard`] = item.heard;
	fields[`${prefix}decided`] = item.decided;
	await leader.submit(page, { action: '?/save', fields });
}

// --- Materials ------------------------------------------------------------------------------

export interface MaterialFields {
	type: string;
	title: string;
	abstract: string;
	body: string;
	language?: string;
	subjects?: string[];
	grades?: string[];
	tags?: string;
}

/** A member saves a draft: its address. */
export async function createMaterial(
	author: Visitor,
	groupUrl: string,
	fields: MaterialFields
): Promise<string> {
	const done = await author.submit(`${groupUrl}/materials/new`, {
		action: '',
		fields: {
			type: fields.type,
			title: fields.title,
			language: fields.language ?? 'ky',
			subjects: fields.subjects ? { labels: fields.subjects } : undefined,
			grades: fields.grades ?? [],
			abstract: fields.abstract,
			body: fields.body,
			tags: fields.tags ?? ''
		}
	});
	expect(done.location, 'the material is saved').toMatch(/\/materials\/[0-9a-f-]{36}\?created=1$/);
	return withoutQuery(done.location!);
}

export async function attachFiles(author: Visitor, materialUrl: string, files: UploadFile[]) {
	await author.submit(materialUrl, { action: '?/upload', files: { files } });
}

export async function offerMaterial(author: Visitor, materialUrl: string) {
	await author.submit(materialUrl, { action: '?/offer' });
}

/** The author imports a Word file into the body (changing `fields` too) and saves. */
export async function importWordAndSave(
	author: Visitor,
	materialUrl: string,
	docx: UploadFile,
	fields: Record<string, FieldValue> = {}
) {
	const imported = await author.submit(`${materialUrl}/edit`, {
		action: '?/save',
		formAction: '?/import',
		fields,
		files: { docx: [docx] }
	});
	const saved = await author.submit(imported.page!, { action: '?/save' });
	expect(saved.location, 'the imported version is saved').toMatch(/\?saved=1$/);
}

/** The author edits the material: a new version. */
export async function editMaterial(
	author: Visitor,
	materialUrl: string,
	fields: Record<string, FieldValue>
) {
	const saved = await author.submit(`${materialUrl}/edit`, { action: '?/save', fields });
	expect(saved.location, 'the version is saved').toMatch(/\?saved=1$/);
}

/** A review: the first criterion scored `first`, the others `rest`. */
export async function reviewMaterial(
	reviewer: Visitor,
	materialUrl: string,
	review: { first: number; rest: number; note: string; recommendation: string; comment: string }
) {
	const page = await reviewer.open(`${materialUrl}/review`);
	const criteria = [
		...new Set(
			page
				.all((e) => e.name === 'input' && /^score_/.test(e.attribs.name ?? ''))
				.map((e) => e.attribs.name!)
		)
	];
	expect(criteria.length, 'the group has review criteria').toBeGreaterThan(0);
	const fields: Record<string, FieldValue> = {
		recommendation: { label: review.recommendation },
		comment: review.comment
	};
	criteria.forEach((name, i) => (fields[name] = String(i === 0 ? review.first : review.rest)));
	fields[criteria[0]!.replace(/^score_/, 'note_')] = review.note;
	const saved = await reviewer.submit(page, { action: '', fields });
	expect(saved.location, 'the review is saved').toMatch(/#reviews$/);
}

/** The leader moves the material on (`to`: accepted, revision_requested…), with a reason. */
export async function decideMaterial(
	leader: Visitor,
	materialUrl: string,
	to: string,
	reason: string
) {
	await leader.submit(materialUrl, { action: '?/decide', fields: { to, reason } });
}

// --- Proposals, discussions, votes ----------------------------------------------------------

/** A member makes a proposal (with files): its address. */
export async function createProposal(
	author: Visitor,
	groupUrl: string,
	proposal: { kind: string; title: string; body: string },
	files: UploadFile[] = []
): Promise<string> {
	const done = await author.submit(`${groupUrl}/proposals/new`, {
		action: '',
		fields: { kind: proposal.kind, title: proposal.title, body: proposal.body },
		files: { files }
	});
	expect(done.location, 'the proposal is made').toMatch(/\/proposals\/[0-9a-f-]{36}\?created=1$/);
	return withoutQuery(done.location!);
}

export async function analyzeProposal(leader: Visitor, proposalUrl: string, analysis: string) {
	await leader.submit(proposalUrl, { action: '?/analyze', fields: { analysis } });
}

export async function putToDiscussion(leader: Visitor, proposalUrl: string) {
	await leader.submit(proposalUrl, { action: '?/discuss' });
}

/** A post in the proposal's discussion (quoting the post of `quoting`): its address. */
export async function postOnProposal(
	author: Visitor,
	proposalUrl: string,
	body: string,
	quoting?: Person
): Promise<string> {
	let address = proposalUrl;
	if (quoting) {
		// The "Quote" link of that person's post opens the form with the quote in it.
		const page = await author.open(proposalUrl);
		const post = page
			.all((e) => e.name === 'article' && (e.attribs.class ?? '').includes('post'))
			.find((article) => page.text(article).includes(quoting.fullName));
		const link =
			post && page.all((e) => e.name === 'a' && /[?&]quote=/.test(e.attribs.href ?? ''), post)[0];
		if (!link) throw new Error(`no post of ${quoting.fullName} to quote`);
		address = new URL(link.attribs.href!, proposalUrl).href;
	}
	const done = await author.submit(address, { action: '?/post', fields: { body } });
	expect(done.location, 'the post is sent').toMatch(/#post-[0-9a-f-]{36}$/);
	return done.location!;
}

export interface VoteSettings {
	quorumPercent?: number;
	/** 'live' (shown as ballots come in) or the other tally options' values. */
	tally?: string;
}

/** The leader puts the proposal to a yes/no vote: the vote's address. */
export async function openProposalVote(
	leader: Visitor,
	groupUrl: string,
	proposalUrl: string,
	settings: VoteSettings = {}
): Promise<string> {
	const proposalId = new URL(proposalUrl).pathname.split('/').pop();
	return openVote(leader, `${groupUrl}/votes/new?proposal=${proposalId}`, settings);
}

/** The leader puts the compiled edition to the group's vote: the vote's address. */
export async function openEditionVote(
	leader: Visitor,
	groupUrl: string,
	editionId: string,
	settings: VoteSettings = {}
): Promise<string> {
	return openVote(leader, `${groupUrl}/votes/new?edition=${editionId}`, settings);
}

async function openVote(leader: Visitor, formUrl: string, settings: VoteSettings) {
	const done = await leader.submit(formUrl, {
		action: '',
		fields: {
			kind: 'yes_no',
			...(settings.quorumPercent ? { quorumPercent: settings.quorumPercent } : {}),
			...(settings.tally ? { tally: settings.tally } : {})
		}
	});
	expect(done.location, 'the vote opens').toMatch(/\/votes\/[0-9a-f-]{36}\?opened=1$/);
	return withoutQuery(done.location!);
}

/** A member votes (`option`: the answer's label, e.g. ky.vote_option_yes). */
export async function castBallot(voter: Visitor, voteUrl: string, option: string) {
	await voter.submit(voteUrl, { action: '?/cast', fields: { choices: { label: option } } });
}

/** The leader closes the vote with the decision's wording (and the meeting it belongs to). */
export async function closeVote(
	leader: Visitor,
	voteUrl: string,
	text: string,
	meeting?: { labelContaining: string }
) {
	await leader.submit(voteUrl, { action: '?/close', fields: { text, meetingId: meeting } });
}

// --- Collections ----------------------------------------------------------------------------

export interface CollectionFields {
	title: string;
	subtitle: string;
	editors: Person[];
	reviewers: string[];
	preface: string;
}

/** The leader creates a collection: its address. */
export async function createCollection(
	leader: Visitor,
	groupUrl: string,
	collection: CollectionFields
): Promise<string> {
	const done = await leader.submit(`${groupUrl}/collections/new`, {
		action: '',
		fields: {
			title: collection.title,
			subtitle: collection.subtitle,
			editors: { labels: collection.editors.map((p) => p.fullName) },
			reviewers: collection.reviewers.join('\n'),
			preface: collection.preface
		}
	});
	expect(done.location, 'the collection is created').toMatch(/\/collections\/[0-9a-f-]{36}$/);
	return done.location!;
}

export async function addSection(
	leader: Visitor,
	collectionUrl: string,
	section: { title: string; intro: string }
) {
	await leader.submit(collectionUrl, { action: '?/addSection', fields: section });
}

/** Adds an accepted material (`option`: "title — author (type)") to the section. */
export async function addToSection(
	leader: Visitor,
	collectionUrl: string,
	sectionTitle: string,
	option: string
) {
	await leader.submit(collectionUrl, {
		action: '?/addItem',
		within: sectionTitle,
		fields: { materialId: { label: option } }
	});
}

export async function noteOnItem(
	leader: Visitor,
	collectionUrl: string,
	materialTitle: string,
	note: string
) {
	await leader.submit(collectionUrl, { action: '?/note', within: materialTitle, fields: { note } });
}

/** The leader compiles the next edition: its address. */
export async function compileEdition(leader: Visitor, collectionUrl: string): Promise<string> {
	const done = await leader.submit(collectionUrl, { action: '?/compile' });
	expect(done.location, 'an edition is compiled').toMatch(/\/editions\/\d+(#.*)?$/);
	return withoutQuery(done.location!);
}

/** Waits until the edition is compiled (in the background); its page then. */
export async function editionReady(visitor: Visitor, editionUrl: string): Promise<HtmlPage> {
	const deadline = Date.now() + 90_000;
	for (;;) {
		const page = await visitor.open(editionUrl);
		const text = page.text();
		if (text.includes(ky.edition_done_text)) return page;
		if (text.includes(ky.edition_status_failed)) throw new Error(`edition failed: ${text}`);
		if (Date.now() > deadline) throw new Error(`edition not compiled within 90 s: ${editionUrl}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** The edition's id, from its "Put to the group's vote" link. */
export function editionIdOf(page: HtmlPage): string {
	const link = page.all(
		(e) => e.name === 'a' && /votes\/new\?edition=/.test(e.attribs.href ?? '')
	)[0];
	const id = link ? new URL(link.attribs.href!, page.url).searchParams.get('edition') : null;
	if (!id) throw new Error(`${page.url}: no link to put the edition to a vote`);
	return id;
}

export async function approveEdition(leader: Visitor, editionUrl: string) {
	await leader.submit(editionUrl, { action: '?/approve' });
}

// --- Worlds: the usual starting points ------------------------------------------------------

/** Signed-in sessions of the people seeded so far. */
export interface Staff {
	admin: Visitor;
	teacher: Visitor;
	colleague: Visitor;
}

// --- Forms and approbation (§4.1, §5.3, §5.4) -------------------------------------------------

/** The leader takes the shipped form of this purpose for the group: the form's address. */
export async function adoptDefaultForm(
	leader: Visitor,
	groupUrl: string,
	purpose: 'questionnaire' | 'approbation_report' | 'observation_sheet'
): Promise<string> {
	const done = await leader.submit(`${groupUrl}/forms`, {
		action: '?/adopt',
		fields: { purpose, locale: 'ky' }
	});
	expect(done.location, 'the form is made').toMatch(/\/forms\/[0-9a-f-]{36}\?created=1$/);
	return absolute(leader, withoutQuery(done.location!));
}

/** The leader sends the form to the members as a questionnaire. */
export async function sendQuestionnaire(
	leader: Visitor,
	formUrl: string,
	details: { title: string; deadlineOn: string }
): Promise<void> {
	const done = await leader.submit(formUrl, { action: '?/send#send-title', fields: details });
	expect(done.location, 'the questionnaire is sent').toMatch(/\/questionnaires\/[0-9a-f-]{36}/);
}

/** A class as the approbation form takes it: how many 5s, 4s, 3s and 2s before and after. */
export interface ClassFigures {
	name: string;
	grade: number;
	pupils: number;
	before: [number, number, number, number];
	after: [number, number, number, number];
}

const marks = ['fives', 'fours', 'threes', 'twos'] as const;

/** The approbation form's fields of class `index` (c0_, c1_…). */
export function classFields(index: number, figures: ClassFigures): Record<string, string> {
	const p = `c${index}_`;
	const fields: Record<string, string> = {
		[`${p}name`]: figures.name,
		[`${p}grade`]: String(figures.grade),
		[`${p}pupils`]: String(figures.pupils)
	};
	marks.forEach((mark, i) => {
		fields[`${p}before_${mark}`] = String(figures.before[i]);
		fields[`${p}after_${mark}`] = String(figures.after[i]);
	});
	return fields;
}

/** The author records trying the material in these classes: the approbation's address. */
export async function recordApprobation(
	author: Visitor,
	groupUrl: string,
	materialUrl: string,
	details: { startsOn: string; endsOn: string; classes: ClassFigures[] }
): Promise<string> {
	const materialId = /\/materials\/([0-9a-f-]{36})/.exec(materialUrl)![1];
	const fields: Record<string, string> = { startsOn: details.startsOn, endsOn: details.endsOn };
	details.classes.forEach((figures, i) => Object.assign(fields, classFields(i, figures)));
	const done = await author.submit(`${groupUrl}/approbations/new?material=${materialId}`, {
		action: `?material=${materialId}`,
		fields
	});
	expect(done.location, 'the approbation is recorded').toMatch(
		/\/approbations\/[0-9a-f-]{36}\?created=1$/
	);
	return absolute(author, withoutQuery(done.location!));
}

/** A school set up by its admin; she is signed in. */
export async function schoolWithAdmin(seed: Seeder): Promise<Visitor> {
	const adminVisitor = await seed.anonymous();
	await setUpSchool(adminVisitor);
	return adminVisitor;
}

/** The school, and these teachers who each came in through their invitation. */
export async function schoolWithTeachers(
	seed: Seeder,
	people: Person[]
): Promise<{ admin: Visitor; teachers: Visitor[] }> {
	const adminVisitor = await schoolWithAdmin(seed);
	const teachers: Visitor[] = [];
	for (const person of people) {
		const url = await inviteStaff(adminVisitor, person.email);
		const visitor = await seed.anonymous();
		await acceptInvitation(visitor, url, person);
		teachers.push(visitor);
	}
	return { admin: adminVisitor, teachers };
}

export interface GroupWorld extends Staff {
	/** The group's absolute address. */
	groupUrl: string;
}

/**
 * The group led by the teacher. The colleague joined it (asked with her motivation, the
 * leader accepted); with `withAdmin` the admin joined too, so that three members vote.
 */
export async function groupWithMembers(
	seed: Seeder,
	{ withColleague = true, withAdmin = false } = {}
): Promise<GroupWorld> {
	const { admin: adminVisitor, teachers } = await schoolWithTeachers(seed, [teacher, colleague]);
	const [teacherVisitor, colleagueVisitor] = teachers as [Visitor, Visitor];
	const groupUrl = absolute(adminVisitor, await createGroup(adminVisitor, teacher));
	if (withColleague) {
		await askToJoin(colleagueVisitor, groupUrl, motivation);
		await acceptRequest(teacherVisitor, groupUrl, colleague);
	}
	if (withAdmin) {
		await askToJoin(adminVisitor, groupUrl, adminMotivation);
		await acceptRequest(teacherVisitor, groupUrl, admin);
	}
	return { admin: adminVisitor, teacher: teacherVisitor, colleague: colleagueVisitor, groupUrl };
}

/** The group's first meeting with its minutes kept: its address. */
export async function firstMeeting(world: GroupWorld): Promise<string> {
	const meetingUrl = absolute(
		world.teacher,
		await callMeeting(world.teacher, world.groupUrl, teacher)
	);
	await keepMinutes(
		world.teacher,
		meetingUrl,
		[
			[teacher, 'present'],
			[colleague, 'excused']
		],
		agendaItem
	);
	return meetingUrl;
}

/** The Word plan, made once per worker (building it takes a moment). */
let wordPlan: Promise<Uint8Array> | undefined;

/** The files of the colleague's lesson plan. */
export async function planFiles(): Promise<{ pdf: UploadFile; docx: UploadFile }> {
	wordPlan ??= teacherDocx();
	return {
		pdf: { name: pdfName, mimeType: 'application/pdf', bytes: tinyPdf('Ustat: osumdukter') },
		docx: { name: docxName, mimeType: docxMime, bytes: await wordPlan }
	};
}

/** The plan's fields as the colleague first typed them (without JavaScript: plain lines). */
const planFields: MaterialFields = {
	type: 'didactic',
	title: material.title,
	language: 'ky',
	subjects: [material.subject],
	grades: ['3', '4'],
	abstract: material.abstract,
	body: `<h2>${material.heading}</h2><p>${material.paragraph} <strong>${material.bold}</strong></p>`,
	tags: material.tags
};

/**
 * The colleague's lesson plan at a stage of its life: `offered` (version 1 with its PDF and
 * Word files), `imported` (version 2, the body from Word, grade 5 and a tag added),
 * `revision` (the leader reviewed version 2 and asked for a revision), `accepted` (version 3
 * with the revised abstract, accepted by the leader). Its address.
 */
export async function lessonPlan(
	world: GroupWorld,
	stage: 'offered' | 'imported' | 'revision' | 'accepted'
): Promise<string> {
	const { colleague: author, teacher: leader } = world;
	const url = await createMaterial(author, world.groupUrl, planFields);
	const { pdf, docx } = await planFiles();
	await attachFiles(author, url, [pdf, docx]);
	await offerMaterial(author, url);
	if (stage === 'offered') return url;
	await importWordAndSave(
		author,
		url,
		{ name: 'Ата-мекен.docx', mimeType: docxMime, bytes: docx.bytes },
		{ tags: material.importTags, grades: ['3', '4', '5'] }
	);
	if (stage === 'imported') return url;
	await reviewMaterial(leader, url, {
		first: 5,
		rest: 4,
		note: material.reviewNote,
		recommendation: ky.review_recommendation_revise,
		comment: material.reviewComment
	});
	await decideMaterial(leader, url, 'revision_requested', material.revisionReason);
	if (stage === 'revision') return url;
	await editMaterial(author, url, { abstract: material.revisedAbstract });
	await offerMaterial(author, url);
	await decideMaterial(leader, url, 'accepted', material.acceptReason);
	return url;
}

/** The colleague's worksheet, offered and accepted by the leader: its address. */
export async function acceptedWorksheet(world: GroupWorld): Promise<string> {
	const url = await createMaterial(world.colleague, world.groupUrl, {
		type: 'didactic',
		title: worksheet.title,
		abstract: worksheet.abstract,
		body: `<p>${worksheet.body}</p>`
	});
	await offerMaterial(world.colleague, url);
	await decideMaterial(world.teacher, url, 'accepted', worksheet.acceptReason);
	return url;
}

/**
 * The colleague's proposal with its PDF, analyzed by the leader and put to discussion: its
 * address.
 */
export async function proposalInDiscussion(world: GroupWorld): Promise<string> {
	const url = await createProposal(world.colleague, world.groupUrl, proposal, [
		{ name: proposalPdfName, mimeType: 'application/pdf', bytes: proposalPdf }
	]);
	await analyzeProposal(world.teacher, url, proposal.analysis);
	await putToDiscussion(world.teacher, url);
	return url;
}

/** Her post naming the leader, and his answer quoting it. */
export async function discussProposal(world: GroupWorld, proposalUrl: string) {
	await postOnProposal(world.colleague, proposalUrl, proposal.post);
	await postOnProposal(world.teacher, proposalUrl, proposal.reply, colleague);
}

/**
 * The leader puts the proposal to a yes/no vote (60 % quorum, live tally); he and the colleague
 * vote Yes, the admin abstains. The vote's address.
 */
export async function proposalVoteWithBallots(
	world: GroupWorld,
	proposalUrl: string
): Promise<string> {
	const voteUrl = await openProposalVote(world.teacher, world.groupUrl, proposalUrl, {
		quorumPercent: 60,
		tally: 'live'
	});
	await castBallot(world.teacher, voteUrl, ky.vote_option_yes);
	await castBallot(world.colleague, voteUrl, ky.vote_option_yes);
	await castBallot(world.admin, voteUrl, ky.vote_option_abstain);
	return voteUrl;
}

/**
 * The leader's collection of the two accepted materials: the plan (with an editorial note)
 * in the first section, which has an introduction, the worksheet in the second. Its address.
 */
export async function collectionOfTwo(world: GroupWorld): Promise<string> {
	await lessonPlan(world, 'accepted');
	await acceptedWorksheet(world);
	const leader = world.teacher;
	const url = await createCollection(leader, world.groupUrl, {
		title: collection.title,
		subtitle: collection.subtitle,
		editors: [colleague],
		reviewers: collection.reviewers,
		preface: collection.preface
	});
	for (const section of collection.sections) await addSection(leader, url, section);
	const [first, second] = collection.sections;
	await addToSection(leader, url, first.title, planOption);
	await addToSection(leader, url, second.title, worksheetOption);
	await noteOnItem(leader, url, material.title, collection.note);
	return url;
}

// --- Publications ---------------------------------------------------------------------------

/**
 * The leader publishes from the group's Publications page (`target`: text of the option, e.g.
 * the material's title) to `audience`: the publication's code.
 */
export async function requestPublication(
	leader: Visitor,
	groupUrl: string,
	target: string,
	audience: 'public' | 'staff'
): Promise<string> {
	const done = await leader.submit(`${groupUrl}/publications`, {
		action: '?/publish',
		fields: { target: { labelContaining: target }, audience, licence: 'cc_by' }
	});
	const code = done.location ? new URL(done.location).searchParams.get('code') : null;
	expect(code, 'the publication is asked for').toMatch(/^[a-z0-9]+$/);
	return code!;
}

/** An author answers the consent request on the publication's page. */
export async function answerConsent(
	author: Visitor,
	code: string,
	decision: 'consented' | 'refused',
	reason = ''
) {
	const done = await author.submit(`/p/${code}`, {
		action: '?/consent',
		fields: { decision, reason }
	});
	expect(done.location, 'the answer is recorded').toMatch(/answered=/);
}

/** The leader takes a publication down, leaving a tombstone with the reason. */
export async function unpublishPublication(
	leader: Visitor,
	groupUrl: string,
	title: string,
	reason: string
) {
	const done = await leader.submit(`${groupUrl}/publications`, {
		action: '?/unpublish',
		within: title,
		fields: { reason }
	});
	expect(done.location, 'the publication is taken down').toMatch(/done=unpublished/);
}

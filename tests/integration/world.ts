import { buildFaces } from './world-faces';
import {
	actorOf,
	makeSchool,
	makeUser,
	sessionTokenFor
} from '../../src/lib/server/test/factories';
import { afterAll, beforeAll } from 'vitest';
import { startTestServer, type TestServer } from '../../src/lib/server/test/server';
import { setupDeployment } from '../../src/lib/server/domain/schools/setup-deployment';
import { sessionCookie } from '../../src/lib/server/domain/accounts/sessions';
import type { Actor } from '../../src/lib/server/access/actor';
import type { DB, User } from '../../src/lib/server/db/types';
import { createGroup } from '../../src/lib/server/domain/groups/create-group';
import { inviteExternal } from '../../src/lib/server/domain/groups/invite-external';
import { createMeeting } from '../../src/lib/server/domain/meetings/create-meeting';
import { addPlanItem } from '../../src/lib/server/domain/plan/add-plan-item';
import {
	asId,
	type GroupId,
	type MaterialId,
	type SchoolId
} from '../../src/lib/server/domain/ids';
import { anonymousCtxOf, ctxOf } from '../../src/lib/server/test/context';
import { acceptPending, charter, join } from '../../src/lib/server/test/groups';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { attachFiles } from '../../src/lib/server/domain/materials/attach-files';
import { createMaterial } from '../../src/lib/server/domain/materials/create-material';
import { LEGACY_IMPORT_JOB } from '../../src/lib/server/domain/materials/import-legacy-job';
import { enqueueJob } from '../../src/lib/server/jobs/queue';
import { offerMaterial } from '../../src/lib/server/domain/materials/offer-material';
import { createDiskStore } from '../../src/lib/server/storage/disk';
import { TINY_PNG, teacherDocx } from '../../src/lib/server/test/docx-fixtures';
import {
	ctxWithStore,
	materialInput,
	receivedFile,
	tinyPdf
} from '../../src/lib/server/test/materials';
import { createProposal } from '../../src/lib/server/domain/proposals/create-proposal';
import { analyzeProposal } from '../../src/lib/server/domain/proposals/analyze-proposal';
import { putToDiscussion } from '../../src/lib/server/domain/proposals/put-to-discussion';
import { proposalThreadId } from '../../src/lib/server/domain/proposals/get-proposal';
import { addPost } from '../../src/lib/server/domain/discussions/add-post';
import { startThread } from '../../src/lib/server/domain/discussions/start-thread';
import { openVote } from '../../src/lib/server/domain/votes/open-vote';
import { closeVote } from '../../src/lib/server/domain/votes/close-vote';
import { testSeal } from '../../src/lib/server/test/votes';
import { decideMaterial } from '../../src/lib/server/domain/materials/decide-material';
import { createCollection } from '../../src/lib/server/domain/collections/create-collection';
import { addSection } from '../../src/lib/server/domain/collections/add-section';
import { addItem } from '../../src/lib/server/domain/collections/add-item';
import { compileCollection } from '../../src/lib/server/domain/collections/compile-collection';
import { runJobsUntilIdle } from '../../src/lib/server/jobs/runner';
import { buildForms } from './world-forms';
import { buildApprobations } from './world-approbation';
import { buildPublications } from './world-publications';
import { buildDocuments } from './world-documents';
import { buildCalendar } from './world-calendar';
import { buildInbox } from './world-inbox';
import { buildEmail } from './world-email';

/** The kinds of actor every permission row names, allowed or denied. */
export const actorKinds = [
	'anonymous',
	'teacherA',
	'adminA',
	'adminB',
	'operator',
	'external',
	'leaderA',
	'memberA',
	'externalMember',
	'teacherB'
] as const;
export type ActorKind = (typeof actorKinds)[number];

/** The founding admin's password (a good one: it holds no part of the address). */
export const founderPassword = 'Ала-Тоо мектеби 2026';

/** First-run setup done directly in the database: school A and its founding admin. */
export function setUp(server: TestServer) {
	return setupDeployment(anonymousCtxOf(server.db), {
		name: 'А мектеби',
		region: 'KG-GB',
		city: 'Бишкек',
		fullName: 'Негиздөөчү Админ',
		email: 'founder@a.kg',
		password: founderPassword,
		locale: 'ky'
	});
}

/**
 * Two schools and one of each kind of account, made directly in the server's database:
 * school A (set up on first run) with an admin, teachers; school B with an admin and a
 * teacher; an operator of no school; a scientist of no school.
 */
export async function buildWorld(server: TestServer) {
	const db = server.db;
	const schoolA = (await setUp(server)).schoolId;
	const schoolB = (await makeSchool(db, { name: 'Б мектеби' })).id;
	const users = {
		teacherA: await makeUser(db, { schoolId: schoolA, role: 'teacher', email: 'teacher@a.kg' }),
		victimA: await makeUser(db, { schoolId: schoolA, role: 'teacher', email: 'victim@a.kg' }),
		adminA: await makeUser(db, { schoolId: schoolA, role: 'admin', email: 'admin@a.kg' }),
		adminB: await makeUser(db, { schoolId: schoolB, role: 'admin', email: 'admin@b.kg' }),
		teacherB: await makeUser(db, { schoolId: schoolB, role: 'teacher', email: 'teacher@b.kg' }),
		operator: await makeUser(db, {
			schoolId: null,
			role: null,
			isOperator: true,
			email: 'op@district.kg'
		}),
		external: await makeUser(db, { schoolId: null, role: 'scientist', email: 'scientist@kao.kg' }),
		leaderA: await makeUser(db, { schoolId: schoolA, role: 'teacher', email: 'leader@a.kg' }),
		memberA: await makeUser(db, { schoolId: schoolA, role: 'teacher', email: 'member@a.kg' }),
		externalMember: await makeUser(db, {
			schoolId: null,
			role: 'consultant',
			email: 'consultant@kao.kg'
		})
	};
	const cookies: Record<ActorKind, string | undefined> = { anonymous: undefined } as Record<
		ActorKind,
		string | undefined
	>;
	for (const kind of actorKinds) {
		if (kind === 'anonymous') continue;
		cookies[kind] = `${sessionCookie}=${await sessionTokenFor(db, users[kind])}`;
	}
	const group = await buildGroup(db, schoolA, users);
	await buildFaces(server, users);
	const materials = await buildMaterials(server, group.groupId, actorOf(users.memberA));
	const decisions = await buildDecisions(
		server,
		group.groupId,
		actorOf(users.leaderA),
		actorOf(users.memberA)
	);
	const collections = await buildCollections(
		server,
		group.groupId,
		actorOf(users.leaderA),
		actorOf(users.memberA)
	);
	// C5: each part builds on what is above (the group, memberA's material) in its own file.
	const parts = {
		server,
		groupId: asId<GroupId>(group.groupId),
		materialId: materials.materialId,
		users
	};
	const forms = await buildForms(parts);
	const approbations = await buildApprobations(parts);
	const publications = await buildPublications(parts);
	const documents = await buildDocuments(parts);
	const calendar = await buildCalendar(parts);
	const inbox = await buildInbox(parts);
	const email = buildEmail(parts);
	return {
		schoolA,
		schoolB,
		users,
		cookies,
		...group,
		...materials,
		...decisions,
		...collections,
		...forms,
		...approbations,
		...publications,
		...documents,
		...calendar,
		...inbox,
		...email,
		actors: Object.fromEntries(Object.entries(users).map(([k, u]) => [k, actorOf(u)]))
	};
}

/**
 * A creative group of school A, made through the real use cases: leaderA leads it, memberA
 * and the consultant are members (teacherA is staff of A, not a member); a plan item memberA
 * is responsible for, a meeting memberA keeps the minutes of.
 */
async function buildGroup(db: DB, schoolId: SchoolId, users: Record<string, User>) {
	const [admin, leader, member, consultant] = [
		users.adminA!,
		users.leaderA!,
		users.memberA!,
		users.externalMember!
	].map(actorOf) as [Actor, Actor, Actor, Actor];
	const { groupId } = await createGroup(ctxOf(db, admin), {
		...charter,
		schoolId,
		startedOn: '2026-09-01',
		leaderId: leader.id
	});
	await join(db, leader, groupId, member);
	await inviteExternal(ctxOf(db, leader), {
		groupId,
		email: consultant.email,
		role: 'consultant'
	});
	await acceptPending(db, groupId, consultant);
	const { itemId: planItemId } = await addPlanItem(ctxOf(db, leader), {
		groupId,
		kind: 'seminar',
		title: 'Семинар',
		dueOn: '2026-12-10',
		responsibleId: member.id
	});
	const { meetingId } = await createMeeting(ctxOf(db, leader), {
		groupId: asId<GroupId>(groupId),
		heldOn: '2026-11-13',
		chairId: leader.id,
		secretaryId: member.id
	});
	return { groupId, planItemId, meetingId };
}

/**
 * memberA's materials in the group: one offered, with a picture in its body and a Word file
 * attached, and one draft.
 */
async function buildMaterials(server: TestServer, groupId: string, member: Actor) {
	const files = createDiskStore(path.join(server.dataDir, 'files'));
	const ctx = ctxWithStore(server.db, member, files);
	const group = asId<GroupId>(groupId);
	const png = Buffer.from(TINY_PNG).toString('base64');
	const { materialId } = await createMaterial(ctx, {
		groupId: group,
		...materialInput({ body: `<p>Сүрөт:</p><img src="data:image/png;base64,${png}" alt="">` })
	});
	const docx = receivedFile(server.dataDir, 'Сабактын планы.docx', await teacherDocx());
	await attachFiles(ctx, {
		groupId: group,
		materialId,
		files: [docx],
		maxGroupBytes: 1024 * 1024 * 1024
	});
	await offerMaterial(ctx, { groupId: group, materialId });
	const { materialId: draftId } = await createMaterial(ctx, {
		groupId: group,
		...materialInput({ title: 'Долбоор' })
	});
	const attachment = await server.db
		.selectFrom('materialAttachments')
		.select('id')
		.where('materialId', '=', materialId)
		.executeTakeFirstOrThrow();
	// The draft's .doc waiting for its conversion (issue 18): due never, so it stays waiting.
	const legacyJobId = await enqueueJob(
		server.db,
		LEGACY_IMPORT_JOB,
		{ groupId, materialId: draftId, blobKey: 'none', size: 1 },
		{ runAt: new Date('2999-01-01') }
	);
	return {
		materialId,
		draftId,
		legacyJobId,
		attachmentId: attachment.id,
		imageKey: createHash('sha256').update(TINY_PNG).digest('hex')
	};
}

/**
 * memberA's proposals: one just submitted (with a PDF), one the leader put to discussion
 * (with memberA's post); a free-standing thread with memberA's post; an open yes/no vote
 * (external members do not vote in this group) and a closed one with its decision.
 */
async function buildDecisions(server: TestServer, groupId: string, leader: Actor, member: Actor) {
	const db = server.db;
	const files = createDiskStore(path.join(server.dataDir, 'files'));
	const asLeader = { ...ctxOf(db, leader), store: files };
	const asMember = { ...ctxOf(db, member), store: files };
	const group = asId<GroupId>(groupId);
	const pdf = receivedFile(server.dataDir, 'Негиздеме.pdf', tinyPdf('Negizdeme'));
	const form = {
		groupId: group,
		kind: 'theme',
		title: 'Жаңы тема',
		body: 'Сунуштун тексти.'
	} as const;
	const maxGroupBytes = 1024 * 1024 * 1024;
	const { proposalId } = await createProposal(asMember, { ...form, files: [pdf], maxGroupBytes });
	const proposalFile = await db
		.selectFrom('proposalAttachments')
		.select('id')
		.where('proposalId', '=', proposalId)
		.executeTakeFirstOrThrow();
	const discussed = await createProposal(asMember, { ...form, files: [], maxGroupBytes });
	const ofDiscussed = { groupId: group, proposalId: discussed.proposalId };
	await analyzeProposal(asLeader, { ...ofDiscussed, analysis: 'Талдоо.' });
	await putToDiscussion(asLeader, ofDiscussed);
	const discussedThread = await proposalThreadId(asMember, ofDiscussed);
	const { postId } = await addPost(asMember, {
		groupId: group,
		threadId: discussedThread,
		body: 'Пикирим.'
	});
	const { threadId } = await startThread(asMember, {
		groupId: group,
		title: 'Эркин талкуу',
		body: 'Суроо.'
	});
	const threadPost = await db
		.selectFrom('discussionPosts')
		.select('id')
		.where('threadId', '=', threadId)
		.executeTakeFirstOrThrow();
	const question = { groupId: group, question: 'Макулбузбу?', kind: 'yes_no' } as const;
	const { voteId } = await openVote(asLeader, question);
	const closed = await openVote(asLeader, question);
	await closeVote(asLeader, {
		groupId: group,
		voteId: closed.voteId,
		text: 'Чечим.',
		seal: testSeal()
	});
	return {
		proposalId,
		proposalFileId: proposalFile.id,
		discussedProposalId: discussed.proposalId,
		postId,
		threadId,
		threadPostId: threadPost.id,
		voteId,
		closedVoteId: closed.voteId
	};
}

/**
 * The leader's collection with one section holding memberA's accepted material, compiled
 * into edition 1; and an empty second collection (compiling it is refused).
 */
async function buildCollections(server: TestServer, groupId: string, leader: Actor, member: Actor) {
	const db = server.db;
	const files = createDiskStore(path.join(server.dataDir, 'files'));
	const group = asId<GroupId>(groupId);
	const { materialId } = await createMaterial(ctxWithStore(db, member, files), {
		groupId: group,
		...materialInput({ title: 'Жыйындыга кабыл алынган' })
	});
	await offerMaterial(ctxOf(db, member), { groupId: group, materialId });
	await decideMaterial(ctxOf(db, leader), {
		groupId: group,
		materialId,
		to: 'accepted',
		version: 1,
		reason: 'Жыйындыга.'
	});
	const ctx = ctxOf(db, leader);
	const form = {
		groupId: asId<GroupId>(groupId),
		title: 'Жыйынды',
		year: 2026,
		language: 'ky' as const
	};
	const { collectionId } = await createCollection(ctx, form);
	const empty = await createCollection(ctx, { ...form, title: 'Бош жыйынды' });
	const ids = { groupId: form.groupId, collectionId };
	const { sectionId } = await addSection(ctx, { ...ids, title: 'Бөлүм' });
	const { itemId } = await addItem(ctx, {
		...ids,
		sectionId,
		materialId: asId<MaterialId>(materialId)
	});
	await compileCollection(ctx, ids);
	// The server's own job runner may take the job first: wait until the edition is made.
	for (let tries = 0; ; tries++) {
		await runJobsUntilIdle(db, files);
		const edition = await db
			.selectFrom('collectionEditions')
			.select('status')
			.where('collectionId', '=', collectionId)
			.executeTakeFirstOrThrow();
		if (edition.status === 'done') break;
		if (edition.status === 'failed' || tries > 600) throw new Error('edition 1 was not made');
		await new Promise((r) => setTimeout(r, 100));
	}
	return { collectionId, emptyCollectionId: empty.collectionId, sectionId, itemId };
}

export type World = Awaited<ReturnType<typeof buildWorld>>;

/** For a test file: a running server holding the world, stopped after the file. */
export function useWorld(
	ready: (server: TestServer, world: World) => void,
	env: Record<string, string> = {}
): void {
	let server: TestServer | undefined;
	beforeAll(async () => {
		server = await startTestServer({ env });
		ready(server, await buildWorld(server));
	});
	afterAll(async () => {
		await server?.stop();
	});
}

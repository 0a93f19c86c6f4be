import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeAccess } from '../../src/lib/server/access/routes';
import type { User } from '../../src/lib/server/db/types';
import { sessionCookie } from '../../src/lib/server/domain/accounts/sessions';
import { sessionTokenFor, testPassword } from '../../src/lib/server/test/factories';
import { call, type TestServer } from '../../src/lib/server/test/server';
import { actorKinds, useWorld, type World } from './world';
import {
	type Row,
	all,
	signedIn,
	only,
	bogus,
	inGroup,
	runners,
	meetingsOf,
	group,
	members,
	author,
	groupWork,
	leader
} from './matrix';
import { formRows } from './permissions-forms';
import { approbationRows } from './permissions-approbation';
import { publicationsRows } from './permissions-publications';
import { catalogRows } from './permissions-catalog';
import { documentsRows } from './permissions-documents';
import { machinesRows } from './permissions-machines';
import { emailRows } from './permissions-email';
import { telegramRows } from './permissions-telegram';
import { calendarRows } from './permissions-calendar';
import { searchRows } from './permissions-search';
import { auditRows } from './permissions-audit';
import { inboxRows } from './permissions-inbox';
import { shellWorkspaceRows } from './permissions-shell';
import { groupWorkspaceRows } from './permissions-group';
import { facesWorkspaceRows } from './permissions-faces';
import { homeWorkspaceRows } from './permissions-home';
import { decisionsWorkspaceRows } from './permissions-decisions';
import { workWorkspaceRows } from './permissions-work';
import { operatorRows } from './permissions-operator';
import { docxRows } from './permissions-docx';
import { importRows } from './permissions-import';
import { ballotRows } from './permissions-ballot';
import { signinRows } from './permissions-signin';
import { webRows } from './permissions-web';
import { privacyRows } from './permissions-privacy';

const groupRows: Row[] = [
	{ route: '/(app)/groups', use: 'GET', path: () => '/groups', expect: signedIn(200) },
	{
		route: '/(app)/groups/new',
		use: 'GET',
		path: () => '/groups/new',
		expect: only({ adminA: 200, adminB: 200 })
	},
	{
		route: '/(app)/groups/new',
		use: 'default',
		path: () => '/groups/new',
		form: {},
		expect: only({ adminA: 400, adminB: 400 })
	},
	{ route: '/(app)/groups/[groupId]', use: 'GET', path: group, expect: inGroup(200) },
	// Staff who are not members may ask (an empty motivation is refused); members may not.
	{
		route: '/(app)/groups/[groupId]',
		use: '?/join',
		path: group,
		form: { message: '' },
		expect: inGroup(403, { teacherA: 400, adminA: 400 })
	},
	{
		route: '/(app)/groups/[groupId]',
		use: '?/withdraw',
		path: group,
		form: { requestId: 'no-such-request' },
		expect: inGroup(404)
	},
	{
		route: '/(app)/groups/[groupId]',
		use: '?/respond',
		path: group,
		form: {},
		expect: inGroup(400)
	},
	{
		route: '/(app)/groups/[groupId]',
		use: '?/close',
		path: group,
		form: {},
		expect: runners(400)
	},
	{
		route: '/(app)/groups/[groupId]',
		use: '?/reopen',
		path: group,
		form: {},
		expect: { ...only({ adminA: 409 }), adminB: 404 }
	},
	// Only those who edit the charter get the form; other viewers read it on the group's home.
	{
		route: '/(app)/groups/[groupId]/charter',
		use: 'GET',
		path: (w) => `${group(w)}/charter`,
		expect: runners(200)
	},
	{
		route: '/(app)/groups/[groupId]/charter',
		use: '?/save',
		path: (w) => `${group(w)}/charter`,
		form: {},
		expect: runners(400)
	},
	// Unchanged settings: allowed, nothing to save.
	{
		route: '/(app)/groups/[groupId]/charter',
		use: '?/settings',
		path: (w) => `${group(w)}/charter`,
		form: {},
		expect: runners(303)
	},
	{
		route: '/(app)/groups/[groupId]/revisions',
		use: 'GET',
		path: (w) => `${group(w)}/revisions`,
		expect: inGroup(200)
	},
	{
		route: '/(app)/groups/[groupId]/members',
		use: 'GET',
		path: (w) => `${group(w)}/members`,
		expect: inGroup(200)
	},
	...(['decide', 'invite', 'external'] as const).map((action): Row => ({
		route: '/(app)/groups/[groupId]/members',
		use: `?/${action}`,
		path: (w) => `${group(w)}/members`,
		form: {},
		expect: runners(400)
	})),
	{
		route: '/(app)/groups/[groupId]/members',
		use: '?/withdraw',
		path: (w) => `${group(w)}/members`,
		form: { requestId: 'no-such-request' },
		expect: inGroup(404)
	},
	// §3.5: only the administration appoints the leader; a leader cannot.
	{
		route: '/(app)/groups/[groupId]/members',
		use: '?/leader',
		path: (w) => `${group(w)}/members`,
		form: {},
		expect: { ...only({ adminA: 400 }), adminB: 404 }
	},
	{
		route: '/(app)/groups/[groupId]/plan',
		use: 'GET',
		path: (w) => `${group(w)}/plan`,
		expect: inGroup(200)
	},
	{
		route: '/(app)/groups/[groupId]/plan',
		use: '?/add',
		path: (w) => `${group(w)}/plan`,
		form: {},
		expect: runners(400)
	},
	// memberA is responsible for the item: may report its status (a bad one is refused).
	{
		route: '/(app)/groups/[groupId]/plan',
		use: '?/status',
		path: (w) => `${group(w)}/plan`,
		form: (w) => ({ itemId: w.planItemId, status: 'bogus' }),
		expect: runners(400, { memberA: 400 })
	},
	{
		route: '/(app)/groups/[groupId]/plan/[itemId]',
		use: 'GET',
		path: (w) => `${group(w)}/plan/${w.planItemId}`,
		expect: inGroup(200)
	},
	{
		route: '/(app)/groups/[groupId]/plan/[itemId]',
		use: '?/save',
		path: (w) => `${group(w)}/plan/${w.planItemId}`,
		form: {},
		expect: runners(400)
	},
	{
		route: '/(app)/groups/[groupId]/meetings',
		use: 'GET',
		path: (w) => `${group(w)}/meetings`,
		expect: meetingsOf(200)
	},
	{
		route: '/(app)/groups/[groupId]/meetings',
		use: '?/create',
		path: (w) => `${group(w)}/meetings`,
		form: {},
		expect: runners(400)
	},
	{
		route: '/(app)/groups/[groupId]/meetings/[meetingId]',
		use: 'GET',
		path: (w) => `${group(w)}/meetings/${w.meetingId}`,
		expect: meetingsOf(200)
	},
	// memberA is the secretary: keeps the minutes too.
	{
		route: '/(app)/groups/[groupId]/meetings/[meetingId]',
		use: '?/save',
		path: (w) => `${group(w)}/meetings/${w.meetingId}`,
		form: {},
		expect: runners(400, { memberA: 400 })
	},
	// Cancelling: those who keep the minutes (the secretary too); an empty form is refused
	// (reason, confirmation) so the world's meeting stays for the other rows.
	{
		route: '/(app)/groups/[groupId]/meetings/[meetingId]',
		use: '?/cancel',
		path: (w) => `${group(w)}/meetings/${w.meetingId}`,
		form: {},
		expect: runners(400, { memberA: 400 })
	},
	{
		route: '/(app)/groups/[groupId]/meetings/[meetingId]/minutes.docx',
		use: 'GET',
		path: (w) => `${group(w)}/meetings/${w.meetingId}/minutes.docx`,
		expect: { ...meetingsOf(200), anonymous: 401 }
	},
	// Last of the group rows: members leave (and stay out); the leader must be replaced first.
	{
		route: '/(app)/groups/[groupId]',
		use: '?/leave',
		path: group,
		form: {},
		expect: inGroup(403, { leaderA: 409, memberA: 303, externalMember: 303 })
	}
];

/**
 * Materials: memberA's offered material, with a Word file and a body picture; and a draft.
 * Offered materials are the group's work (members, the admin); the staff read publications.
 */
const material = (w: World) => `${group(w)}/materials/${w.materialId}`;

const materialRows: Row[] = [
	{ route: '/(app)/materials', use: 'GET', path: () => '/materials', expect: signedIn(200) },
	{
		route: '/(app)/groups/[groupId]/materials',
		use: 'GET',
		path: (w) => `${group(w)}/materials`,
		expect: groupWork(200)
	},
	{
		route: '/(app)/groups/[groupId]/materials/new',
		use: 'GET',
		path: (w) => `${group(w)}/materials/new`,
		expect: members(200)
	},
	{
		route: '/(app)/groups/[groupId]/materials/new',
		use: 'default',
		path: (w) => `${group(w)}/materials/new`,
		form: {},
		expect: members(400)
	},
	{
		route: '/(app)/groups/[groupId]/materials/[materialId]',
		use: 'GET',
		path: material,
		expect: groupWork(200)
	},
	// A draft is its author's alone: the leader and the admin are told it does not exist.
	{
		route: '/(app)/groups/[groupId]/materials/[materialId]',
		use: 'GET',
		path: (w) => `${group(w)}/materials/${w.draftId}`,
		expect: inGroup(404, { memberA: 200 })
	},
	// Offered already: the author's second offer changes nothing.
	{
		route: '/(app)/groups/[groupId]/materials/[materialId]',
		use: '?/offer',
		path: material,
		form: {},
		expect: author(303)
	},
	// The leader decides (an empty decision is refused); a member or the admin may not.
	{
		route: '/(app)/groups/[groupId]/materials/[materialId]',
		use: '?/decide',
		path: material,
		form: {},
		expect: inGroup(403, { leaderA: 400 })
	},
	{
		route: '/(app)/groups/[groupId]/materials/[materialId]',
		use: '?/comment',
		path: material,
		form: {},
		expect: members(400)
	},
	// Checked before the body is read: not a multipart body, refused for the author only.
	{
		route: '/(app)/groups/[groupId]/materials/[materialId]',
		use: '?/upload',
		path: material,
		form: {},
		expect: author(400)
	},
	{
		route: '/(app)/groups/[groupId]/materials/[materialId]',
		use: '?/remove',
		path: material,
		form: { attachmentId: 'no-such-file' },
		expect: author(404)
	},
	{
		route: '/(app)/groups/[groupId]/materials/[materialId]/edit',
		use: 'GET',
		path: (w) => `${material(w)}/edit`,
		expect: author(200)
	},
	...(['save', 'import'] as const).map((action): Row => ({
		route: '/(app)/groups/[groupId]/materials/[materialId]/edit',
		use: `?/${action}`,
		path: (w) => `${material(w)}/edit`,
		form: {},
		expect: author(400)
	})),
	{
		route: '/(app)/groups/[groupId]/materials/[materialId]/versions',
		use: 'GET',
		path: (w) => `${material(w)}/versions`,
		expect: groupWork(200)
	},
	// Members review, but never their own material.
	{
		route: '/(app)/groups/[groupId]/materials/[materialId]/review',
		use: 'GET',
		path: (w) => `${material(w)}/review`,
		expect: members(200, { memberA: 403 })
	},
	{
		route: '/(app)/groups/[groupId]/materials/[materialId]/review',
		use: 'default',
		path: (w) => `${material(w)}/review`,
		form: {},
		expect: members(400, { memberA: 403 })
	},
	{
		route: '/(app)/groups/[groupId]/materials/[materialId]/files/[attachmentId]',
		use: 'GET',
		path: (w) => `${material(w)}/files/${w.attachmentId}`,
		expect: { ...groupWork(200), anonymous: 401 }
	},
	{
		route: '/(app)/groups/[groupId]/materials/[materialId]/files/[attachmentId]/preview',
		use: 'GET',
		path: (w) => `${material(w)}/files/${w.attachmentId}/preview`,
		expect: groupWork(200)
	},
	{
		route: '/(app)/groups/[groupId]/materials/[materialId]/images/[key]',
		use: 'GET',
		path: (w) => `${material(w)}/images/${w.imageKey}`,
		expect: { ...groupWork(200), anonymous: 401 }
	},
	{
		route: '/(app)/groups/[groupId]/criteria',
		use: 'GET',
		path: (w) => `${group(w)}/criteria`,
		expect: inGroup(200)
	},
	// Unticking every criterion is refused: the leader and the admin get that answer.
	{
		route: '/(app)/groups/[groupId]/criteria',
		use: '?/save',
		path: (w) => `${group(w)}/criteria`,
		form: {},
		expect: runners(400)
	}
];

/** C4: proposals, discussions, votes and decisions, seen by members and the admin only. */
const proposalPage = (w: World) => `${group(w)}/proposals/${w.proposalId}`;
const discussedPage = (w: World) => `${group(w)}/proposals/${w.discussedProposalId}`;
const threadPage = (w: World) => `${group(w)}/discussions/${w.threadId}`;
const votePage = (w: World) => `${group(w)}/votes/${w.voteId}`;

/** C6: methodological collections, seen by members and the admin; the leader edits. */
const collectionPage = (w: World) => `${group(w)}/collections/${w.collectionId}`;
const editionPage = (w: World) => `${collectionPage(w)}/editions/1`;
const collectionRows: Row[] = [
	{
		route: '/(app)/groups/[groupId]/collections',
		use: 'GET',
		path: (w) => `${group(w)}/collections`,
		expect: groupWork(200)
	},
	{
		route: '/(app)/groups/[groupId]/collections/new',
		use: 'GET',
		path: (w) => `${group(w)}/collections/new`,
		expect: leader(200)
	},
	{
		route: '/(app)/groups/[groupId]/collections/new',
		use: 'default',
		path: (w) => `${group(w)}/collections/new`,
		form: {},
		expect: leader(400)
	},
	{
		route: '/(app)/groups/[groupId]/collections/[collectionId]',
		use: 'GET',
		path: collectionPage,
		expect: groupWork(200)
	},
	...(
		[
			['addSection', {}, 400],
			['updateSection', (w: World) => ({ sectionId: w.sectionId }), 400],
			['removeSection', { sectionId: 'no-such-section' }, 404],
			['moveSection', (w: World) => ({ sectionId: w.sectionId }), 400],
			['addItem', {}, 400],
			['note', { itemId: 'no-such-item' }, 404],
			['results', { itemId: 'no-such-item', hasResults: 'on' }, 404],
			['removeItem', { itemId: 'no-such-item' }, 404],
			['moveItem', (w: World) => ({ itemId: w.itemId }), 400],
			['reorder', { order: 'not-an-order' }, 400]
		] as const
	).map(([action, form, status]): Row => ({
		route: '/(app)/groups/[groupId]/collections/[collectionId]',
		use: `?/${action}`,
		path: collectionPage,
		form: form as Row['form'],
		expect: leader(status)
	})),
	// Compiling the empty collection: only the leader gets as far as "it is empty".
	{
		route: '/(app)/groups/[groupId]/collections/[collectionId]',
		use: '?/compile',
		path: (w) => `${group(w)}/collections/${w.emptyCollectionId}`,
		form: {},
		expect: leader(409)
	},
	{
		route: '/(app)/groups/[groupId]/collections/[collectionId]/edit',
		use: 'GET',
		path: (w) => `${collectionPage(w)}/edit`,
		expect: leader(200)
	},
	{
		route: '/(app)/groups/[groupId]/collections/[collectionId]/edit',
		use: 'default',
		path: (w) => `${collectionPage(w)}/edit`,
		form: {},
		expect: leader(400)
	},
	{
		route: '/(app)/groups/[groupId]/collections/[collectionId]/editions/[number]',
		use: 'GET',
		path: editionPage,
		expect: groupWork(200)
	},
	// Edition 1 compiled fine (nothing to retry) and no vote approved it yet: 409 for the leader.
	{
		route: '/(app)/groups/[groupId]/collections/[collectionId]/editions/[number]',
		use: '?/retry',
		path: editionPage,
		form: {},
		expect: leader(409)
	},
	{
		route: '/(app)/groups/[groupId]/collections/[collectionId]/editions/[number]',
		use: '?/approve',
		path: editionPage,
		form: {},
		expect: leader(409)
	},
	{
		route: '/(app)/groups/[groupId]/collections/[collectionId]/editions/[number]/web',
		use: 'GET',
		path: (w) => `${editionPage(w)}/web`,
		expect: groupWork(200)
	},
	{
		route: '/(app)/groups/[groupId]/collections/[collectionId]/editions/[number]/collection.docx',
		use: 'GET',
		path: (w) => `${editionPage(w)}/collection.docx`,
		expect: { ...groupWork(200), anonymous: 401 }
	},
	{
		route: '/(app)/groups/[groupId]/collections/[collectionId]/editions/[number]/collection.pdf',
		use: 'GET',
		path: (w) => `${editionPage(w)}/collection.pdf`,
		expect: { ...groupWork(200), anonymous: 401 }
	},
	// Only the pictures of the edition's own content are served.
	{
		route: '/(app)/groups/[groupId]/collections/[collectionId]/editions/[number]/images/[key]',
		use: 'GET',
		path: (w) => `${editionPage(w)}/images/${'0'.repeat(64)}`,
		expect: { ...groupWork(404), anonymous: 401 }
	}
];

const decisionRows: Row[] = [
	{
		route: '/(app)/groups/[groupId]/proposals',
		use: 'GET',
		path: (w) => `${group(w)}/proposals`,
		expect: groupWork(200)
	},
	{
		route: '/(app)/groups/[groupId]/proposals/new',
		use: 'GET',
		path: (w) => `${group(w)}/proposals/new`,
		expect: members(200)
	},
	// Checked before the body is read: not a multipart body, refused for members only.
	{
		route: '/(app)/groups/[groupId]/proposals/new',
		use: 'default',
		path: (w) => `${group(w)}/proposals/new`,
		form: {},
		expect: members(400)
	},
	{
		route: '/(app)/groups/[groupId]/proposals/[proposalId]',
		use: 'GET',
		path: proposalPage,
		expect: groupWork(200)
	},
	// §3.5: the leader analyzes (an empty analysis is refused), puts to discussion (not before
	// the analysis: 409) and returns (a reason is required); a member or the admin may not.
	{
		route: '/(app)/groups/[groupId]/proposals/[proposalId]',
		use: '?/analyze',
		path: proposalPage,
		form: {},
		expect: leader(400)
	},
	{
		route: '/(app)/groups/[groupId]/proposals/[proposalId]',
		use: '?/discuss',
		path: proposalPage,
		form: {},
		expect: leader(409)
	},
	{
		route: '/(app)/groups/[groupId]/proposals/[proposalId]',
		use: '?/return',
		path: proposalPage,
		form: {},
		expect: leader(400)
	},
	{
		route: '/(app)/groups/[groupId]/proposals/[proposalId]/files/[attachmentId]',
		use: 'GET',
		path: (w) => `${proposalPage(w)}/files/${w.proposalFileId}`,
		expect: { ...groupWork(200), anonymous: 401 }
	},
	// Members post in a proposal's open discussion (an empty post is refused); only its
	// author edits a post.
	{
		route: '/(app)/groups/[groupId]/proposals/[proposalId]',
		use: '?/post',
		path: discussedPage,
		form: {},
		expect: members(400)
	},
	{
		route: '/(app)/groups/[groupId]/proposals/[proposalId]',
		use: '?/edit',
		path: discussedPage,
		form: (w) => ({ postId: w.postId, body: '' }),
		expect: author(400)
	},
	// Last on this proposal: its author withdraws it (the others may not).
	{
		route: '/(app)/groups/[groupId]/proposals/[proposalId]',
		use: '?/withdraw',
		path: proposalPage,
		form: {},
		expect: author(303)
	},
	{
		route: '/(app)/groups/[groupId]/discussions',
		use: 'GET',
		path: (w) => `${group(w)}/discussions`,
		expect: groupWork(200)
	},
	{
		route: '/(app)/groups/[groupId]/discussions',
		use: '?/start',
		path: (w) => `${group(w)}/discussions`,
		form: {},
		expect: members(400)
	},
	{
		route: '/(app)/groups/[groupId]/discussions/[threadId]',
		use: 'GET',
		path: threadPage,
		expect: groupWork(200)
	},
	{
		route: '/(app)/groups/[groupId]/discussions/[threadId]',
		use: '?/post',
		path: threadPage,
		form: {},
		expect: members(400)
	},
	{
		route: '/(app)/groups/[groupId]/discussions/[threadId]',
		use: '?/edit',
		path: threadPage,
		form: (w) => ({ postId: w.threadPostId, body: '' }),
		expect: author(400)
	},
	{
		route: '/(app)/groups/[groupId]/votes',
		use: 'GET',
		path: (w) => `${group(w)}/votes`,
		expect: groupWork(200)
	},
	// §3.3: only the leader opens, closes and words decisions; a member or the admin may not.
	{
		route: '/(app)/groups/[groupId]/votes/new',
		use: 'GET',
		path: (w) => `${group(w)}/votes/new`,
		expect: leader(200)
	},
	{
		route: '/(app)/groups/[groupId]/votes/new',
		use: 'default',
		path: (w) => `${group(w)}/votes/new`,
		form: {},
		expect: leader(400)
	},
	{
		route: '/(app)/groups/[groupId]/votes/[voteId]',
		use: 'GET',
		path: votePage,
		expect: groupWork(200)
	},
	// Those on the roll vote (no choice: 400); the admin is not on it, and the consultant
	// does not vote in this group (it does not let external members vote): 403.
	{
		route: '/(app)/groups/[groupId]/votes/[voteId]',
		use: '?/cast',
		path: votePage,
		form: {},
		expect: inGroup(403, { leaderA: 400, memberA: 400 })
	},
	{
		route: '/(app)/groups/[groupId]/votes/[voteId]',
		use: '?/close',
		path: votePage,
		// A meeting that does not exist: refused (400), the vote stays open for the other rows.
		form: { meetingId: 'no-such-meeting' },
		expect: leader(400)
	},
	{
		route: '/(app)/groups/[groupId]/votes/[voteId]',
		use: '?/record',
		path: (w) => `${group(w)}/votes/${w.closedVoteId}`,
		form: {},
		expect: leader(400)
	},
	{
		route: '/(app)/groups/[groupId]/decisions',
		use: 'GET',
		path: (w) => `${group(w)}/decisions`,
		expect: groupWork(200)
	}
];

const matrix: Row[] = [
	{ route: '/healthz', use: 'GET', path: () => '/healthz', expect: all(200) },
	{ route: '/healthz', use: 'HEAD', path: () => '/healthz', expect: all(200) },
	{
		route: '/language',
		use: 'POST',
		path: () => '/language',
		form: { locale: 'ky', next: '/' },
		expect: all(303)
	},

	{ route: '/(public)', use: 'GET', path: () => '/', expect: { ...all(303), anonymous: 200 } },
	// Setup is done: the page sends everyone on; the form is checked and refused.
	{ route: '/(public)/setup', use: 'GET', path: () => '/setup', expect: all(303) },
	{ route: '/(public)/setup', use: 'default', path: () => '/setup', form: {}, expect: all(303) },
	{
		route: '/(public)/signin',
		use: 'GET',
		path: () => '/signin',
		expect: { ...all(303), anonymous: 200 }
	},
	// Signed in already: the form is checked, then the page sends the user on.
	{
		route: '/(public)/signin',
		use: 'default',
		path: () => '/signin',
		form: {},
		expect: { ...all(303), anonymous: 400 }
	},
	{ route: '/(public)/forgot', use: 'GET', path: () => '/forgot', expect: all(200) },
	{ route: '/(public)/forgot', use: 'default', path: () => '/forgot', form: {}, expect: all(400) },
	{
		route: '/(public)/invite/[token]',
		use: 'GET',
		path: () => `/invite/${bogus}`,
		expect: all(410)
	},
	{
		route: '/(public)/invite/[token]',
		use: 'default',
		path: () => `/invite/${bogus}`,
		form: {},
		expect: all(410)
	},
	{ route: '/(public)/reset/[token]', use: 'GET', path: () => `/reset/${bogus}`, expect: all(410) },
	{
		route: '/(public)/reset/[token]',
		use: 'default',
		path: () => `/reset/${bogus}`,
		form: {},
		expect: all(410)
	},

	{ route: '/(app)/home', use: 'GET', path: () => '/home', expect: signedIn(200) },
	{ route: '/(app)/profile', use: 'GET', path: () => '/profile', expect: signedIn(200) },
	{
		route: '/(app)/profile',
		use: '?/save',
		path: () => '/profile',
		form: {},
		expect: signedIn(400)
	},
	{
		route: '/(app)/profile',
		use: '?/password',
		path: () => '/profile',
		form: {},
		expect: signedIn(400)
	},

	{
		route: '/(app)/admin/staff',
		use: 'GET',
		path: () => '/admin/staff',
		expect: only({ adminA: 200, adminB: 200 })
	},
	{
		route: '/(app)/admin/staff',
		use: '?/invite',
		path: () => '/admin/staff',
		form: { email: '' },
		expect: only({ adminA: 400, adminB: 400 })
	},
	{
		route: '/(app)/admin/staff',
		use: '?/revoke',
		path: () => '/admin/staff',
		form: { invitationId: 'no-such-invitation' },
		expect: only({ adminA: 404, adminB: 404 })
	},
	// Scope: the target belongs to school A. Admin B is told it does not exist.
	{
		route: '/(app)/admin/staff/[userId]',
		use: 'GET',
		path: (w) => `/admin/staff/${w.users.victimA.id}`,
		expect: only({ adminA: 200, adminB: 404 })
	},
	// Each action is confirmed by the actor's own password (issue 16).
	...(['deactivate', 'reactivate', 'reset', 'twoFactor'] as const).map((action): Row => ({
		route: '/(app)/admin/staff/[userId]',
		use: `?/${action}`,
		path: (w) => `/admin/staff/${w.users.victimA.id}`,
		form: { password: testPassword },
		expect: only({ adminA: 303, adminB: 404 })
	})),
	{
		route: '/(app)/admin/staff/[userId]',
		use: '?/role',
		path: (w) => `/admin/staff/${w.users.victimA.id}`,
		form: { role: 'teacher', password: testPassword },
		expect: only({ adminA: 303, adminB: 404 })
	},
	{
		route: '/(app)/admin/school',
		use: 'GET',
		path: () => '/admin/school',
		expect: only({ adminA: 200, adminB: 200 })
	},
	{
		route: '/(app)/admin/school',
		use: '?/save',
		path: () => '/admin/school',
		form: {},
		expect: only({ adminA: 400, adminB: 400 })
	},
	{
		route: '/(app)/operator/schools',
		use: 'GET',
		path: () => '/operator/schools',
		expect: only({ operator: 200 })
	},
	{
		route: '/(app)/operator/schools',
		use: '?/add',
		path: () => '/operator/schools',
		form: {},
		expect: only({ operator: 400 })
	},
	{
		route: '/(app)/operator/subjects',
		use: 'GET',
		path: () => '/operator/subjects',
		expect: only({ operator: 200 })
	},
	{
		route: '/(app)/operator/subjects',
		use: '?/add',
		path: () => '/operator/subjects',
		form: {},
		expect: only({ operator: 400 })
	},
	{
		route: '/(app)/operator/schools/[schoolId]',
		use: 'GET',
		path: (w) => `/operator/schools/${w.schoolA}`,
		expect: only({ operator: 200 })
	},
	...(['save', 'invite'] as const).map((action): Row => ({
		route: '/(app)/operator/schools/[schoolId]',
		use: `?/${action}`,
		path: (w) => `/operator/schools/${w.schoolA}`,
		form: {},
		expect: only({ operator: 400 })
	})),
	...materialRows,
	...importRows,
	...decisionRows,
	...collectionRows,
	...formRows,
	...approbationRows,
	...publicationsRows,
	...catalogRows,
	...documentsRows,
	...machinesRows,
	...emailRows,
	...telegramRows,
	...calendarRows,
	...searchRows,
	...auditRows,
	...inboxRows,
	...operatorRows,
	...docxRows,
	...ballotRows,
	...signinRows,
	...webRows,
	...privacyRows,
	...groupRows,
	...shellWorkspaceRows,
	...groupWorkspaceRows,
	...facesWorkspaceRows,
	...homeWorkspaceRows,
	...decisionsWorkspaceRows,
	...workWorkspaceRows,
	// Last: signing out ends each actor's session.
	{ route: '/signout', use: 'POST', path: () => '/signout', expect: all(303) }
];

let server: TestServer;
let world: World;

useWorld((s, w) => {
	server = s;
	world = w;
});

// A successful action posted without JavaScript answers 303 to its own page (redirect after
// post, web/form-results.ts): that is the "allowed" status of an action row.
describe('permission matrix', () => {
	for (const row of matrix) {
		describe(`${row.use} ${row.route}`, () => {
			for (const kind of actorKinds) {
				const expected = row.expect[kind];
				it(`${kind} → ${expected}`, async () => {
					const isAction = row.use === 'default' || row.use.startsWith('?/');
					const pathname = row.path(world) + (row.use.startsWith('?/') ? row.use : '');
					const response = await call(server, pathname, {
						method: isAction ? 'POST' : row.use,
						cookie: world.cookies[kind],
						form:
							typeof row.form === 'function'
								? row.form(world)
								: (row.form ?? (isAction || row.use === 'POST' ? {} : undefined))
					});
					if (expected === 'signin') {
						expect(response.status).toBe(303);
						expect(response.headers.get('location')).toMatch(/^\/signin\?next=/);
					} else {
						expect(response.status).toBe(expected);
					}
				});
			}
		});
	}

	// The matrix ended with sign-out: these checks sign in afresh.
	const cookieOf = async (user: User) =>
		`${sessionCookie}=${await sessionTokenFor(server.db, user)}`;

	it('a denied page still renders translated inside the app shell', async () => {
		const response = await call(server, '/admin/staff', {
			cookie: await cookieOf(world.users.teacherA)
		});
		const html = await response.text();
		expect(response.status).toBe(403);
		expect(html).toContain('Кирүүгө уруксат жок');
		expect(html).toContain('<html lang="ky">');
		expect(html).toMatch(/Сурамдын ID: [0-9a-f-]{36}/);
	});

	it('a denied enhanced form post gets a JSON error and nothing runs', async () => {
		const response = await call(server, `/admin/staff/${world.users.victimA.id}?/deactivate`, {
			cookie: await cookieOf(world.users.adminB),
			form: {},
			headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
		// SvelteKit answers enhanced actions with 200 and the real status inside.
		expect(await response.json()).toMatchObject({ type: 'failure', status: 404 });
		const denied = await call(server, '/admin/staff?/invite', {
			cookie: await cookieOf(world.users.teacherA),
			form: { email: 'sneaky@a.kg' },
			headers: { accept: 'application/json', 'x-sveltekit-action': 'true' }
		});
		expect(denied.status).toBe(403);
		expect(await denied.json()).toMatchObject({
			type: 'error',
			error: { message: expect.any(String) }
		});
		const invited = await server.db
			.selectFrom('invitations')
			.select('id')
			.where('email', '=', 'sneaky@a.kg')
			.execute();
		expect(invited).toHaveLength(0);
	});
});

describe('every route declares who may use it', () => {
	const routesDir = path.resolve(import.meta.dirname, '../../src/routes');
	const files = (fs.readdirSync(routesDir, { recursive: true }) as string[]).filter((f) =>
		/(^|\/)\+(page|page\.server|server)\.(svelte|ts|js)$/.test(f)
	);
	const routeIdOf = (file: string) =>
		'/' + path.dirname(file).replace(/^\.$/, '').split(path.sep).filter(Boolean).join('/');
	const routeIds = [...new Set(files.map(routeIdOf))].map((id) => (id === '/' ? '/' : id));

	it('finds the routes', () => {
		expect(routeIds.length).toBeGreaterThanOrEqual(15);
	});

	it('each route is in routeAccess, and routeAccess has no stale entries', () => {
		expect(routeIds.filter((id) => !routeAccess[id]).sort(), 'routes that declare nothing').toEqual(
			[]
		);
		expect(
			Object.keys(routeAccess)
				.filter((id) => !routeIds.includes(id))
				.sort(),
			'declared but gone'
		).toEqual([]);
	});

	it('each page lives under a group layout that enforces denial ((public) or (app))', () => {
		const pages = files.filter((f) => f.endsWith('+page.svelte')).map(routeIdOf);
		expect(pages.filter((id) => !/^\/\((public|app)\)(\/|$)/.test(id))).toEqual([]);
	});

	const pageServers = import.meta.glob('../../src/routes/**/+page.server.ts');
	const endpoints = import.meta.glob('../../src/routes/**/+server.ts');

	it('each form action and endpoint method is declared, and nothing more', async () => {
		// The globs find the route files (a wrong pattern would find none and check nothing).
		expect(Object.keys(pageServers).length).toBeGreaterThan(40);
		expect(Object.keys(endpoints).length).toBeGreaterThan(5);
		for (const [file, load] of Object.entries(pageServers)) {
			const id = routeIdOf(path.relative(routesDir, path.resolve(import.meta.dirname, file)));
			const module = (await load()) as { actions?: Record<string, unknown> };
			expect(Object.keys(module.actions ?? {}).sort(), id).toEqual(
				Object.keys(routeAccess[id]?.actions ?? {}).sort()
			);
		}
		for (const [file, load] of Object.entries(endpoints)) {
			const id = routeIdOf(path.relative(routesDir, path.resolve(import.meta.dirname, file)));
			const module = (await load()) as Record<string, unknown>;
			const methods = Object.keys(module).filter((k) => /^[A-Z]+$/.test(k));
			expect(methods.sort(), id).toEqual(Object.keys(routeAccess[id]?.endpoint ?? {}).sort());
		}
	});

	it('each declared page, action and method has rows in the matrix', () => {
		const uses = new Set(matrix.map((r) => `${r.route} ${r.use}`));
		const missing: string[] = [];
		for (const [id, access] of Object.entries(routeAccess)) {
			if (access.page && !uses.has(`${id} GET`)) missing.push(`${id} GET`);
			for (const action of Object.keys(access.actions ?? {}))
				if (!uses.has(`${id} ${action === 'default' ? 'default' : `?/${action}`}`))
					missing.push(`${id} ?/${action}`);
			for (const method of Object.keys(access.endpoint ?? {}))
				if (!uses.has(`${id} ${method}`)) missing.push(`${id} ${method}`);
		}
		expect(missing).toEqual([]);
	});
});

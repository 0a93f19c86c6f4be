import fs from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../access/actor';
import { searchCatalog } from '../../search';
import { anonymousCtxOf } from '../../test/context';
import { appError } from '../../test/expect-error';
import { makeGroupWorld, type GroupWorld } from '../../test/groups';
import { ctxWithStore, offeredMaterial, tempStore } from '../../test/materials';
import { insertApprovedEdition } from '../../test/publications';
import { useTestDatabase } from '../../test/vitest';
import { recordApprobation } from '../approbations/record-approbation';
import type { ViewerCtx } from '../context';
import type { MaterialId, PublicationId } from '../ids';
import { decideMaterial } from '../materials/decide-material';
import { answerConsent } from './answer-consent';
import { publicationEditionFile } from './edition-of-publication';
import { getPublication } from './get-publication';
import { listGroupPublications } from './list-group-publications';
import { listMyConsents } from './list-my-consents';
import { listSchoolWork } from './list-school-work';
import { getPublicRecord, listPublicRecords } from './public-records';
import { requestPublication } from './request-publication';
import { getSchoolPage } from './school-page';
import { unpublish } from './unpublish';
import { withdrawPublication } from './withdraw-publication';

const t = useTestDatabase();
const { store, root } = tempStore();
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let w: GroupWorld;
let materialId: MaterialId;
const as = (actor: Actor) => ctxWithStore(t.db, actor, store);
const viewer = (actor: Actor | null): ViewerCtx => ({ ...anonymousCtxOf(t.db), store, actor });
const resultsTitle = 'Апробациянын натыйжалары';

/** The member's material with the scientist as co-author, accepted by the leader. */
beforeEach(async () => {
	w = await makeGroupWorld(t.db);
	schoolName = (
		await t.db
			.selectFrom('schools')
			.select('name')
			.where('id', '=', w.schoolId)
			.executeTakeFirstOrThrow()
	).name;
	materialId = await offeredMaterial(t.db, store, w.member, w.groupId, {
		title: 'Сабактарды оюн аркылуу өтүү',
		coauthors: [w.scientist.id]
	});
	await decideMaterial(as(w.leader), {
		groupId: w.groupId,
		materialId,
		to: 'accepted',
		version: 1,
		reason: 'Жакшы иш.'
	});
});

const publishMaterial = (actor: Actor, audience: 'staff' | 'public' = 'public') =>
	requestPublication(as(actor), {
		groupId: w.groupId,
		target: { kind: 'material', materialId },
		audience,
		licence: 'cc_by',
		resultsTitle
	});
const consent = (actor: Actor, publicationId: PublicationId, decision: 'consented' | 'refused') =>
	answerConsent(as(actor), { publicationId, decision, reason: '' });
const view = (actor: Actor | null, code: string) =>
	getPublication(viewer(actor), { code, locale: 'ky' });
/** The titles the catalog finds in this test's school (other tests' schools share the index). */
const found = async (q: string) => {
	const slug = (
		await t.db.selectFrom('schools').select('slug').where('id', '=', w.schoolId).executeTakeFirst()
	)?.slug;
	return (await searchCatalog(t.db, { q, school: slug })).results.map((r) => r.title);
};
/** The public records of this test's school. */
const records = async (withDeleted = false) =>
	(await listPublicRecords(t.db, { order: 'oldest', limit: 1000, withDeleted })).filter(
		(r) => r.schoolName === schoolName
	);
let schoolName = '';

describe('publishing to interested parties (§3.4)', () => {
	it('asks every author; with the last consent it goes live and into the catalog', async () => {
		const { publicationId, code, status } = await publishMaterial(w.leader);
		expect(status).toBe('awaiting_consent');
		expect(code).toMatch(/^[a-z2-9]{7}$/);
		// Not live yet: anyone outside gets "not found", the catalog has nothing.
		expect((await appError(view(null, code))).status).toBe(404);
		expect((await appError(view(w.staff, code))).status).toBe(404);
		expect(await found('оюн')).toEqual([]);
		// The authors asked see a preview, and their request in their list.
		expect((await view(w.member, code)).myConsent).toEqual({ decision: null });
		expect((await view(w.member, code)).canRead).toBe(true);
		expect((await listMyConsents(as(w.member))).waiting.map((r) => r.code)).toEqual([code]);

		expect((await consent(w.member, publicationId, 'consented')).status).toBe('awaiting_consent');
		expect((await appError(view(null, code))).status).toBe(404);
		expect((await consent(w.scientist, publicationId, 'consented')).status).toBe('published');

		const live = await view(null, code);
		expect(live.status).toBe('published');
		expect(live.canRead).toBe(true);
		expect(live.snapshot.meta.authors.map((a) => a.name)).toEqual([
			'Нурлан Үсөнов',
			'Кубанычбек Эсенгулов'
		]);
		expect(live.consents).toEqual([]); // the public is not shown who consented
		expect(await found('оюн')).toEqual(['Сабактарды оюн аркылуу өтүү']);
		// Answering twice is refused.
		expect((await appError(consent(w.member, publicationId, 'consented'))).status).toBe(409);
	});

	it('an author who refuses stops it, with the reason for the publisher', async () => {
		const { publicationId, code } = await publishMaterial(w.leader);
		await answerConsent(as(w.scientist), {
			publicationId,
			decision: 'refused',
			reason: 'Башка лицензияны каалайм.'
		});
		const seen = await view(w.leader, code);
		expect(seen.status).toBe('refused');
		expect(seen.canRead).toBe(false);
		expect(seen.consents.map((c) => [c.name, c.decision, c.reason])).toContainEqual([
			'Кубанычбек Эсенгулов',
			'refused',
			'Башка лицензияны каалайм.'
		]);
		expect((await appError(view(null, code))).status).toBe(404);
		expect((await appError(consent(w.member, publicationId, 'consented'))).status).toBe(409);
		// Refused, it may be asked again (a new request, a new address).
		const again = await publishMaterial(w.leader);
		expect(again.code).not.toBe(code);
	});

	it('the publisher who is an author has consented by asking', async () => {
		const { publicationId, status } = await publishMaterial(
			w.member.id === w.leader.id ? w.leader : w.leader
		);
		expect(status).toBe('awaiting_consent');
		const rows = await t.db
			.selectFrom('publicationConsents')
			.select(['userId', 'decision'])
			.where('publicationId', '=', publicationId)
			.orderBy('userId')
			.execute();
		// The leader is not an author: only the two authors are asked.
		expect(rows.map((r) => r.userId).sort()).toEqual([w.member.id, w.scientist.id].sort());
	});

	it('only an author asked may answer; others are told it does not exist', async () => {
		const { publicationId } = await publishMaterial(w.leader);
		for (const other of [w.leader, w.staff, w.otherAdmin])
			expect((await appError(consent(other, publicationId, 'consented'))).status).toBe(404);
	});

	it('only the leader and the administration publish', async () => {
		for (const actor of [w.member, w.scientist, w.staff])
			expect((await appError(publishMaterial(actor))).status).toBe(403);
		expect((await appError(publishMaterial(w.otherAdmin))).status).toBe(404);
		expect((await publishMaterial(w.admin)).status).toBe('awaiting_consent');
	});

	it('refuses what is not ready, twice the same, and unknown choices', async () => {
		const draft = await offeredMaterial(t.db, store, w.member, w.groupId, { title: 'Жаңы' });
		const notAccepted = await appError(
			requestPublication(as(w.leader), {
				groupId: w.groupId,
				target: { kind: 'material', materialId: draft },
				audience: 'public',
				licence: 'cc_by',
				resultsTitle
			})
		);
		expect([notAccepted.status, notAccepted.messageKey]).toEqual([
			409,
			'error_publication_material_not_accepted'
		]);
		await publishMaterial(w.leader);
		expect((await appError(publishMaterial(w.leader))).messageKey).toBe('error_publication_exists');
		const bad = await appError(
			requestPublication(as(w.leader), {
				groupId: w.groupId,
				target: { kind: 'material', materialId },
				audience: 'everyone' as 'public',
				licence: 'gpl' as 'cc_by',
				resultsTitle
			})
		);
		expect(bad.status).toBe(400);
		const noResults = await appError(
			requestPublication(as(w.leader), {
				groupId: w.groupId,
				target: { kind: 'results' },
				audience: 'public',
				licence: 'cc_by',
				resultsTitle
			})
		);
		expect(noResults.messageKey).toBe('error_publication_no_results');
	});
});

describe('publishing to the teaching staff', () => {
	it('goes live at once for the school staff and the group, nobody else', async () => {
		const { code, status } = await publishMaterial(w.leader, 'staff');
		expect(status).toBe('published');
		expect((await view(w.staff, code)).canRead).toBe(true);
		expect((await view(w.scientist, code)).canRead).toBe(true); // a member of the group
		expect((await appError(view(null, code))).code).toBe('unauthenticated');
		expect((await appError(view(w.otherTeacher, code))).status).toBe(404);
		expect(await found('оюн')).toEqual([]); // never in the public catalog
		expect((await listSchoolWork(as(w.staff))).map((p) => p.code)).toEqual([code]);
		expect((await appError(listSchoolWork(as(w.scientist)))).status).toBe(403);
		expect(await records()).toEqual([]);
	});
});

describe('taking down', () => {
	it('leaves a tombstone at the address, out of the catalog and feeds, files gone', async () => {
		const { publicationId, code } = await publishMaterial(w.leader);
		await consent(w.member, publicationId, 'consented');
		await consent(w.scientist, publicationId, 'consented');
		expect((await records()).length).toBe(1);
		const ids = { groupId: w.groupId, publicationId };
		expect((await appError(unpublish(as(w.member), { ...ids, reason: 'Эскирди' }))).status).toBe(
			403
		);
		expect((await appError(unpublish(as(w.leader), { ...ids, reason: '' }))).status).toBe(400);
		await unpublish(as(w.leader), { ...ids, reason: 'Жаңы версиясы даярдалууда.' });

		const tombstone = await view(null, code);
		expect(tombstone.status).toBe('unpublished');
		expect(tombstone.canRead).toBe(false);
		expect(tombstone.endReason).toBe('Жаңы версиясы даярдалууда.');
		expect(tombstone.title).toBe('Сабактарды оюн аркылуу өтүү');
		expect(await found('оюн')).toEqual([]);
		expect(await records()).toEqual([]);
		// Harvesters learn it was deleted.
		expect((await getPublicRecord(t.db, code))?.deletedAt).toBeInstanceOf(Date);
		expect((await records(true)).length).toBe(1);
		expect((await appError(unpublish(as(w.leader), { ...ids, reason: 'Дагы' }))).status).toBe(409);
	});

	it('the publisher withdraws a request still waiting', async () => {
		const { publicationId, code } = await publishMaterial(w.leader);
		await withdrawPublication(as(w.leader), { groupId: w.groupId, publicationId });
		expect((await view(w.leader, code)).status).toBe('withdrawn');
		// The authors asked still see what happened to it.
		expect((await view(w.member, code)).status).toBe('withdrawn');
		expect((await appError(view(w.staff, code))).status).toBe(404);
		expect(
			(await appError(withdrawPublication(as(w.leader), { groupId: w.groupId, publicationId })))
				.status
		).toBe(409);
	});
});

describe('editions and results', () => {
	const approvedEdition = () =>
		insertApprovedEdition(t.db, store, {
			groupId: w.groupId,
			editorId: w.leader.id,
			materialId,
			title: 'Сабактарды оюн аркылуу өтүү',
			body: 'Дидактикалык оюндар сабакты жандандырат.'
		});

	it('an approved edition: editors and every material author consent; its PDF is served', async () => {
		const editionId = await approvedEdition();
		const { publicationId, code } = await requestPublication(as(w.leader), {
			groupId: w.groupId,
			target: { kind: 'edition', editionId },
			audience: 'public',
			licence: 'cc_by_sa',
			resultsTitle
		});
		const asked = await t.db
			.selectFrom('publicationConsents')
			.select(['userId', 'decision'])
			.where('publicationId', '=', publicationId)
			.execute();
		// The leader compiled it (an editor): consented by asking.
		expect(Object.fromEntries(asked.map((a) => [a.userId, a.decision]))).toEqual({
			[w.leader.id]: 'consented',
			[w.member.id]: null,
			[w.scientist.id]: null
		});
		await consent(w.member, publicationId, 'consented');
		await consent(w.scientist, publicationId, 'consented');
		const live = await view(null, code);
		expect(live.kind).toBe('edition');
		expect(live.licence).toBe('cc_by_sa');
		expect(await found('дидактикалык')).toEqual(['Тажрыйбадан: жыйынды. Методикалык жыйынды']);
		const file = await publicationEditionFile(viewer(null), { code, format: 'pdf' });
		expect(file.size).toBeGreaterThan(0);
		expect((await publicationEditionFile(viewer(null), { code, format: 'docx' })).size).toBe(
			(await t.db.selectFrom('collectionEditions').select('docxSize').executeTakeFirstOrThrow())
				.docxSize
		);
	});

	it('results freeze the figures of the accepted materials tried in class', async () => {
		await recordApprobation(as(w.leader), {
			groupId: w.groupId,
			materialId,
			title: 'Оюн аркылуу окуу: 5-класс',
			startsOn: '2026-10-01',
			endsOn: '2026-11-15',
			plan: '',
			observations: '',
			conclusion: '',
			classes: [
				{
					name: '5-Б',
					grade: 5,
					pupils: 25,
					before: { fives: 3, fours: 9, threes: 10, twos: 3 },
					after: { fives: 5, fours: 10, threes: 8, twos: 2 }
				}
			]
		});
		const { publicationId, code } = await requestPublication(as(w.leader), {
			groupId: w.groupId,
			target: { kind: 'results' },
			audience: 'public',
			licence: 'cc_by',
			resultsTitle
		});
		const asked = await t.db
			.selectFrom('publicationConsents')
			.select('userId')
			.where('publicationId', '=', publicationId)
			.execute();
		// The material's authors and the approbation's author (the leader, who asked).
		expect(asked.map((a) => a.userId).sort()).toEqual(
			[w.member.id, w.scientist.id, w.leader.id].sort()
		);
		const seen = await view(w.leader, code);
		expect(seen.title).toMatch(/^Апробациянын натыйжалары: /);
		if (seen.snapshot.kind !== 'results') throw new Error('results expected');
		const [material] = seen.snapshot.materials;
		expect(material?.approbations.map((a) => a.title)).toEqual(['Оюн аркылуу окуу: 5-класс']);
		const average = material?.results.indicators.find((i) => i.key === 'average_mark');
		// 5-Б after: 5·5+10·4+8·3+2·2 = 93 / 25 = 3.72.
		expect(average?.points.map((p) => p.after)).toEqual([3.72]);
	});
});

describe('the school page and the group list', () => {
	it('shows public work, the groups by name, and the publisher sees every state', async () => {
		const staff = await publishMaterial(w.leader, 'staff');
		const pub = await publishMaterial(w.leader);
		const school = await t.db
			.selectFrom('schools')
			.select('slug')
			.where('id', '=', w.schoolId)
			.executeTakeFirstOrThrow();
		const page = await getSchoolPage(anonymousCtxOf(t.db), { slug: school.slug! });
		expect(page.publications).toEqual([]); // only live public ones
		expect(page.groups[0]?.leader).toBe('Айгүл Өмүрбекова');
		expect(page.groups[0]?.members).toContain('Нурлан Үсөнов');

		const list = await listGroupPublications(as(w.leader), { groupId: w.groupId });
		expect(list.canPublish).toBe(true);
		expect(list.publications.map((p) => [p.code, p.status]).sort()).toEqual(
			[
				[staff.code, 'published'],
				[pub.code, 'awaiting_consent']
			].sort()
		);
		expect(list.candidates.materials.map((m) => m.id)).toEqual([materialId]);
		const asMember = await listGroupPublications(as(w.member), { groupId: w.groupId });
		expect(asMember.canPublish).toBe(false);
		expect(asMember.candidates.materials).toEqual([]);
		expect(
			(await appError(listGroupPublications(as(w.staff), { groupId: w.groupId }))).status
		).toBe(403);
		expect(
			(await appError(getSchoolPage(anonymousCtxOf(t.db), { slug: 'no-such-school' }))).status
		).toBe(404);
	});
});

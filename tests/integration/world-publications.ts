import path from 'node:path';
import { asId, type MaterialId, type PublicationId } from '../../src/lib/server/domain/ids';
import { decideMaterial } from '../../src/lib/server/domain/materials/decide-material';
import { answerConsent } from '../../src/lib/server/domain/publications/answer-consent';
import { requestPublication } from '../../src/lib/server/domain/publications/request-publication';
import { unpublish } from '../../src/lib/server/domain/publications/unpublish';
import { createDiskStore } from '../../src/lib/server/storage/disk';
import { actorOf } from '../../src/lib/server/test/factories';
import { ctxWithStore, offeredMaterial } from '../../src/lib/server/test/materials';
import { insertApprovedEdition } from '../../src/lib/server/test/publications';
import type { WorldParts } from './world-parts';

/**
 * C7 publications of the group, for the permission matrix: memberA's accepted material
 * published to the public (she consented) and to the staff; a second one waiting for her
 * consent; a third taken down (a tombstone); an approved edition published to the public.
 */
export async function buildPublications({ server, groupId, users }: WorldParts) {
	const files = createDiskStore(path.join(server.dataDir, 'files'));
	const leader = ctxWithStore(server.db, actorOf(users.leaderA!), files);
	const member = ctxWithStore(server.db, actorOf(users.memberA!), files);
	const accepted = async (title: string) => {
		const materialId = await offeredMaterial(server.db, files, member.actor, groupId, { title });
		await decideMaterial(leader, {
			groupId,
			materialId,
			to: 'accepted',
			version: 1,
			reason: 'Жакшы иш, кабыл алынды.'
		});
		return asId<MaterialId>(materialId);
	};
	const publish = (
		target: Parameters<typeof requestPublication>[1]['target'],
		audience: 'staff' | 'public'
	) =>
		requestPublication(leader, {
			groupId,
			target,
			audience,
			licence: 'cc_by',
			resultsTitle: 'Апробациянын натыйжалары'
		});
	const consent = (publicationId: PublicationId) =>
		answerConsent(member, { publicationId, decision: 'consented', reason: '' });

	const first = await accepted('Жарыяланган материал');
	const open = await publish({ kind: 'material', materialId: first }, 'public');
	await consent(open.publicationId);
	const staff = await publish({ kind: 'material', materialId: first }, 'staff');
	const waiting = await publish(
		{ kind: 'material', materialId: await accepted('Макулдук күткөн материал') },
		'public'
	);
	const gone = await publish(
		{ kind: 'material', materialId: await accepted('Алынып салынган материал') },
		'public'
	);
	await consent(gone.publicationId);
	await unpublish(leader, { groupId, publicationId: gone.publicationId, reason: 'Эскирди.' });
	const editionId = await insertApprovedEdition(server.db, files, {
		groupId,
		editorId: users.leaderA!.id,
		materialId: first,
		title: 'Жарыяланган материал',
		body: 'Жыйындынын тексти.'
	});
	const edition = await publish({ kind: 'edition', editionId }, 'public');
	await consent(edition.publicationId);
	const school = await server.db
		.selectFrom('schools as s')
		.innerJoin('groups as g', 'g.schoolId', 's.id')
		.select('s.slug')
		.where('g.id', '=', groupId)
		.executeTakeFirstOrThrow();
	return {
		publicCode: open.code,
		staffCode: staff.code,
		waitingCode: waiting.code,
		waitingId: waiting.publicationId,
		goneCode: gone.code,
		editionCode: edition.code,
		publishedId: open.publicationId,
		schoolSlug: school.slug!
	};
}

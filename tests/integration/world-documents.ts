import path from 'node:path';
import { decideMaterial } from '../../src/lib/server/domain/materials/decide-material';
import { createDiskStore } from '../../src/lib/server/storage/disk';
import { actorOf } from '../../src/lib/server/test/factories';
import { ctxWithStore, offeredMaterial } from '../../src/lib/server/test/materials';
import type { WorldParts } from './world-parts';

/**
 * C7 (documents): memberA's material the leader accepted (version 1), whose DOCX, PDF and
 * print view the rows ask for; the world's offered material and draft are the refusals.
 */
export async function buildDocuments({ server, groupId, users }: WorldParts) {
	const files = createDiskStore(path.join(server.dataDir, 'files'));
	const leader = ctxWithStore(server.db, actorOf(users.leaderA!), files);
	const materialId = await offeredMaterial(server.db, files, actorOf(users.memberA!), groupId, {
		title: 'Документ катары кабыл алынган материал'
	});
	await decideMaterial(leader, {
		groupId,
		materialId,
		to: 'accepted',
		version: 1,
		reason: 'Жыйындыга даяр.'
	});
	return { documentsMaterialId: materialId };
}

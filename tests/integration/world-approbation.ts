import path from 'node:path';
import { recordApprobation } from '../../src/lib/server/domain/approbations/record-approbation';
import { attachApprobationFiles } from '../../src/lib/server/domain/approbations/attach-files';
import { createDiskStore } from '../../src/lib/server/storage/disk';
import { actorOf } from '../../src/lib/server/test/factories';
import { ctxWithStore, receivedFile, tinyPdf } from '../../src/lib/server/test/materials';
import type { WorldParts } from './world-parts';

/**
 * C5 approbations of the group, for the permission matrix: the leader tried memberA's offered
 * material in a class (so neither the leader, its author, nor memberA, the material's author,
 * may observe it; the consultant may), with an evidence file; memberA tried it too.
 */
export async function buildApprobations({ server, groupId, materialId, users }: WorldParts) {
	const files = createDiskStore(path.join(server.dataDir, 'files'));
	const leader = ctxWithStore(server.db, actorOf(users.leaderA!), files);
	const member = ctxWithStore(server.db, actorOf(users.memberA!), files);
	const record = {
		groupId,
		materialId,
		title: 'Оюн аркылуу окуу: 3-класс',
		startsOn: '2026-10-01',
		endsOn: '2026-11-15',
		plan: '',
		observations: '',
		conclusion: '',
		classes: [
			{
				name: '3-А',
				grade: 3,
				pupils: 24,
				before: { fives: 4, fours: 8, threes: 9, twos: 3 },
				after: { fives: 6, fours: 10, threes: 7, twos: 1 }
			}
		]
	};
	const { approbationId } = await recordApprobation(leader, record);
	await attachApprobationFiles(leader, {
		groupId,
		approbationId,
		files: [receivedFile(server.dataDir, 'Текшерүү иши.pdf', tinyPdf('approbation evidence'))],
		maxGroupBytes: 1024 * 1024 * 1024
	});
	const file = await server.db
		.selectFrom('approbationFiles')
		.select('id')
		.where('approbationId', '=', approbationId)
		.executeTakeFirstOrThrow();
	const { approbationId: memberApprobationId } = await recordApprobation(member, {
		...record,
		title: 'Оюн аркылуу окуу: 4-класс'
	});
	return { approbationId, approbationFileId: file.id, memberApprobationId };
}
